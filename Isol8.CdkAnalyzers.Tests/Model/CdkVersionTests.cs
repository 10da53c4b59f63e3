namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>The suite runs twice, against two CDK versions: each run compiles and synthesizes with the one it names.</summary>
public class CdkVersionTests
{
    [Fact]
    public void TheTestsRunAgainstTheirCdkVersion()
    {
#if CDK_2_160
        const int Minor = 160;
#else
        const int Minor = 103;
#endif
        // The assembly version is jsii's 1.0.0.0; the embedded jsii bundle names the release.
        var bundles = typeof(Amazon.CDK.Stack).Assembly.GetManifestResourceNames();
        Assert.Contains(bundles, name => name.EndsWith("aws-cdk-lib-2." + Minor + ".0.tgz", System.StringComparison.Ordinal));
    }
}
