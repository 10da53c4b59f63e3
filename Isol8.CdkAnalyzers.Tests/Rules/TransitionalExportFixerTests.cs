using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Isol8.CdkAnalyzers.Rules.TransitionalExportAnalyzer, Isol8.CdkAnalyzers.CodeFixes.Rules.TransitionalExportFixer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class TransitionalExportFixerTests
{
    [Fact]
    public async Task KeepOldExport_IsRemoved_AndTheFamilyCallBecomesTheFamily()
    {
        const string Consumer = """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, [|keepOldExport: true|]) });
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionFamily(container.TaskDef, "isol8-openclaw", [|keepOldExport: true|]) });
                    new CfnOutput(this, "Task", new CfnOutputProps { Value = CrossStackParameters.ImportTaskDefinition(this, container.TaskDef, [|keepOldExport: true|]).TaskDefinitionArn });
                }
            }
            """;
        const string Fixed = """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef) });
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = "isol8-openclaw" });
                    new CfnOutput(this, "Task", new CfnOutputProps { Value = CrossStackParameters.ImportTaskDefinition(this, container.TaskDef).TaskDefinitionArn });
                }
            }
            """;
        var test = new Verify.Test();
        var container = CdkSources.Usings + "namespace Isol8.Infra;\n\n" + CdkSources.ContainerStack;
        var helper = ("CrossStackParameters.cs", ExpectedFiles.HelperFile("Isol8.Infra"));
        test.TestState.Sources.Add(container);
        test.TestState.Sources.Add(Consumer);
        test.TestState.Sources.Add(helper);
        test.FixedState.Sources.Add(container);
        test.FixedState.Sources.Add(Fixed);
        test.FixedState.Sources.Add(helper);
        await test.RunAsync();
    }

    [Fact]
    public Task NamedExportBesideItsParameter_IsRemoved_TheParameterStays()
    {
        const string Before = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.SSM;
            using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ExportValue([|taskDef.TaskDefinitionArn|], new ExportValueOptions { Name = "isol8-openclaw" });
                    new StringParameter(this, "Isol8OpenclawParameter", new StringParameterProps { ParameterName = "/cdk-cross-stack/isol8-openclaw", StringValue = taskDef.TaskDefinitionArn });
                }
            }
            """;
        const string After = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.SSM;
            using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    new StringParameter(this, "Isol8OpenclawParameter", new StringParameterProps { ParameterName = "/cdk-cross-stack/isol8-openclaw", StringValue = taskDef.TaskDefinitionArn });
                }
            }
            """;
        var test = new Verify.Test();
        test.TestState.Sources.Add(Before);
        test.FixedState.Sources.Add(After);
        return test.RunAsync();
    }
}
