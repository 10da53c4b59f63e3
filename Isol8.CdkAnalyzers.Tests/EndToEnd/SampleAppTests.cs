using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Deployment;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.EndToEnd;

/// <summary>The sample app as a user meets it: built with the analyzers, bulk-fixed with dotnet format, synthesized.</summary>
[Collection(EndToEndTestGroup.Name)]
public class SampleAppTests
{
    private const string FlaggedLine = "ServiceStack.cs(28,52): warning ICDK001";

    [Fact]
    public async Task DotnetFormatAppliesTheSsmFix_AndTheAppDeploysOverTheLiveOne()
    {
        var samples = DotnetCli.CopySamples();
        var app = Path.Combine(samples, "IncidentApp");
        PointAnalyzerReferencesAtRepository(app);

        var build = await DotnetCli.RunAsync(app, "dotnet", new[] { "build" });
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains(FlaggedLine, build.Output);

        // The live app: the sample as deployed before the fix.
        var liveOutdir = Path.Combine(app, "cdk.live");
        var live = await DotnetCli.RunAsync(app, "dotnet", new[] { "run", "--no-build" }, new Dictionary<string, string> { ["CDK_OUTDIR"] = liveOutdir });
        Assert.True(live.ExitCode == 0, live.Output);
        var before = CloudAssemblyTemplates.Load(liveOutdir);

        var format = await DotnetCli.RunAsync(app, "dotnet", new[] { "format", "analyzers", "--diagnostics", DiagnosticIds.CrossStackVolatileReference, "--severity", "warn" });
        Assert.True(format.ExitCode == 0, format.Output);
        Assert.Contains("CrossStackParameters.TaskDefinitionArn(this, props.Container.OpenClawTaskDef, keepOldExport: true)", File.ReadAllText(Path.Combine(app, "ServiceStack.cs")));

        var rebuild = await DotnetCli.RunAsync(app, "dotnet", new[] { "build" });
        Assert.True(rebuild.ExitCode == 0, rebuild.Output);
        Assert.DoesNotContain("ICDK001", rebuild.Output);

        var outdir = Path.Combine(app, "cdk.out");
        var run = await DotnetCli.RunAsync(app, "dotnet", new[] { "run", "--no-build" }, new Dictionary<string, string> { ["CDK_OUTDIR"] = outdir });
        Assert.True(run.ExitCode == 0, run.Output);
        var templates = CloudAssemblyTemplates.Load(outdir);
        Assert.Empty(templates.ImportedExports("isol8-prod-service"));
        var published = templates.PublishedParameters("isol8-prod-container");
        var parameter = Assert.Single(published);
        Assert.Equal("/cdk-cross-stack/isol8-prod-container/OpenClawTaskDef/TaskDefinitionArn", parameter.Key);
        Assert.Contains(parameter.Key, templates.SsmParameterInputs("isol8-prod-service").Values);
        Assert.Contains("isol8-prod-container", templates.Dependencies("isol8-prod-service"));

        // lock before the fix; migrate, next and fresh after it.
        DeploymentScenarios.AssertAll(before, templates);

        // What the rollout section says of `cdk deploy --exclusively isol8-prod-service`: the owner is skipped, and
        // the service reads a parameter the owner has not published yet.
        var exclusively = DeploymentScenarios.Live(DeployableApp.From(before)).Deploy(DeployableApp.From(templates).Stack("isol8-prod-service"));
        Assert.Equal("Unable to fetch parameters [" + parameter.Key + "] from parameter store for this account.", exclusively.Error);
    }

    /// <summary>The copy lives outside the repository: its analyzer project references must point back into it.</summary>
    private static void PointAnalyzerReferencesAtRepository(string app)
    {
        var project = Path.Combine(app, "IncidentApp.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace("../../Isol8.CdkAnalyzers", Path.Combine(DotnetCli.RepositoryRoot, "Isol8.CdkAnalyzers"), System.StringComparison.Ordinal));
    }
}
