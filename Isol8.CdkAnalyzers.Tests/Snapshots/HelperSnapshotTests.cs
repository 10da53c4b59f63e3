using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Snapshots;

/// <summary>
/// The one snapshot of the SSM helper's text: a change to the helper shows up here, in review, as a diff. What the
/// helper does is tested by synthesis (the fix synthesis and deployment tests), never by comparing text.
/// </summary>
public class HelperSnapshotTests
{
    /// <summary>With <c>UPDATE_SNAPSHOTS=1</c> in the environment, the test writes the new text to the snapshot and passes: review the diff.</summary>
    [Fact]
    public async Task Snapshot_HelperAsTheFixWritesIt()
    {
        var rendered = await ExpectedFiles.RenderAsync("/cdk-cross-stack");
        if (System.Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath(), rendered);
            return;
        }

        using var stream = typeof(HelperSnapshotTests).Assembly.GetManifestResourceStream("CrossStackParameters.expected")!;
        using var reader = new StreamReader(stream);
        var snapshot = (await reader.ReadToEndAsync()).Replace("\r\n", "\n", System.StringComparison.Ordinal);

        Assert.Equal(snapshot, rendered);
    }

    private static string SnapshotPath([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
        => Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Expected", "CrossStackParameters.expected");

    /// <summary>The helper's text compiles against CDK, and has every method and parameter the fixes write calls to.</summary>
    [Fact]
    public void TheHelper_HasEveryMethodTheFixesCall()
    {
        var compilation = TestCompilation.Create(ExpectedFiles.HelperFile("Helpers"));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var helper = compilation.GetTypeByMetadataName("Helpers." + Isol8.CdkAnalyzers.Model.CrossStackHelper.TypeName)!;
        foreach (var name in Isol8.CdkAnalyzers.Model.CrossStackHelper.MethodNames)
        {
            var methods = helper.GetMembers(name).OfType<Microsoft.CodeAnalysis.IMethodSymbol>().ToList();
            Assert.True(methods.Count > 0, name);
            Assert.All(methods, method => Assert.Contains(method.Parameters, p => p.Name == Isol8.CdkAnalyzers.Model.CrossStackHelper.KeepOldExportParameter));
        }
    }
}
