using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.VolatileExportAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class VolatileExportAnalyzerTests
{
    private static DiagnosticResult Expected(int location, string member)
        => new DiagnosticResult(DiagnosticIds.VolatileExport, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(member);

    [Fact]
    public Task ExportValueAndExportedOutput_Trigger()
        => Verify.VerifyAsync(CdkSources.Usings + CdkSources.FunctionStack + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ExportValue({|#0:taskDef.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8-openclaw-task-definition" });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#1:taskDef.TaskDefinitionArn|}, ExportName = "isol8-openclaw-arn" });
                }
            }

            public static class Wiring
            {
                public static void Build(App app)
                {
                    var functions = new FunctionStack(app, "Functions");
                    functions.ExportValue({|#2:functions.Handler.CurrentVersion.FunctionArn|});
                }
            }
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"),
            Expected(2, "FunctionArn"));

    [Fact]
    public Task UnexportedOutputsStableValuesAndImports_DoNotTrigger()
        => Verify.VerifyAsync(CdkSources.Usings + CdkSources.FunctionStack + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = taskDef.Family, ExportName = "isol8-openclaw-family" });
                    ExportValue(functions.Handler.FunctionArn);
                    var imported = TaskDefinition.FromTaskDefinitionArn(this, "Imported", "arn:aws:ecs:eu-west-1:123456789012:task-definition/other:1");
                    ExportValue(imported.TaskDefinitionArn);
                }
            }
            """);

    /// <summary>A member added on an interface is exported through every type that implements it.</summary>
    [Fact]
    public Task CatalogueOptions_InterfaceMemberIsFoundThroughImplementingClasses()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + CdkSources.FunctionStack + """
                public static class Wiring
                {
                    public static void Build(App app)
                    {
                        var functions = new FunctionStack(app, "Functions");
                        functions.ExportValue({|#0:functions.Handler.FunctionArn|});
                        functions.ExportValue(functions.Handler.FunctionName);
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: "isol8_cdk.volatile_members = Amazon.CDK.AWS.Lambda.IFunction.FunctionArn\n",
            Expected(0, "FunctionArn"));

    [Fact]
    public Task WiderCatalogue_ExportsOfEachEntryTrigger()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.WiderUsings + CdkSources.WiderProducer + """
                public static class Wiring
                {
                    public static void Build(App app)
                    {
                        var producer = new ProducerStack(app, "Producer");
                        producer.ExportValue({|#0:producer.Job.JobDefinitionArn|});
                        producer.ExportValue({|#1:producer.Template.LatestVersionNumber|});
                        producer.ExportValue({|#2:producer.MachineVersion.AttrArn|});
                        producer.ExportValue({|#3:producer.Model.Ref|});
                        producer.ExportValue(producer.Template.LaunchTemplateId!);
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "JobDefinitionArn"),
            Expected(1, "LatestVersionNumber"),
            Expected(2, "AttrArn"),
            Expected(3, "Ref"));

    /// <summary>Only <c>ExportValue</c> exports: another method of the stack that takes the value (<c>Resolve</c>) does not.</summary>
    [Fact]
    public Task OtherStackMethodTakingAVolatileValue_DoesNotTrigger()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    var resolved = Resolve(taskDef.TaskDefinitionArn);
                }
            }
            """);
}

