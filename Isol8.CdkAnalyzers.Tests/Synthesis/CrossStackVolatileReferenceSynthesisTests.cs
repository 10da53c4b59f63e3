using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>ICDK001 means what CDK does: the flagged reads are exactly those that synthesize to an import of a task definition export.</summary>
[Collection(SynthesisTestGroup.Name)]
public class CrossStackVolatileReferenceSynthesisTests
{
    private const string App = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var container = new ContainerStack(app, "Container");
                new ArnReaderStack(app, "ArnReader", container);
                new FamilyReaderStack(app, "FamilyReader", container);
                new ImportedReaderStack(app, "ImportedReader");
                new ArnFromAppLevel(app, "AppLevel", container.TaskDef.TaskDefinitionArn);
                new CfnOutput(container, "OwnArn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
            }
        }

        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                TaskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
            }

            public FargateTaskDefinition TaskDef { get; }
        }

        public class ArnReaderStack : Stack
        {
            public ArnReaderStack(Construct scope, string id, ContainerStack container) : base(scope, id)
            {
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
            }
        }

        public class FamilyReaderStack : Stack
        {
            public FamilyReaderStack(Construct scope, string id, ContainerStack container) : base(scope, id)
            {
                new CfnOutput(this, "Family", new CfnOutputProps { Value = container.TaskDef.Family });
            }
        }

        public class ImportedReaderStack : Stack
        {
            public ImportedReaderStack(Construct scope, string id) : base(scope, id)
            {
                var imported = TaskDefinition.FromTaskDefinitionArn(this, "Imported", "arn:aws:ecs:eu-west-1:123456789012:task-definition/isol8-openclaw:7");
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = imported.TaskDefinitionArn });
            }
        }

        public class ArnFromAppLevel : Stack
        {
            public ArnFromAppLevel(Construct scope, string id, string taskDefinitionArn) : base(scope, id)
            {
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDefinitionArn });
            }
        }
        """;

    [Fact]
    public async Task FlaggedReads_AreExactlyTheStacksThatImportATaskDefinitionExport()
    {
        var compilation = TestCompilation.Create(App);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var flaggedConsumers = diagnostics
            .Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference)
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split("used in stack '")[1].Split('\'')[0])
            .OrderBy(name => name)
            .ToList();

        var templates = CdkSynthesizer.Synthesize(compilation);
        var importingStacks = templates.StackNames
            .Where(stack => templates.ImportedResourceTypes(stack).Contains("AWS::ECS::TaskDefinition"))
            .OrderBy(name => name)
            .ToList();

        Assert.Equal(new[] { "ArnFromAppLevel", "ArnReaderStack" }, flaggedConsumers);
        Assert.Equal(new[] { "AppLevel", "ArnReader" }, importingStacks);
        Assert.Empty(templates.ImportedExports("FamilyReader"));
        Assert.Empty(templates.ImportedExports("ImportedReader"));
        Assert.Empty(templates.ImportedExports("Container"));
    }
}
