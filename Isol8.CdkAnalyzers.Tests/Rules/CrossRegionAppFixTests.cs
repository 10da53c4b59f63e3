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
    private const string ContainerStack = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        namespace Isol8.Infra;

        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
            }

            public FargateTaskDefinition TaskDef { get; }
        }
        """;

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
    {
        var test = new CSharpCodeFixVerifier<CrossStackVolatileReferenceAnalyzer, CrossStackVolatileReferenceFixer>.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add(Wiring(value));
        test.TestState.Sources.Add(Service("{|ICDK001:container.TaskDef.TaskDefinitionArn|}"));
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(Wiring(value));
        test.FixedState.Sources.Add(Service("{|ICDK001:container.TaskDef.TaskDefinitionArn|}"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("false")]
    [InlineData("null")]
    public Task CrossRegionReferencesOff_TheSsmFixAsEverywhere(string value)
    {
        var test = new CSharpCodeFixVerifier<CrossStackVolatileReferenceAnalyzer, CrossStackVolatileReferenceFixer>.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add(Wiring(value));
        test.TestState.Sources.Add(Service("{|ICDK001:container.TaskDef.TaskDefinitionArn|}"));
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(Wiring(value));
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper(Service("CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: true)")));
        return test.RunAsync();
    }

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
        var test = new CSharpCodeFixVerifier<CrossStackVolatileReferenceAnalyzer, CrossStackVolatileReferenceFixer>.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add(EdgeStack);
        test.TestState.Sources.Add(program);
        test.TestState.Sources.Add(Service("{|ICDK001:container.TaskDef.TaskDefinitionArn|}"));
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(EdgeStack);
        test.FixedState.Sources.Add(program);
        test.FixedState.Sources.Add(fixOffered
            ? ExpectedFiles.WithAppendedHelper(Service("CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: true)"))
            : Service("{|ICDK001:container.TaskDef.TaskDefinitionArn|}"));
        return test.RunAsync();
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
        var test = new CSharpCodeFixVerifier<CrossStackVolatileReferenceAnalyzer, CrossStackVolatileReferenceFixer>.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add(Source);
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(Source);
        return test.RunAsync();
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
        var test = new CSharpCodeFixVerifier<CrossStackVolatileReferenceAnalyzer, CrossStackVolatileReferenceFixer>.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add(EdgeProps);
        test.TestState.Sources.Add(Service("{|ICDK001:container.TaskDef.TaskDefinitionArn|}"));
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(EdgeProps);
        test.FixedState.Sources.Add(Service("{|ICDK001:container.TaskDef.TaskDefinitionArn|}"));
        return test.RunAsync();
    }

    /// <summary>ICDK003's pin of another stack's family goes through the same helper: not offered either.</summary>
    [Fact]
    public Task UnpinnedFamilyOfAnotherStack_NotPinnedThroughTheHelper()
    {
        var test = new CSharpCodeFixVerifier<UnpinnedFamilyReferenceAnalyzer, UnpinnedFamilyReferenceFixer>.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add(Wiring("true"));
        test.TestState.Sources.Add(Service("{|ICDK003:container.TaskDef.Family|}"));
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(Wiring("true"));
        test.FixedState.Sources.Add(Service("{|ICDK003:container.TaskDef.Family|}"));
        return test.RunAsync();
    }

    [Fact]
    public Task UnpinnedFamilyOfAnotherStack_PinnedWhenCrossRegionReferencesAreOff()
    {
        var test = new CSharpCodeFixVerifier<UnpinnedFamilyReferenceAnalyzer, UnpinnedFamilyReferenceFixer>.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add(Wiring("false"));
        test.TestState.Sources.Add(Service("{|ICDK003:container.TaskDef.Family|}"));
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(Wiring("false"));
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper(Service("CrossStackParameters.TaskDefinitionArn(this, container.TaskDef)")));
        return test.RunAsync();
    }
}
