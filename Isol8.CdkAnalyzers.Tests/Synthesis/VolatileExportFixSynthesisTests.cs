using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>The ICDK005 fix removes the export from the template and leaves an SSM parameter holding the same value.</summary>
[Collection(SynthesisTestGroup.Name)]
public class VolatileExportFixSynthesisTests
{
    private const string App = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app) => new ContainerStack(app, "Container");
        }

        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                ExportValue(taskDef.TaskDefinitionArn, new ExportValueOptions { Name = "isol8-openclaw-task-definition" });
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn, ExportName = "isol8-openclaw-arn" });
            }
        }
        """;

    [Fact]
    public async Task ExportsBecomeSsmParametersHoldingTheSameValue()
    {
        var before = CdkSynthesizer.Synthesize(App);
        var exported = Exports(before.Template("Container"));
        Assert.Equal(2, exported.Length);

        using var fixer = new WorkspaceFixer(App);
        var applied = await fixer.FixOneByOneAsync(new VolatileExportFixer(), DiagnosticIds.VolatileExport, VolatileExportFixer.PublishParameterEquivalenceKey);
        Assert.Equal(2, applied);

        var after = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());
        Assert.Empty(Exports(after.Template("Container")));
        var published = after.PublishedParameters("Container");
        Assert.Equal(new[] { "/cdk-cross-stack/isol8-openclaw-arn", "/cdk-cross-stack/isol8-openclaw-task-definition" }, published.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.All(published.Values, value => Assert.Equal(exported[0].Value, value));
    }

    private static (string Name, string Value)[] Exports(JsonObject template)
        => (template["Outputs"] as JsonObject ?? new JsonObject())
            .Where(output => output.Value?["Export"] is not null)
            .Select(output => (output.Value!["Export"]!["Name"]!.ToString(), output.Value!["Value"]!.ToJsonString()))
            .ToArray();
}
