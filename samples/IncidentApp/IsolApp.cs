using Amazon.CDK;

namespace IncidentApp;

/// <summary>Wires the stacks of one environment: the container stack owns the task definition, the service stack uses it.</summary>
public static class IsolApp
{
    public static void Build(App app)
    {
        var container = new ContainerStack(app, "isol8-prod-container");
        new ServiceStack(app, "isol8-prod-service", new ServiceStackProps { Container = container });
    }
}
