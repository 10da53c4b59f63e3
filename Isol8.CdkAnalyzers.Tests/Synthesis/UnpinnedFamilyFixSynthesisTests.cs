using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Deployment;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>
/// ICDK003's fix pins a family of another stack to the revision through an SSM parameter. The family held no
/// lock before (it is a plain string: the owner's changes deploy), and the pinned app must not bring one: it
/// migrates, deploys the owner's next change, and deploys fresh.
/// </summary>
[Collection(SynthesisTestGroup.Name)]
public class UnpinnedFamilyFixSynthesisTests
{
    private static readonly string App = CdkSources.Usings + CdkSources.SynthesizableContainerStack + CdkSources.ServiceApp("container.TaskDef.Family");

    [Fact]
    public async Task PinnedThroughTheParameter_MigratesDeploysTheNextChange_AndFresh()
    {
        var before = CdkSynthesizer.Synthesize(App);
        var live = DeploymentScenarios.Live(DeployableApp.From(before));
        DeploymentScenarios.AssertDeploys("a change before the fix (no lock: a family is a plain string)", live, DeployableApp.From(before).WithVolatileResourcesChanged());

        using var fixer = new WorkspaceFixer(App);
        Assert.Equal(1, await fixer.FixOneByOneAsync(new UnpinnedFamilyReferenceFixer(), DiagnosticIds.UnpinnedFamilyReference, UnpinnedFamilyReferenceFixer.PinRevisionEquivalenceKey));
        Assert.Contains("CrossStackParameters.TaskDefinitionArn(this, container.TaskDef)", await fixer.TextAsync("File0.cs"), System.StringComparison.Ordinal);
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.TransitionalExport));

        var after = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());
        FixRollout.AssertNoVolatileImport(after);
        Assert.Contains("/cdk-cross-stack/Container/TaskDef/TaskDefinitionArn", after.SsmParameterInputs("Service").Values);
        DeploymentScenarios.AssertMigrateNextAndFresh(before, after);
    }
}
