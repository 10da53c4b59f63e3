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

    private const string HandlersStack = """
        public class HandlersStack : Stack
        {
            public HandlersStack(Construct scope, string id, string[] names) : base(scope, id)
            {
                foreach (var name in names)
                {
                    var fn = new Function(this, name, new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                    Handlers[name] = fn.CurrentVersion;
                    Versions.Add(fn.CurrentVersion);
                    Plain.Add(name, fn);
                    Mixed[name] = fn.CurrentVersion;
                    Mixed[name + "-latest"] = fn;
                    Shared.Add(fn.CurrentVersion);
                }
            }

            public Dictionary<string, IFunction> Handlers { get; } = new();

            public List<IFunction> Versions { get; } = new();

            public Dictionary<string, IFunction> Plain { get; } = new();

            public Dictionary<string, IFunction> Mixed { get; } = new();

            public List<IFunction> Shared { get; } = new();
        }

        public static class Registrations
        {
            public static void Register(HandlersStack handlers, IFunction other) => handlers.Shared.Add(other);
        }
        """;

    /// <summary>
    /// A collection member its stack fills with published versions typed <c>IFunction</c>: each element is a version,
    /// however it is read (by key or index, in a <c>foreach</c>, a pair's <c>Value</c>, a query's lambda or pick), and
    /// its <c>FunctionArn</c> or the element handed to a construct renders the version's ARN.
    /// </summary>
    [Fact]
    public Task VersionsHeldAsFunctionsInACollection_Trigger()
        => VerifyRoutesAsync(
            """
            foreach (var (name, handler) in handlers.Handlers)
                    {
                        Out(name, {|#0:handler.FunctionArn|});
                    }

                    foreach (var pair in handlers.Handlers)
                    {
                        Out(pair.Key + "Pair", {|#1:pair.Value.FunctionArn|});
                    }

                    foreach (var version in handlers.Versions)
                    {
                        Out(version.Node.Id, {|#2:version.FunctionArn|});
                    }

                    Out("Api", {|#3:handlers.Handlers["api"].FunctionArn|});
                    Out("First", {|#4:handlers.Versions.First().FunctionArn|});
                    Out("All", Fn.Join(",", handlers.Handlers.Values.Select(handler => {|#5:handler.FunctionArn|}).ToArray()));
                    new Amazon.CDK.AWS.APIGateway.LambdaIntegration({|#6:handlers.Versions[0]|});
            """,
            InCollection(0),
            InCollection(1),
            InCollection(2),
            InCollection(3),
            InCollection(4),
            InCollection(5),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(6).WithArguments("handlers.Versions[0]", "stack 'HandlersStack'", "RoutesStack"));

    /// <summary>
    /// Silent where an element may be something else: a collection of the functions themselves, one that also holds a
    /// function, one that other code adds to; and the owner's own reads.
    /// </summary>
    [Fact]
    public Task FunctionsOrUnknownsHeldInACollection_DoNotTrigger()
        => VerifyRoutesAsync(
            """
            foreach (var (name, handler) in handlers.Plain)
                    {
                        Out(name, handler.FunctionArn);
                    }

                    Out("Plain", handlers.Plain["api"].FunctionArn);
                    Out("Mixed", handlers.Mixed["api"].FunctionArn);
                    Out("Shared", handlers.Shared[0].FunctionArn);
                    foreach (var shared in handlers.Shared)
                    {
                        Out(shared.Node.Id, shared.FunctionArn);
                    }

                    new Amazon.CDK.AWS.APIGateway.LambdaIntegration(handlers.Plain["api"]);
                    new Amazon.CDK.AWS.APIGateway.LambdaIntegration(handlers.Mixed.Values.First());
            """,
            extraSource: """
            public class OwnReads : Construct
            {
                public OwnReads(HandlersStack handlers) : base(handlers, "OwnReads")
                {
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = handlers.Handlers["api"].FunctionArn });
                }
            }
            """);

    private static Task VerifyRoutesAsync(string body, params DiagnosticResult[] expected)
        => VerifyRoutesAsync(body, string.Empty, expected);

    private static Task VerifyRoutesAsync(string body, string extraSource, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                Usings + "using System.Collections.Generic;\n" + HandlersStack,
                Usings + "using System.Linq;\n" + CdkSources.ConsumerStack("RoutesStack", "HandlersStack handlers", body) + extraSource,
            },
            withCdk: true,
            editorConfig: null,
            expected);

    private static DiagnosticResult InCollection(int location)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments("FunctionArn", "stack 'HandlersStack'", "RoutesStack");

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
