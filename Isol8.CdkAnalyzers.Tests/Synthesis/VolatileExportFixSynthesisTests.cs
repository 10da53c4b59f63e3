using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Deployment;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>
/// The ICDK005 fix rolls out as its page says: the owner publishes an SSM parameter beside the export it keeps
/// (migrate), an importer moves to the parameter, the owner's next change deploys, and ICDK007's fix then removes
/// the export. The importer stands for any stack that imports the export by name, in this app or another.
/// </summary>
[Collection(SynthesisTestGroup.Name)]
public class VolatileExportFixSynthesisTests
{
    private const string Import = """Fn.ImportValue("isol8-openclaw-task-definition")""";

    private const string ParameterRead = """Amazon.CDK.AWS.SSM.StringParameter.ValueForStringParameter(this, "/cdk-cross-stack/isol8-openclaw-task-definition")""";

    private const string App = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var container = new ContainerStack(app, "Container");
                new ImporterStack(app, "Importer", container);
            }
        }

        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                EXPORTS
            }

            public string ApiArn { get; private set; } = null!;
        }

        public class ImporterStack : Stack
        {
            public ImporterStack(Construct scope, string id, Stack container) : base(scope, id)
            {
                // An import by name carries no dependency: the team that wrote it orders the stacks by hand.
                AddDependency(container);
                new CfnOutput(this, "Imported", new CfnOutputProps { Value = IMPORT });
            }
        }
        """;

    /// <summary>The owner's exports: of the read itself, or of a relay and an interpolated local (the same reference, synthesized).</summary>
    public static TheoryData<string> Exports => new()
    {
        """
        ExportValue(taskDef.TaskDefinitionArn, new ExportValueOptions { Name = "isol8-openclaw-task-definition" });
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn, ExportName = "isol8-openclaw-arn" });
        """,
        """
        ApiArn = taskDef.TaskDefinitionArn;
                var arn = taskDef.TaskDefinitionArn;
                ExportValue(ApiArn, new ExportValueOptions { Name = "isol8-openclaw-task-definition" });
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = $"{arn}", ExportName = "isol8-openclaw-arn" });
        """,
    };

    [Theory]
    [MemberData(nameof(Exports))]
    public async Task ParameterBesideTheKeptExport_MigratesMovesDeploysTheNextChange_AndRetires(string exports)
    {
        var app = App.Replace("EXPORTS", exports.Trim(), System.StringComparison.Ordinal);
        var before = CdkSynthesizer.Synthesize(app.Replace("IMPORT", Import, System.StringComparison.Ordinal));
        DeploymentScenarios.AssertLocks(DeployableApp.From(before));

        using var fixer = new WorkspaceFixer(app.Replace("IMPORT", Import, System.StringComparison.Ordinal));
        Assert.Equal(2, await fixer.FixOneByOneAsync(new VolatileExportFixer(), DiagnosticIds.VolatileExport, VolatileExportFixer.PublishParameterEquivalenceKey));
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.VolatileExport));
        Assert.Equal(2, (await fixer.DiagnosticsAsync(DiagnosticIds.TransitionalExport)).Length);
        var fixedSource = await fixer.TextAsync("File0.cs");

        var after = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());
        DeploymentScenarios.AssertKeepsEveryResource(before, after);
        var published = after.PublishedParameters("Container");
        Assert.Equal(new[] { "/cdk-cross-stack/isol8-openclaw-arn", "/cdk-cross-stack/isol8-openclaw-task-definition" }, published.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.All(published.Values, value => Assert.Equal("{\"Ref\":\"TaskDef54694570\"}", value));
        var migrated = DeploymentScenarios.AssertDeploys("migrate", DeploymentScenarios.Live(DeployableApp.From(before)), DeployableApp.From(after));
        DeploymentScenarios.AssertDeploys("fresh", CloudFormationAccount.Empty(), DeployableApp.From(after));

        // While the importer still imports, the kept export still locks the owner: that is why the importer moves next.
        DeploymentScenarios.AssertLocks(DeployableApp.From(after));

        var moved = CdkSynthesizer.Synthesize(fixedSource.Replace(Import, ParameterRead, System.StringComparison.Ordinal));
        var movedAccount = DeploymentScenarios.AssertDeploys("move", migrated, DeployableApp.From(moved));
        var next = DeploymentScenarios.AssertDeploys("next", movedAccount, DeployableApp.From(moved).WithVolatileResourcesChanged());

        using var retirement = new WorkspaceFixer(fixedSource.Replace(Import, ParameterRead, System.StringComparison.Ordinal));
        await retirement.FixAllAsync(new TransitionalExportFixer(), DiagnosticIds.TransitionalExport, TransitionalExportFixer.RemoveExportEquivalenceKey);
        Assert.Empty(await retirement.DiagnosticsAsync(DiagnosticIds.TransitionalExport));
        var retired = CdkSynthesizer.Synthesize(await retirement.CompilationAsync());
        Assert.Empty(retired.Template("Container")["Outputs"]?.AsObject().Where(output => output.Value?["Export"] is not null) ?? []);
        DeploymentScenarios.AssertDeploys("retire", next, DeployableApp.From(retired).WithVolatileResourcesChanged());
        DeploymentScenarios.AssertDeploys("fresh after retiring", CloudFormationAccount.Empty(), DeployableApp.From(retired));
    }

    /// <summary>
    /// The app's own export helper, given the task definition's ARN, a built string and a local, and outputs named apart
    /// from their props (in the output's initializer, later on its local): each synthesizes to an export of the task
    /// definition's reference, and each is reported, at the value or where the export is named.
    /// </summary>
    [Fact]
    public async Task ValuesExportedThroughAHelperALocalAndAString_AreExportsOfTheTaskDefinition_AndAreReported()
    {
        var compilation = TestCompilation.Create("""
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public static class TestApp
            {
                public static void Build(App app) => new ContainerStack(app, "Container");
            }

            public static class Outputs
            {
                public static CfnOutput Export(Construct scope, string name, string value)
                    => new CfnOutput(scope, name, new CfnOutputProps { Value = value, ExportName = name });
            }

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                    taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    Outputs.Export(this, "isol8-helper", taskDef.TaskDefinitionArn);
                    var arn = taskDef.TaskDefinitionArn;
                    new CfnOutput(this, "Local", new CfnOutputProps { Value = arn, ExportName = "isol8-local" });
                    new CfnOutput(this, "Built", new CfnOutputProps { Value = $"{arn}", ExportName = "isol8-built" });
                    new CfnOutput(this, "Initializer", new CfnOutputProps { Value = arn }) { ExportName = "isol8-initializer" };
                    var late = new CfnOutput(this, "Late", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    late.ExportName = "isol8-late";
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var reported = diagnostics.Where(d => d.Id == DiagnosticIds.VolatileExport).Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan));
        Assert.Equal(new[] { "taskDef.TaskDefinitionArn", "arn", "$\"{arn}\"", "ExportName = \"isol8-initializer\"", "late.ExportName = \"isol8-late\"" }, reported);
        var exports = templates.Template("Container")["Outputs"]!.AsObject()
            .Where(output => output.Value?["Export"] is not null)
            .ToDictionary(output => output.Value!["Export"]!["Name"]!.GetValue<string>(), output => output.Value!["Value"]!.ToJsonString());
        Assert.Equal(new[] { "isol8-built", "isol8-helper", "isol8-initializer", "isol8-late", "isol8-local" }, exports.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.All(exports.Values, value => Assert.Equal("{\"Ref\":\"TaskDef54694570\"}", value));
    }

    /// <summary>
    /// Outputs exported in loops over collections the stack builds: the loop over a dictionary and the one over an array
    /// of tuples each export the task definition's reference under one of their names, and are reported at the value;
    /// the loop over stable values only exports none, and is silent.
    /// </summary>
    [Fact]
    public async Task ValuesExportedInLoops_ExportTheTaskDefinitionWhereAnElementIsVolatile_AndAreReportedThere()
    {
        var compilation = TestCompilation.Create("""
            using System.Collections.Generic;
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
                    var exports = new Dictionary<string, string> { ["isol8-dict-family"] = taskDef.Family, ["isol8-dict-arn"] = taskDef.TaskDefinitionArn };
                    foreach (var (name, value) in exports)
                        new CfnOutput(this, name, new CfnOutputProps { Value = value, ExportName = name });
                    foreach (var (name, value) in new[] { ("isol8-tuple-family", taskDef.Family), ("isol8-tuple-arn", taskDef.TaskDefinitionArn) })
                        new CfnOutput(this, name, new CfnOutputProps { Value = value, ExportName = name });
                    var stable = new Dictionary<string, string> { ["isol8-stable-family"] = taskDef.Family, ["isol8-stable-id"] = id };
                    foreach (var (name, value) in stable)
                        new CfnOutput(this, name, new CfnOutputProps { Value = value, ExportName = name });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var reported = diagnostics.Where(d => d.Id == DiagnosticIds.VolatileExport).Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal(new[] { 19, 21 }, reported);
        var exports = templates.Template("Container")["Outputs"]!.AsObject()
            .Where(output => output.Value?["Export"] is not null)
            .ToDictionary(output => output.Value!["Export"]!["Name"]!.GetValue<string>(), output => output.Value!["Value"]!.ToJsonString());
        Assert.Equal(
            new[] { "isol8-dict-arn", "isol8-tuple-arn" },
            exports.Where(export => export.Value == "{\"Ref\":\"TaskDef54694570\"}").Select(export => export.Key).OrderBy(k => k, System.StringComparer.Ordinal));
        Assert.Equal(6, exports.Count);
    }
}
