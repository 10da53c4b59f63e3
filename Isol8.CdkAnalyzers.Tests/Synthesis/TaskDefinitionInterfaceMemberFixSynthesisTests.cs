using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>An app that does not compile because of <c>.Family</c> on <c>ITaskDefinition</c>, fixed through the workspace, synthesizes with the family string where the ARN import was.</summary>
[Collection(SynthesisTestGroup.Name)]
public class TaskDefinitionInterfaceMemberFixSynthesisTests
{
    private const string App = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var container = new ContainerStack(app, "Container");
                new ServiceStack(app, "Service", new ServiceStackProps { Container = container });
            }
        }

        public interface IContainerOutputs
        {
            ITaskDefinition OpenClawTaskDef { get; }
        }

        public class ContainerStack : Stack, IContainerOutputs
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                var taskDef = new FargateTaskDefinition(this, "OpenClaw", new FargateTaskDefinitionProps { Family = "isol8-prod-openclaw" });
                taskDef.AddContainer("openclaw", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                OpenClawTaskDef = taskDef;
            }

            public ITaskDefinition OpenClawTaskDef { get; }
        }

        public class ServiceStackProps : StackProps
        {
            public PROPSTYPE Container { get; set; } = null!;
        }

        public class ServiceStack : Stack
        {
            public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
            {
                var backend = new FargateTaskDefinition(this, "Backend");
                backend.AddContainer("backend", new ContainerDefinitionOptions
                {
                    Image = ContainerImage.FromRegistry("nginx"),
                    Environment = new Dictionary<string, string> { ["OPENCLAW_TASK_DEFINITION"] = props.Container.OpenClawTaskDef.MEMBER },
                });
            }
        }
        """;

    /// <summary>
    /// The app as deployed before someone typed <c>.Family</c> read the ARN there (the family is the usual quick fix of
    /// the lock); the fixed app must deploy over that one.
    /// </summary>
    /// <remarks>The stack reaches the consumer as its class or as the app's outputs interface, which that class implements.</remarks>
    [Theory]
    [InlineData("ContainerStack")]
    [InlineData("IContainerOutputs")]
    public async Task FamilyOnTheInterface_FixedToTheDeclaredFamily_DeploysOverTheAppThatReadTheArn(string propsType)
    {
        var app = App.Replace("PROPSTYPE", propsType, System.StringComparison.Ordinal);
        var before = CdkSynthesizer.Synthesize(app.Replace("MEMBER", "TaskDefinitionArn", System.StringComparison.Ordinal));
        Assert.Contains("Fn::ImportValue", EnvironmentValue(before).ToJsonString(), System.StringComparison.Ordinal);
        Assert.Equal("isol8-prod-openclaw", before.Resources("Container", "AWS::ECS::TaskDefinition").Values.Single()["Properties"]!["Family"]!.ToString());

        using var fixer = new WorkspaceFixer(app.Replace("MEMBER", "Family", System.StringComparison.Ordinal));
        Assert.Contains((await fixer.CompilationAsync()).GetDiagnostics(), d => d.Id == "CS1061");
        var applied = await fixer.FixOneByOneAsync(new TaskDefinitionInterfaceMemberFixer(), DiagnosticIds.TaskDefinitionInterfaceMember, TaskDefinitionInterfaceMemberFixer.DeclaredFamilyEquivalenceKey);
        Assert.Equal(1, applied);
        Assert.Contains("""CrossStackParameters.TaskDefinitionFamily(props.Container.OpenClawTaskDef, "isol8-prod-openclaw", keepOldExport: true)""", await fixer.TextAsync("File0.cs"), System.StringComparison.Ordinal);
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));

        var after = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());
        Assert.Equal("\"isol8-prod-openclaw\"", EnvironmentValue(after).ToJsonString());
        Assert.Empty(after.ImportedExports("Service"));
        await FixRollout.AssertDeploysAsync(before, fixer);
    }

    private static JsonNode EnvironmentValue(CloudAssemblyTemplates templates)
    {
        var taskDefinition = templates.Resources("Service", "AWS::ECS::TaskDefinition").Values.Single();
        var environment = taskDefinition["Properties"]!["ContainerDefinitions"]![0]!["Environment"]!.AsArray();
        return environment.Single(entry => entry!["Name"]!.ToString() == "OPENCLAW_TASK_DEFINITION")!["Value"]!;
    }
}
