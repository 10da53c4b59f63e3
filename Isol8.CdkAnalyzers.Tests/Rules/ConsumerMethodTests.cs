using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A consumer stack splits its constructor into private methods and local functions (<c>AddAlarms(props)</c>,
/// <c>Wire(props.Pool)</c>), and hands constructs to extension methods of the app's (<c>props.Pool.Worker.AllowRun(role)</c>).
/// A scratch app imported task definitions through each, unreported: a method's parameter had no owner, and a receiver
/// was no hand-over.
/// </summary>
public class ConsumerMethodTests
{
    private const string Pool = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.IAM;
        using Constructs;

        public interface IPoolOutputs
        {
            ITaskDefinition Worker { get; }

            IRole Runner { get; }
        }

        public class PoolStack : Stack, IPoolOutputs
        {
            public PoolStack(Construct scope, string id) : base(scope, id)
            {
                Worker = new FargateTaskDefinition(this, "Worker");
                Runner = new Role(this, "Runner", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
                Worker.AllowRun(Runner);
            }

            public ITaskDefinition Worker { get; }

            public IRole Runner { get; }
        }

        public static class TaskDefinitionExtensions
        {
            public static void AllowRun(this ITaskDefinition task, IRole role)
                => role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ecs:RunTask" }, Resources = new[] { task.TaskDefinitionArn } }));

            public static string Describe(this ITaskDefinition task) => task.Node.Path;

            public static void Tag(this ITaskDefinition task)
                => new CfnOutput(Stack.Of(task), "Tagged", new CfnOutputProps { Value = task.TaskDefinitionArn });

            public static void TagStatic(ITaskDefinition task)
                => new CfnOutput(Stack.Of(task), "TaggedStatic", new CfnOutputProps { Value = task.TaskDefinitionArn });
        }

        public class ReaderProps : StackProps
        {
            public IPoolOutputs Pool { get; init; } = null!;

            public Holder Shared { get; init; } = null!;
        }

        public class Holder : Construct
        {
            public Holder(Construct scope, string id) : base(scope, id)
            {
                Task = new FargateTaskDefinition(this, "Task");
            }

            public ITaskDefinition Task { get; }
        }

        """;

    private static DiagnosticResult Expected(int location, string member)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location)
            .WithArguments(member, "another stack (it reaches this one through its constructor)", "ReaderStack");

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(new[] { Pool + source }, withCdk: true, editorConfig: null, expected);

    [Fact]
    public Task PrivateMethodsAndLocalFunctionsGivenWhatTheConstructorReceived_Trigger()
        => VerifyAsync("""
            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    Publish(props);
                    this.Wire(props.Pool);
                    void Local(IPoolOutputs pool) => new CfnOutput(this, "Local", new CfnOutputProps { Value = {|#2:pool.Worker.TaskDefinitionArn|} });
                    Local(props.Pool);
                    Held(props.Shared);
                }

                private void Held(Holder holder) => new CfnOutput(this, "Held", new CfnOutputProps { Value = {|#3:holder.Task.TaskDefinitionArn|} });

                private void Publish(ReaderProps given)
                    => new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:given.Pool.Worker.TaskDefinitionArn|} });

                private void Wire(IPoolOutputs pool)
                {
                    var role = new Role(this, "Role", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                    role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps { Resources = new[] { {|#1:pool.Worker.TaskDefinitionArn|} } }));
                }
            }
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"),
            Expected(2, "TaskDefinitionArn"),
            Expected(3, "TaskDefinitionArn"));

    /// <summary>The read in the other part is fixed where it is, in that part's file, which gets the helper.</summary>
    [Fact]
    public async Task ReadInAnotherPartOfAPartialStack_IsFixedInThatPart()
    {
        const string Part = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public partial class ReaderStack
            {
                private void Publish(string key, IPoolOutputs pool)
                    => new CfnOutput(this, key, new CfnOutputProps { Value = READ });
            }
            """;
        var test = HelperFixTest.Create(
            Pool + """
                public partial class ReaderStack : Stack
                {
                    public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                    {
                        Publish("pool", props.Pool);
                    }
                }
                """,
            Part.Replace("READ", "{|ICDK001:pool.Worker.TaskDefinitionArn|}", System.StringComparison.Ordinal),
            Part.Replace("READ", "CrossStackParameters.TaskDefinitionArn(this, pool.Worker, keepOldExport: true)", System.StringComparison.Ordinal),
            "Amazon.CDK.AWS.ECS");
        await test.RunAsync();
    }

    /// <summary>
    /// Calls that disagree (its own pool and the received one), a method group, a method other code could call, a call
    /// through another instance: the parameter's owner is unknown, and the rule silent.
    /// </summary>
    [Fact]
    public Task MethodsWhoseCallsDisagreeOrCannotAllBeSeen_DoNotTrigger()
        => VerifyAsync("""
            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    Mixed(new Holder(this, "Own"));
                    Mixed(props.Shared);
                    Mixed(props.Shared);
                    System.Action<IPoolOutputs> later = Grouped;
                    Grouped(props.Pool);
                    Open(props.Pool);
                    new ReaderStack(this, "Other", props).Through(props.Pool);
                }

                private void Mixed(Holder holder) => new CfnOutput(this, "Mixed", new CfnOutputProps { Value = holder.Task.TaskDefinitionArn });

                private void Grouped(IPoolOutputs pool) => new CfnOutput(this, "Grouped", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });

                protected void Open(IPoolOutputs pool) => new CfnOutput(this, "Open", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });

                private void Through(IPoolOutputs pool) => new CfnOutput(this, "Through", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });
            }
            """);

    /// <summary>
    /// A stack class split into partial files (<c>ReaderStack.cs</c>, <c>ReaderStack.Outputs.cs</c>): its private
    /// methods are called from any part, so every part's calls are asked. A scratch app's <c>Publish(key, svc)</c> in the
    /// second part imported a task definition unreported: a partial class's private methods had no known callers.
    /// </summary>
    [Fact]
    public Task PrivateMethodsInAnotherPartOfAPartialStack_AreAskedOfEveryPartsCalls()
        => Verify.VerifyAsync(
            new[]
            {
                Pool + """
                    public partial class ReaderStack : Stack
                    {
                        public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                        {
                            Publish("pool", props.Pool);
                            Held(props.Shared);
                            Render({|#1:props.Pool.Worker|});
                            Mixed(props.Shared);
                            AddOwn();
                        }
                    }
                    """,
                """
                    using Amazon.CDK;
                    using Amazon.CDK.AWS.ECS;

                    public partial class ReaderStack
                    {
                        private void Publish(string key, IPoolOutputs pool)
                            => new CfnOutput(this, key, new CfnOutputProps { Value = {|#0:pool.Worker.TaskDefinitionArn|} });

                        private void Held(Holder holder) => Publish2(holder);

                        private void Publish2(Holder holder) => new CfnOutput(this, "Held", new CfnOutputProps { Value = {|#2:holder.Task.TaskDefinitionArn|} });

                        private void Render(ITaskDefinition task) => new CfnOutput(this, "Rendered", new CfnOutputProps { Value = task.TaskDefinitionArn });

                        private void Mixed(Holder holder) => new CfnOutput(this, "Mixed", new CfnOutputProps { Value = holder.Task.TaskDefinitionArn });

                        private void AddOwn() => Mixed(new Holder(this, "Own"));
                    }
                    """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "Worker"),
            Expected(2, "TaskDefinitionArn"));

    /// <summary>
    /// A task definition given to the method itself is a hand-over, reported at the call (one fix for every read in
    /// the method); the read in the method is not reported again. A method called with its own stack's constructs is silent.
    /// </summary>
    [Fact]
    public Task ConstructGivenToAPrivateMethod_IsReportedAtTheCallOnly()
        => VerifyAsync("""
            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    Publish({|#0:props.Pool.Worker|});
                    Own(new FargateTaskDefinition(this, "Own"));
                    Recurse(props.Pool, 2);
                }

                private void Publish(ITaskDefinition task) => new CfnOutput(this, "Arn", new CfnOutputProps { Value = task.TaskDefinitionArn });

                private void Own(ITaskDefinition task) => new CfnOutput(this, "Own", new CfnOutputProps { Value = task.TaskDefinitionArn });

                private void Recurse(IPoolOutputs pool, int depth)
                {
                    if (depth > 0)
                    {
                        Recurse(pool, depth - 1);
                    }

                    new CfnOutput(this, "Recursed" + depth, new CfnOutputProps { Value = {|#1:pool.Worker.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "Worker"),
            Expected(1, "TaskDefinitionArn"));

    /// <summary>
    /// A static helper whose every call passes <c>this</c> of one stack class as the scope, and what that stack's
    /// constructor received: reported where the helper reads it. Called from two stack classes, or with values that
    /// disagree, it is silent.
    /// </summary>
    [Fact]
    public Task StaticHelpersGivenTheStackAndWhatItReceived_Trigger()
        => VerifyAsync("""
            public static class Alarms
            {
                public static void Publish(Construct scope, IPoolOutputs pool)
                    => new CfnOutput({|#1:scope|}, "Arn", new CfnOutputProps { Value = {|#0:pool.Worker.TaskDefinitionArn|} });

                public static void Shared(Construct scope, IPoolOutputs pool)
                    => new CfnOutput(scope, "Shared", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });

                public static void Mixed(Construct scope, Holder holder)
                    => new CfnOutput(scope, "Mixed", new CfnOutputProps { Value = holder.Task.TaskDefinitionArn });
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    Alarms.Publish(this, props.Pool);
                    Alarms.Shared(this, props.Pool);
                    Alarms.Mixed(this, new Holder(this, "Own"));
                    Alarms.Mixed(this, props.Shared);
                }
            }

            public class OtherReaderStack : Stack
            {
                public OtherReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    Alarms.Shared(this, props.Pool);
                }
            }
            """,
            Expected(0, "TaskDefinitionArn").WithLocation(1));

    /// <summary>
    /// A stack's public wiring method that <c>Main</c> calls on it with another stack, typed as an interface of the app's
    /// (<c>reader.Wire(pool)</c>): the argument's stack is compared with the receiver's at each call. In a library,
    /// whose public methods other assemblies may call, and where a call passes the receiver itself, it is silent.
    /// </summary>
    [Theory]
    [InlineData(OutputKind.ConsoleApplication, true)]
    [InlineData(OutputKind.DynamicallyLinkedLibrary, false)]
    public Task WiringMethodCalledOnTheStackWithAnotherStack_Triggers(OutputKind outputKind, bool expected)
        => Verify.VerifyAsync(
            new[]
            {
                Pool + """
                public static class Program
                {
                    public static void Main()
                    {
                        var app = new App();
                        var pool = new PoolStack(app, "Pool");
                        var reader = new ReaderStack(app, "Reader");
                        reader.Wire(pool);
                        var self = new SelfStack(app, "Self");
                        self.Publish(self);
                        self.Publish(self);
                    }
                }

                public class ReaderStack : Stack
                {
                    public ReaderStack(Construct scope, string id) : base(scope, id)
                    {
                    }

                    public void Wire(IPoolOutputs pool)
                        => new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:pool.Worker.TaskDefinitionArn|} });
                }

                public class SelfStack : Stack, IPoolOutputs
                {
                    public SelfStack(Construct scope, string id) : base(scope, id)
                    {
                        Worker = new FargateTaskDefinition(this, "Worker");
                        Runner = new Role(this, "Runner", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
                    }

                    public ITaskDefinition Worker { get; }

                    public IRole Runner { get; }

                    public void Publish(IPoolOutputs pool)
                        => new CfnOutput(this, "Arn", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            outputKind,
            expected ? new[] { Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'PoolStack'", "ReaderStack") } : System.Array.Empty<DiagnosticResult>());

    /// <summary>
    /// A helper that null-tests what it is given before rendering it (<c>task is { } given</c>, <c>is var</c>) renders
    /// it through the pattern's variable: the hand-over is reported. One that only tests it for null renders nothing.
    /// </summary>
    [Fact]
    public Task ConstructNullTestedByAPatternBeforeItIsRendered_Triggers()
        => VerifyAsync("""
            public static class Outputs
            {
                public static void Publish(Construct scope, ITaskDefinition? task)
                {
                    if (task is { } given)
                    {
                        new CfnOutput(scope, "Arn", new CfnOutputProps { Value = given.TaskDefinitionArn });
                    }
                }

                public static void Check(Construct scope, ITaskDefinition? task)
                {
                    if (task is not null)
                    {
                        new CfnOutput(scope, "Present", new CfnOutputProps { Value = "yes" });
                    }
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    Outputs.Publish(this, {|#0:props.Pool.Worker|});
                    Outputs.Check(this, props.Pool.Worker);
                }
            }
            """,
            Expected(0, "Worker"));

    /// <summary>
    /// An extension method of the app's takes its receiver as its first argument: reported when it renders the ARN into
    /// the consumer's stack; silent when it renders none (a path), renders it into the owner's own role, or has no
    /// scope but the construct's own (<c>Stack.Of(task)</c>: the owner's stack).
    /// </summary>
    [Fact]
    public Task ReceiverOfAnExtensionMethodThatRendersIt_Triggers()
        => VerifyAsync("""
            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    var role = new Role(this, "Role", new RoleProps { AssumedBy = new ServicePrincipal("lambda.amazonaws.com") });
                    {|#0:props.Pool.Worker|}.AllowRun(role);
                    TaskDefinitionExtensions.AllowRun({|#1:props.Pool.Worker|}, role);
                    props.Pool.Worker.AllowRun(props.Pool.Runner);
                    new CfnOutput(this, "Path", new CfnOutputProps { Value = props.Pool.Worker.Describe() });
                    props.Pool.Worker.Tag();
                    TaskDefinitionExtensions.TagStatic(props.Pool.Worker);
                }
            }
            """,
            Expected(0, "Worker"),
            Expected(1, "Worker"));

    /// <summary>
    /// A construct given to an instance method of the app's own plain object: one holding nothing but strings, numbers
    /// and collections of them (sealed, or with no subclass holding more) can render it only under the construct itself
    /// (<c>Stack.Of(task)</c>, the owner's stack) or under another construct the call gives it, so it is silent unless
    /// the call gives one of the caller's. A constructor's scope that no field keeps is gone once the object is built.
    /// One that can hold a scope (a field, a property, a captured primary constructor parameter, a subclass's field, a
    /// library base class's state) renders it in the caller's stack: reported.
    /// </summary>
    [Fact]
    public Task ConstructGivenToAPlainObjectsMethod_TriggersOnlyWhereTheObjectCanHoldTheCallersScope()
        => VerifyAsync("""
            public sealed class Catalog
            {
                private readonly System.Collections.Generic.List<string> _names = new();

                private readonly string[] _tags = System.Array.Empty<string>();

                private readonly System.DayOfWeek _day = System.DayOfWeek.Monday;

                public int? Limit { get; init; }

                public Catalog(string prefix, System.Collections.Generic.IReadOnlyDictionary<string, int>? sizes = null) => _names.Add(prefix);

                public void Register(ITaskDefinition task)
                    => new CfnOutput(Stack.Of(task), "Registered", new CfnOutputProps { Value = task.TaskDefinitionArn });

                public void RegisterIn(Construct scope, ITaskDefinition task)
                    => new CfnOutput(scope, "RegisteredIn", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public sealed class ScopeBag : System.Collections.ObjectModel.Collection<Construct>
            {
                public void Publish(ITaskDefinition task) => new CfnOutput(this[0], "Bagged", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public readonly struct Marker
            {
                public Marker(Construct scope) => new CfnOutput(scope, "Marked", new CfnOutputProps { Value = "marker" });

                public void Mark(ITaskDefinition task) => new CfnOutput(Stack.Of(task), "Mark", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public sealed class Publisher
            {
                private readonly Construct _scope;

                public Publisher(Construct scope) => _scope = scope;

                public void Publish(ITaskDefinition task) => new CfnOutput(_scope, "Published", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public sealed class PrimaryPublisher(Construct scope)
            {
                public void Publish(ITaskDefinition task) => new CfnOutput(scope, "PrimaryPublished", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public sealed class PropertyPublisher
            {
                public Construct? Scope { get; init; }

                public void Publish(ITaskDefinition task) => new CfnOutput(Scope!, "PropertyPublished", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public sealed class FieldPublisher
            {
                public Construct? Scope;

                public void Publish(ITaskDefinition task) => new CfnOutput(Scope!, "FieldPublished", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public class Registry
            {
                public virtual void Register(ITaskDefinition task)
                    => new CfnOutput(Stack.Of(task), "Registered", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public class ScopedRegistry : Registry
            {
                private readonly Construct _scope;

                public ScopedRegistry(Construct scope) => _scope = scope;

                public override void Register(ITaskDefinition task)
                    => new CfnOutput(_scope, "ScopedRegistered", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    var catalog = new Catalog("jobs");
                    catalog.Register(props.Pool.Worker);
                    new Marker(this).Mark(props.Pool.Worker);
                    catalog.RegisterIn(this, {|#0:props.Pool.Worker|});
                    new Publisher(this).Publish({|#1:props.Pool.Worker|});
                    new PrimaryPublisher(this).Publish({|#2:props.Pool.Worker|});
                    Registry registry = new ScopedRegistry(this);
                    registry.Register({|#3:props.Pool.Worker|});
                    new PropertyPublisher { Scope = this }.Publish({|#4:props.Pool.Worker|});
                    new FieldPublisher { Scope = this }.Publish({|#5:props.Pool.Worker|});
                    new ScopeBag { this }.Publish({|#6:props.Pool.Worker|});
                }
            }
            """,
            Expected(0, "Worker"),
            Expected(1, "Worker"),
            Expected(2, "Worker"),
            Expected(3, "Worker"),
            Expected(4, "Worker"),
            Expected(5, "Worker"),
            Expected(6, "Worker"));
}
