using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A method whose every return is a volatile read of what its call gives it (an extension method
/// <c>core.WorkerArn()</c> returning <c>core.Worker.TaskDefinitionArn</c>, a static helper, a stack's method given a
/// task definition) returns the same token as the read: a call in another stack than the given construct's imports it,
/// and is reported at the call. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.MethodsReadingWhatTheyAreGiven_AreImportedWhereCalled_AndReportedThere</c>.
/// </summary>
public class MethodReadingWhatItIsGivenTests
{
    private const string CoreStack = """
        public static class CoreReads
        {
            public static string WorkerArn(this CoreStack core) => core.Worker.TaskDefinitionArn;

            public static string ArnOf(this ITaskDefinition task) => task.TaskDefinitionArn;

            public static string HandlerArn(this CoreStack core)
            {
                if (core.Node.Id.Length > 3)
                {
                    return core.Handler.FunctionArn;
                }

                return (core.Handler.FunctionArn);
            }

            public static string Pick(Construct scope, CoreStack core, bool nightly) => nightly ? core.Nightly.TaskDefinitionArn : core.Worker.TaskDefinitionArn;

            public static string Either(CoreStack core, ITaskDefinition task) => task is null ? core.Worker.TaskDefinitionArn : task.TaskDefinitionArn;

            public static string FamilyOf(this CoreStack core) => core.Worker.Family;

            public static string OrNone(this CoreStack core) => core.Node.Id == "x" ? "none" : core.Worker.TaskDefinitionArn;

            public static string Latest(this IFunction fn) => fn.LatestVersion.FunctionArn;

            public static string Registered(this CoreStack core) => Registry.Worker!.TaskDefinitionArn;
        }

        public static class Registry
        {
            public static ITaskDefinition? Worker { get; set; }
        }

        public class CoreStack : Stack
        {
            public CoreStack(Construct scope, string id) : base(scope, id)
            {
                Worker = new FargateTaskDefinition(this, "Worker");
                Nightly = new FargateTaskDefinition(this, "Nightly");
                Handler = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") }).CurrentVersion;
                Registry.Worker = Worker;
                new CfnOutput(this, "Own", new CfnOutputProps { Value = this.WorkerArn() });
                new CfnOutput(this, "OwnNightly", new CfnOutputProps { Value = Nightly.ArnOf() });
            }

            public FargateTaskDefinition Worker { get; }

            public FargateTaskDefinition Nightly { get; }

            public IVersion Handler { get; }

            public string ArnOf(ITaskDefinition task) => task.TaskDefinitionArn;

            public string EitherOf(ITaskDefinition first, ITaskDefinition second) => first is null ? second.TaskDefinitionArn : first.TaskDefinitionArn;

            public virtual string Overridable(ITaskDefinition task) => task.TaskDefinitionArn;
        }
        """;

    private static DiagnosticResult Expected(int location, string method)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(method, "stack 'CoreStack'", "ReaderStack");

    /// <summary>
    /// Extension methods on the stack and on its task definition, a block body with two returns, a static helper whose
    /// second parameter is read (in both branches of a <c>?:</c>), and another stack's method given the task definition.
    /// </summary>
    [Fact]
    public Task CallsGivenAnotherStacksConstruct_Trigger()
        => VerifyAsync(
            """
            Out("Worker", {|#0:core.WorkerArn()|});
                    Out("Nightly", {|#1:core.Nightly.ArnOf()|});
                    Out("Handler", {|#2:core.HandlerArn()|});
                    Out("Picked", {|#3:CoreReads.Pick(this, core, true)|});
                    Out("Static", {|#4:CoreReads.WorkerArn(core)|});
                    Out("Method", {|#5:other.ArnOf(core.Worker)|});
                    Out("Conditional", {|#6:core?.WorkerArn()|});
            """,
            Expected(0, "WorkerArn"),
            Expected(1, "ArnOf"),
            Expected(2, "HandlerArn"),
            Expected(3, "Pick"),
            Expected(4, "WorkerArn"),
            Expected(5, "ArnOf"),
            Expected(6, "WorkerArn"));

    /// <summary>
    /// Silent: the calls give this stack's own task definition or an imported one; the method returns a family, a
    /// literal in one branch, a stable <c>LatestVersion</c> ARN, a static registry's read, reads of two parameters (not
    /// owned like the receiver of another stack's method either), or
    /// may be overridden; and the value stays in .NET code.
    /// </summary>
    [Fact]
    public Task CallsGivenOwnOrNothingVolatile_DoNotTrigger()
        => VerifyAsync(
            """
            var own = new FargateTaskDefinition(this, "Own");
                    Out("Own", own.ArnOf());
                    Out("Mine", other.ArnOf(own));
                    Out("Imported", TaskDefinition.FromTaskDefinitionArn(this, "Imported", "arn:aws:ecs:us-east-1:123456789012:task-definition/x:1").ArnOf());
                    Out("Family", core.FamilyOf());
                    Out("OrNone", core.OrNone());
                    Out("Latest", new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") }).Latest());
                    Out("Registered", core.Registered());
                    Out("Either", CoreReads.Either(core, own));
                    Out("Overridable", other.Overridable(core.Worker));
                    Out("TwoGiven", other.EitherOf(own, own));
                    Out("Length", core.WorkerArn().Length.ToString());
            """);

    /// <summary>
    /// A method of the consumer's own class called by name or through <c>this</c> (<c>Arn(core.Worker)</c>) is reported
    /// at the call, as any other; a local function given the task definition, and a method that returns a literal on one
    /// path, are no relays, and the hand-over to them is reported (their value renders in this stack), as before.
    /// </summary>
    [Fact]
    public Task MethodCalledByNameAndLocalFunction_Trigger()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + CoreStack,
                CdkSources.Usings + """
                public class ReaderStack : Stack
                {
                    public ReaderStack(Construct scope, string id, CoreStack core) : base(scope, id)
                    {
                        var own = new FargateTaskDefinition(this, "Own");
                        string Local(ITaskDefinition task) => task.TaskDefinitionArn;
                        Out("Private", {|#0:Arn(core.Worker)|});
                        Out("OwnPrivate", Arn(own));
                        Out("Local", Local({|#1:core.Worker|}));
                        Out("OwnLocal", Local(own));
                        Out("This", {|#2:this.Arn(core.Nightly)|});
                        Out("Generic", {|#4:Typed<int>(core.Worker)|});
                        Out("OrEmpty", ArnOrEmpty({|#3:core.Nightly|}));
                        Out("OwnOrEmpty", ArnOrEmpty(own));
                    }

                    private string Arn(ITaskDefinition task) => task.TaskDefinitionArn;

                    private static string Typed<T>(ITaskDefinition task) => task.TaskDefinitionArn;

                    private string ArnOrEmpty(ITaskDefinition? task)
                    {
                        if (task is null)
                        {
                            return "";
                        }

                        return task.TaskDefinitionArn;
                    }

                    private void Out(string id, string value) => new CfnOutput(this, id, new CfnOutputProps { Value = value });
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "Arn"),
            Expected(1, "Worker"),
            Expected(2, "Arn"),
            Expected(3, "Nightly"),
            Expected(4, "Typed"));

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + CoreStack,
                CdkSources.Usings + CdkSources.ConsumerStack("ReaderStack", "CoreStack core, CoreStack other", body),
            },
            withCdk: true,
            editorConfig: null,
            expected);
}
