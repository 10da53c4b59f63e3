using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Deployment;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>The whole rollout of a fix applied in a workspace: the four scenarios, then the removal of the transitional exports it left.</summary>
internal static class FixRollout
{
    /// <summary>
    /// lock, migrate, next and fresh for the fixed app; then, when the fix left transitional exports (ICDK007), their
    /// removal deploys over the account after next and into an empty one, and leaves no export of a volatile value.
    /// </summary>
    public static async Task AssertDeploysAsync(CloudAssemblyTemplates before, WorkspaceFixer fixer)
    {
        var after = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());
        AssertNoVolatileImport(after);
        var next = DeploymentScenarios.AssertAll(before, after);
        if ((await fixer.DiagnosticsAsync(DiagnosticIds.TransitionalExport)).IsEmpty)
        {
            return;
        }

        await fixer.FixAllAsync(new TransitionalExportFixer(), DiagnosticIds.TransitionalExport, TransitionalExportFixer.RemoveExportEquivalenceKey);
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.TransitionalExport));
        var retired = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());
        DeploymentScenarios.AssertKeepsEveryResource(before, retired);
        DeploymentScenarios.AssertDeploys("retire", next, DeployableApp.From(retired).WithVolatileResourcesChanged());
        DeploymentScenarios.AssertDeploys("fresh after retiring", CloudFormationAccount.Empty(), DeployableApp.From(retired));
        foreach (var stack in retired.StackNames)
        {
            Assert.DoesNotContain(ExportNames(retired, stack), retired.IsVolatileExport);
        }
    }

    /// <summary>No stack imports an export whose value is a resource CloudFormation replaces on update.</summary>
    public static void AssertNoVolatileImport(CloudAssemblyTemplates templates)
    {
        foreach (var stack in templates.StackNames)
        {
            Assert.DoesNotContain(templates.ImportedExports(stack), templates.IsVolatileExport);
        }
    }

    private static System.Collections.Generic.IEnumerable<string> ExportNames(CloudAssemblyTemplates templates, string stack)
        => (templates.Template(stack)["Outputs"]?.AsObject() ?? new System.Text.Json.Nodes.JsonObject())
            .Where(output => output.Value?["Export"]?["Name"] is not null)
            .Select(output => output.Value!["Export"]!["Name"]!.ToString());
}
