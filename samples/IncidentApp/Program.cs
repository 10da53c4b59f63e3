using Amazon.CDK;
using IncidentApp;

var app = new App();
IsolApp.Build(app);
app.Synth();
