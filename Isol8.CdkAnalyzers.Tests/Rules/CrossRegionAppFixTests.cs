using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// For a consumer that may take references across regions (<c>CrossRegionReferences</c> set to anything but
/// <c>false</c> in props created for it, or anywhere the model cannot tie to a stack class), the fixes that pass a
/// value between stacks are not offered: the helper's parameter would be read in a region it is not published in. The
/// diagnostics stay (the synthesis test shows the reference is as stuck).
/// </summary>
public class CrossRegionAppFixTests
{
    private const string ContainerStack = CdkSources.InfraContainerStack;

    private static string Service(string read) => $$"""
        using System.Collections.Generic;
        using Amazon.CDK;
        using Constructs;

        namespace Isol8.Infra;

        public class ServiceStack : Stack
        {
            public ServiceStack(Construct scope, string id, ContainerStack container, IStackProps props) : base(scope, id, props)
            {
                var environment = new Dictionary<string, string> { ["TASK_DEFINITION"] = {{read}} };
            }
        }
        """;

    private static readonly string FlaggedRead = Service("{|ICDK001:container.TaskDef.TaskDefinitionArn|}");

    private static readonly string FixedRead = ExpectedFiles.WithAppendedHelper(Service("CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: true)"));

    private static readonly string FlaggedFamily = Service("{|ICDK003:container.TaskDef.Family|}");

    private static string Wiring(string crossRegionReferences) => $$"""
        using Amazon.CDK;

        namespace Isol8.Infra;

        public static class Wiring
        {
            public static void Build(App app, bool edge)
            {
                var container = new ContainerStack(app, "Container");
                new ServiceStack(app, "Service", container, new StackProps { CrossRegionReferences = {{crossRegionReferences}} });
            }
        }
        """;

    [Theory]
    [InlineData("true")]
    [InlineData("edge")]
    [InlineData("(bool?)true")]
    public Task CrossRegionReferencesMaybeOn_NoSsmOrFamilyFix(string value)
        => VerifySsmFixAsync(new[] { Wiring(value) }, FlaggedRead, FlaggedRead);

    [Theory]
    [InlineData("false")]
    [InlineData("null")]
    public Task CrossRegionReferencesOff_TheSsmFixAsEverywhere(string value)
        => VerifySsmFixAsync(new[] { Wiring(value) }, FlaggedRead, FixedRead);

    private const string EdgeStack = """
        using Amazon.CDK;
        using Constructs;

        namespace Isol8.Infra;

        public class EdgeStack : Stack
        {
            public EdgeStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
            {
            }
        }

        public class CertificateStack : Stack
        {
            public CertificateStack(Construct scope, string id) : base(scope, id, new StackProps { CrossRegionReferences = true })
            {
            }
        }
        """;

    /// <summary>
    /// Turned on for other stack classes only (in the props created for one, in another's constructor's <c>base(…)</c>):
    /// the consumer takes no reference across regions, and its fix is offered. Props in a local may go to any stack: none.
    /// </summary>
    [Theory]
    [InlineData("new EdgeStack(app, \"Edge\", new StackProps { CrossRegionReferences = true });", true)]
    [InlineData("new EdgeStack(app, \"Edge\", new StackProps { Env = new Environment { Region = \"us-east-1\" }, CrossRegionReferences = edge });", true)]
    [InlineData("var crossRegion = new StackProps { CrossRegionReferences = true };\n        new EdgeStack(app, \"Edge\", crossRegion);", false)]
    public Task TurnedOnElsewhere(string wiring, bool fixOffered)
    {
        var program = $$"""
            using Amazon.CDK;

            namespace Isol8.Infra;

            public static class Wiring
            {
                public static void Build(App app, bool edge)
                {
                    var container = new ContainerStack(app, "Container");
                    new ServiceStack(app, "Service", container, new StackProps());
                    {{wiring}}
                }
            }
            """;
        return VerifySsmFixAsync(new[] { EdgeStack, program }, FlaggedRead, fixOffered ? FixedRead : FlaggedRead);
    }

    /// <summary>Turned on in the consumer's own constructor (<c>base(…, new StackProps { CrossRegionReferences = true })</c>): no fix.</summary>
    [Fact]
    public Task TurnedOnByTheConsumersOwnConstructor_NoFix()
    {
        const string Source = """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id, new StackProps { CrossRegionReferences = true })
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """;
        return VerifySsmFixAsync(System.Array.Empty<string>(), Source, Source);
    }

    /// <summary>The app's own props class turns it on in its constructor: every stack built with it may take one.</summary>
    [Fact]
    public Task SetByThePropsClassOfTheApp_NoFix()
    {
        const string EdgeProps = """
            using Amazon.CDK;

            namespace Isol8.Infra;

            public class EdgeProps : StackProps
            {
                public EdgeProps()
                {
                    CrossRegionReferences = true;
                }
            }
            """;
        return VerifySsmFixAsync(new[] { EdgeProps }, FlaggedRead, FlaggedRead);
    }

    /// <summary>ICDK003's pin of another stack's family goes through the same helper: not offered either.</summary>
    [Fact]
    public Task UnpinnedFamilyOfAnotherStack_NotPinnedThroughTheHelper()
        => VerifyPinAsync(new[] { Wiring("true") }, FlaggedFamily, FlaggedFamily);

    [Fact]
    public Task UnpinnedFamilyOfAnotherStack_PinnedWhenCrossRegionReferencesAreOff()
        => VerifyPinAsync(new[] { Wiring("false") }, FlaggedFamily, ExpectedFiles.WithAppendedHelper(Service("CrossStackParameters.TaskDefinitionArn(this, container.TaskDef)")));

    private static Task VerifySsmFixAsync(string[] unchanged, string before, string after)
        => VerifyAsync<CrossStackVolatileReferenceAnalyzer, CrossStackVolatileReferenceFixer>(unchanged, before, after);

    private static Task VerifyPinAsync(string[] unchanged, string before, string after)
        => VerifyAsync<UnpinnedFamilyReferenceAnalyzer, UnpinnedFamilyReferenceFixer>(unchanged, before, after);

    /// <summary>
    /// Runs <typeparamref name="TAnalyzer"/> and <typeparamref name="TFixer"/> over the container stack, the
    /// <paramref name="unchanged"/> sources, and <paramref name="before"/>, which the fix turns into <paramref name="after"/>
    /// (the same text when no fix is offered).
    /// </summary>
    private static Task VerifyAsync<TAnalyzer, TFixer>(string[] unchanged, string before, string after)
        where TAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer, new()
        where TFixer : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CSharpCodeFixVerifier<TAnalyzer, TFixer>.Test();
        foreach (var source in new[] { ContainerStack }.Concat(unchanged))
        {
            test.TestState.Sources.Add(source);
            test.FixedState.Sources.Add(source);
        }

        test.TestState.Sources.Add(before);
        test.FixedState.Sources.Add(after);
        return test.RunAsync();
    }
}
