using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A published Lambda version kept in a member typed <c>IFunction</c> (<c>Handler = fn.CurrentVersion</c>): its
/// <c>FunctionArn</c> is the version's ARN. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.VersionHeldAsAFunction_IsImportedWhereAnotherStackReadsItsArn</c>.
/// </summary>
public class VersionHeldAsFunctionTests
{
    private const string Usings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    private const string FunctionsStack = """
        public class FunctionsStack : Stack
        {
            public FunctionsStack(Construct scope, string id, bool pinned = true) : base(scope, id)
            {
                var fn = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                Handler = fn.CurrentVersion;
                IFunction version = fn.CurrentVersion;
                ViaLocal = version;
                Live = new Alias(this, "Live", new AliasProps { AliasName = "live", Version = fn.CurrentVersion });
                Latest = fn.LatestVersion;
                Either = pinned ? fn.CurrentVersion : fn;
                Plain = fn;
                new CfnOutput(this, "Own", new CfnOutputProps { Value = Handler.FunctionArn });
            }

            public IFunction Handler { get; }

            public IFunction ViaLocal { get; }

            public IFunction Live { get; }

            public IFunction Latest { get; }

            public IFunction Either { get; }

            public IFunction Plain { get; }
        }

        public class Invoker : Construct
        {
            public Invoker(Construct scope, string id, IFunction target) : base(scope, id)
            {
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = target.FunctionArn });
            }
        }

        public class Named : Construct
        {
            public Named(Construct scope, string id, IFunction target) : base(scope, id)
            {
                new CfnOutput(this, "Path", new CfnOutputProps { Value = target.Node.Path });
            }
        }
        """;

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                Usings + FunctionsStack,
                Usings + """
                public class EventsStack : Stack
                {
                    public EventsStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                    {
                        BODY
                    }

                    private void Out(string id, string value) => new CfnOutput(this, id, new CfnOutputProps { Value = value });
                }
                """.Replace("BODY", body, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    private static DiagnosticResult Expected(int location)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments("FunctionArn", "stack 'FunctionsStack'", "EventsStack");

    [Fact]
    public Task ArnOfAVersionHeldAsAFunction_Triggers()
        => VerifyAsync(
            """
            Out("Handler", {|#0:functions.Handler.FunctionArn|});
                    Out("ViaLocal", {|#1:functions.ViaLocal.FunctionArn|});
            """,
            Expected(0),
            Expected(1));

    /// <summary>An alias, the latest version, a member that may hold the function itself, and the function: their ARNs do not change.</summary>
    [Fact]
    public Task ArnOfAnAliasTheLatestVersionOrAFunction_DoesNotTrigger()
        => VerifyAsync(
            """
            Out("Live", functions.Live.FunctionArn);
                    Out("Latest", functions.Latest.FunctionArn);
                    Out("Either", functions.Either.FunctionArn);
                    Out("Plain", functions.Plain.FunctionArn);
                    Out("Name", functions.Handler.FunctionName);
            """);

    /// <summary>
    /// Handed to another stack's construct (an events rule's target, an API integration, the app's own construct that
    /// reads its ARN), a version kept as a function renders as the version's ARN, as an <c>IVersion</c> would.
    /// </summary>
    [Fact]
    public Task VersionHeldAsAFunctionHandedToAConstruct_Triggers()
        => VerifyAsync(
            """
            new Amazon.CDK.AWS.Events.Rule(this, "Nightly", new Amazon.CDK.AWS.Events.RuleProps
                    {
                        Schedule = Amazon.CDK.AWS.Events.Schedule.Rate(Duration.Days(1)),
                        Targets = new Amazon.CDK.AWS.Events.IRuleTarget[] { new Amazon.CDK.AWS.Events.Targets.LambdaFunction({|#0:functions.Handler|}) },
                    });
                    new Amazon.CDK.AWS.APIGateway.LambdaIntegration({|#1:functions.ViaLocal|});
                    new Invoker(this, "Invoker", {|#2:functions.Handler|});
            """,
            HandedOver(0, "Handler"),
            HandedOver(1, "ViaLocal"),
            HandedOver(2, "Handler"));

    /// <summary>An alias, the latest version, a member that may hold the function, the function, or a construct that keeps only its path: silent.</summary>
    [Fact]
    public Task AliasFunctionOrPathHandedToAConstruct_DoesNotTrigger()
        => VerifyAsync(
            """
            new Amazon.CDK.AWS.APIGateway.LambdaIntegration(functions.Live);
                    new Amazon.CDK.AWS.APIGateway.LambdaIntegration(functions.Latest);
                    new Amazon.CDK.AWS.APIGateway.LambdaIntegration(functions.Either);
                    new Amazon.CDK.AWS.APIGateway.LambdaIntegration(functions.Plain);
                    new Invoker(this, "Live", functions.Live);
                    new Named(this, "Named", functions.Handler);
            """);

    private static DiagnosticResult HandedOver(int location, string member)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'FunctionsStack'", "EventsStack");

    [Fact]
    public async Task ArnOfAVersionHeldAsAFunction_IsReadThroughTheHelper()
    {
        const string Source = """
            namespace Isol8.Infra;

            public class EventsStack : Stack
            {
                public EventsStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    new CfnOutput(this, "Handler", new CfnOutputProps { Value = VALUE });
                }
            }
            """;
        var test = HelperFixTest.Create(
            Usings + "namespace Isol8.Infra;\n\n" + FunctionsStack,
            Usings + Source.Replace("VALUE", "{|ICDK001:functions.Handler.FunctionArn|}", System.StringComparison.Ordinal),
            Usings + Source.Replace("VALUE", "CrossStackParameters.Read(this, functions.Handler, \"FunctionArn\", functions.Handler.FunctionArn, keepOldExport: true)", System.StringComparison.Ordinal),
            "Amazon.CDK.AWS.Lambda");
        await test.RunAsync();
    }
}
