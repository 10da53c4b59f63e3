using System.IO;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Snapshots;

/// <summary>
/// The one snapshot of the SSM helper's text: a change to the helper shows up here, in review, as a diff. What the
/// helper does is tested by synthesis (the fix synthesis and deployment tests), never by comparing text.
/// </summary>
public class HelperSnapshotTests
{
    [Fact]
    public async Task Snapshot_HelperAsTheFixWritesIt()
    {
        using var stream = typeof(HelperSnapshotTests).Assembly.GetManifestResourceStream("CrossStackParameters.expected")!;
        using var reader = new StreamReader(stream);
        var snapshot = (await reader.ReadToEndAsync()).Replace("\r\n", "\n", System.StringComparison.Ordinal);

        Assert.Equal(snapshot, await ExpectedFiles.RenderAsync("/cdk-cross-stack"));
    }
}
