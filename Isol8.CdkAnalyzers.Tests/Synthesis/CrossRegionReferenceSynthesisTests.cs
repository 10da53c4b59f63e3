using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>
/// A stack that takes a reference from another region (<c>CrossRegionReferences = true</c>): CDK passes it through
/// a writer custom resource in the owner's stack and a reader in the consumer's, not an export. ICDK001 still
/// reports a volatile value (the writer fails the owner's update when an exported value changes: "Some exports have
/// changed!"), but offers no fix: the helper reads SSM in the consumer's region, and refuses at synthesis when it
/// is handed stacks in two regions.
/// </summary>
[Collection(SynthesisTestGroup.Name)]
public class CrossRegionReferenceSynthesisTests
{
    private const string App = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var edge = new EdgeStack(app, "Edge", new StackProps { Env = new Environment { Account = "111111111111", Region = "us-east-1" } });
                new SiteStack(app, "Site", edge, new StackProps
                {
                    Env = new Environment { Account = "111111111111", Region = "eu-west-1" },
                    CrossRegionReferences = true,
                });
            }
        }

        public class EdgeStack : Stack
        {
            public EdgeStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
            {
                Viewer = new Function(this, "Viewer", new FunctionProps
                {
                    Runtime = Runtime.NODEJS_18_X,
                    Handler = "index.handler",
                    Code = Code.FromInline("exports.handler = async (e) => e;"),
                }).CurrentVersion;
            }

            public IVersion Viewer { get; }
        }

        public class SiteStack : Stack
        {
            public SiteStack(Construct scope, string id, EdgeStack edge, IStackProps props) : base(scope, id, props)
            {
                new CfnOutput(this, "ViewerArn", new CfnOutputProps { Value = VIEWER_ARN });
            }
        }
        """;

    [Fact]
    public async Task VersionReadInAnotherRegion_IsReported_AndGetsNoFix()
    {
        var flagged = App.Replace("VIEWER_ARN", "edge.Viewer.FunctionArn", System.StringComparison.Ordinal);
        var templates = CdkSynthesizer.Synthesize(flagged);

        // No export: the owner's writer carries the version's reference, the consumer's reader reads it back.
        Assert.Empty(templates.ImportedExports("Site"));
        var writer = Assert.Single(templates.Resources("Edge", "Custom::CrossRegionExportWriter").Values);
        var exported = writer["Properties"]!["WriterProps"]!["exports"]!.AsObject().Select(pair => pair.Value!.ToJsonString()).ToList();
        var version = Assert.Single(templates.Resources("Edge", "AWS::Lambda::Version").Keys);
        Assert.Equal(new[] { "{\"Ref\":\"" + version + "\"}" }, exported);
        Assert.Single(templates.Resources("Site", "Custom::CrossRegionExportReader"));

        using var fixer = new WorkspaceFixer(flagged);
        Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        Assert.Equal(0, await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey));
    }

    /// <summary>
    /// What the SSM fix would have written: the consumer would read, in eu-west-1, a parameter the owner publishes in
    /// us-east-1. The helper stops the synthesis with the reason instead of leaving a deployment to fail.
    /// </summary>
    [Fact]
    public void HelperHandedStacksInTwoRegions_RefusesAtSynthesis()
    {
        var rewritten = App.Replace("VIEWER_ARN", "CrossStackParameters.FunctionArn(this, edge.Viewer)", System.StringComparison.Ordinal);
        var thrown = Assert.Throws<TargetInvocationException>(() => CdkSynthesizer.Synthesize(
            rewritten,
            ExpectedFiles.HelperFile("Helpers").Replace("namespace Helpers;", string.Empty, System.StringComparison.Ordinal)));
        Assert.Equal(
            "Site (111111111111, eu-west-1) cannot read what Edge (111111111111, us-east-1) publishes in SSM: CrossStackParameters passes values within one account and region.",
            Assert.IsType<System.InvalidOperationException>(thrown.InnerException).Message);
    }
}
