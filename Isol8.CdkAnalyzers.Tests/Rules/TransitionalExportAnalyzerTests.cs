using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.TransitionalExportAnalyzer>;
using VerifyExport = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.VolatileExportAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class TransitionalExportAnalyzerTests
{
    private const string Consumers = """
        namespace Isol8.Infra
        {
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container, FunctionStack functions) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, {|#0:keepOldExport: true|}) });
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionFamily(container.TaskDef, "isol8-openclaw", {|#1:keepOldExport: true|}) });
                    new CfnOutput(this, "Version", new CfnOutputProps { Value = CrossStackParameters.FunctionArn(this, functions.Handler.CurrentVersion, {|#2:keepOldExport: true|}) });
                    new CfnOutput(this, "Moved", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef) });
                    new CfnOutput(this, "NotKept", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: false) });
                    new CfnOutput(this, "Positional", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, true) });
                    new CfnOutput(this, "Other", new CfnOutputProps { Value = Unrelated.Arn(container.TaskDef, keepOldExport: true) });
                }
            }

            public static class Unrelated
            {
                public static string Arn(ITaskDefinition taskDefinition, bool keepOldExport) => taskDefinition.TaskDefinitionArn;
            }
        }

        """;

    private static DiagnosticResult Expected(int location, string what)
        => new DiagnosticResult(DiagnosticIds.TransitionalExport, DiagnosticSeverity.Info).WithLocation(location).WithArguments(what);

    [Fact]
    public async Task KeepOldExportOnTheHelper_Triggers_OnTheArgument()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(CdkSources.Usings + "namespace Isol8.Infra\n{\n" + CdkSources.ContainerStack + CdkSources.FunctionStack + "}\n" + Consumers);
        test.TestState.Sources.Add(("CrossStackParameters.cs", ExpectedFiles.HelperFile("Isol8.Infra")));
        test.ExpectedDiagnostics.Add(Expected(0, "CrossStackParameters.TaskDefinitionArn"));
        test.ExpectedDiagnostics.Add(Expected(1, "CrossStackParameters.TaskDefinitionFamily"));
        test.ExpectedDiagnostics.Add(Expected(2, "CrossStackParameters.FunctionArn"));
        await test.RunAsync();
    }

    [Fact]
    public Task NamedExportBesideItsParameter_IsTransitional_NamedExportAlone_IsNot()
        => Verify.VerifyAsync(CdkSources.Usings + """
            using Amazon.CDK.AWS.SSM;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    var other = new FargateTaskDefinition(this, "Other");
                    ExportValue({|#0:taskDef.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8-openclaw" });
                    new StringParameter(this, "Isol8OpenclawParameter", new StringParameterProps { ParameterName = "/cdk-cross-stack/isol8-openclaw", StringValue = taskDef.TaskDefinitionArn });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#1:taskDef.TaskDefinitionArn|}, ExportName = "isol8-openclaw-arn" });
                    new StringParameter(this, "Isol8OpenclawArnParameter", new StringParameterProps { ParameterName = "/cdk-cross-stack/isol8-openclaw-arn", StringValue = taskDef.TaskDefinitionArn });
                    ExportValue(other.TaskDefinitionArn, new ExportValueOptions { Name = "isol8-other" });
                    new StringParameter(this, "Unrelated", new StringParameterProps { ParameterName = "/x", StringValue = other.Family });
                    ExportValue(other.TaskDefinitionArn, new ExportValueOptions { Name = "isol8-other-again" });
                    var unrelated = 1;
                    new StringParameter(this, "NotRightAfter", new StringParameterProps { ParameterName = "/y", StringValue = other.TaskDefinitionArn });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"));

    [Fact]
    public Task NamedExportBesideItsParameter_IsNotReportedByIcdk005()
        => VerifyExport.VerifyAsync(CdkSources.Usings + """
            using Amazon.CDK.AWS.SSM;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    var other = new FargateTaskDefinition(this, "Other");
                    ExportValue(taskDef.TaskDefinitionArn, new ExportValueOptions { Name = "isol8-openclaw" });
                    new StringParameter(this, "Isol8OpenclawParameter", new StringParameterProps { ParameterName = "/cdk-cross-stack/isol8-openclaw", StringValue = taskDef.TaskDefinitionArn });
                    ExportValue({|#0:other.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8-other" });
                }
            }
            """,
            new DiagnosticResult(DiagnosticIds.VolatileExport, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("TaskDefinitionArn"));
}
