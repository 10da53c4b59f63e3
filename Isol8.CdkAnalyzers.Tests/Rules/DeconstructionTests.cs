using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// Values that travel in tuples and <c>out</c> parameters. A tuple literal deconstructed into locals (<c>var (worker,
/// name) = (props.Compute.Worker, "worker");</c>) gives each local the element in its place, as a local set to it
/// would; so does a source method's tuple, element by element (<c>var (task, fn) = Build("batch")</c>, <c>(Batch,
/// Starter) = Build("batch")</c>, <c>Build("batch").Task</c>), and a source method's <c>out</c> parameter
/// (<c>CreateWorker(env, out var fn)</c>) gives what the method writes to it. A <c>ref</c> argument and a type's
/// <c>Deconstruct</c> give an unknown value, which leaves every variable they write unknown.
/// </summary>
public class DeconstructionTests
{
    [Fact]
    public Task TupleLiteralDeconstructedIntoLocals_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class ReaderProps : StackProps
                {
                    public ContainerStack Container { get; init; } = null!;
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                    {
                        var (worker, name) = (props.Container.TaskDef, "worker");
                        new CfnOutput(this, name, new CfnOutputProps { Value = {|#0:worker.TaskDefinitionArn|} });
                        (ITaskDefinition other, var label) = (props.Container.TaskDef, "other");
                        new CfnOutput(this, label, new CfnOutputProps { Value = {|#1:other.TaskDefinitionArn|} });
                        var (own, ownName) = (new FargateTaskDefinition(this, "Own"), "own");
                        new CfnOutput(this, ownName, new CfnOutputProps { Value = own.TaskDefinitionArn });
                        var (made, madeName) = Make(props);
                        new CfnOutput(this, madeName, new CfnOutputProps { Value = {|#2:made.TaskDefinitionArn|} });
                    }

                    private static (ITaskDefinition, string) Make(ReaderProps props) => (props.Container.TaskDef, "made");
                }
                """,
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(1).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>
    /// A stack's members set from its own helpers' tuples and <c>out</c> parameters, read in another stack, and its
    /// <c>TryGetWorker(name, out worker)</c> called there (the <c>null</c> a failed lookup writes is no construct): each
    /// read is the owner's. The owner's own reads, and members a deconstruction or an argument may also set to something the
    /// stack received or cannot place, are silent.
    /// </summary>
    [Fact]
    public Task TuplesAndOutParametersOfAStacksHelpers_AreThatStacks()
        => Verify.VerifyAsync(
            CdkSources.Usings + """
            public class ComputeStack : Stack
            {
                private readonly Dictionary<string, FargateTaskDefinition> _byEnv = new();
                private ITaskDefinition _swapped;

                public ComputeStack(Construct scope, string id, ITaskDefinition? preferred = null) : base(scope, id)
                {
                    (Batch, BatchFn) = Build("batch");
                    Nightly = Build("nightly").Task;
                    var (hourly, _) = Build("hourly");
                    Hourly = hourly;
                    CreateWorker("api", out var fn);
                    ApiVersion = fn.CurrentVersion;
                    CreateWorker("web", out _web);
                    _byEnv["prod"] = new FargateTaskDefinition(this, "Prod");
                    if (_byEnv.TryGetValue("prod", out var prod))
                    {
                        Prod = prod;
                    }

                    Mixed = new FargateTaskDefinition(this, "Mixed");
                    ITaskDefinition local = new FargateTaskDefinition(this, "Local");
                    if (preferred is not null)
                    {
                        (Mixed, _) = (preferred, 0);
                        (local, _) = (preferred, 1);
                    }

                    Local = local;

                    _swapped = new FargateTaskDefinition(this, "Swapped");
                    Swap(ref _swapped);
                    var (own, ownFn) = Build("own");
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = own.TaskDefinitionArn });
                }

                private Function? _web;

                public ITaskDefinition Batch { get; }
                public IFunction BatchFn { get; }
                public ITaskDefinition Nightly { get; }
                public ITaskDefinition Hourly { get; }
                public IVersion ApiVersion { get; }
                public IVersion WebVersion => _web!.CurrentVersion;
                public ITaskDefinition? Prod { get; }
                public ITaskDefinition Mixed { get; }
                public ITaskDefinition Local { get; }
                public ITaskDefinition Swapped => _swapped;

                private (ITaskDefinition Task, IFunction Fn) Build(string name)
                {
                    var task = new FargateTaskDefinition(this, name);
                    var fn = new Function(this, name + "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                    return (task, fn);
                }

                private void CreateWorker(string name, out Function fn)
                {
                    fn = new Function(this, name, new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                }

                private static void Swap(ref ITaskDefinition task)
                {
                }

                public bool TryGetWorker(string name, out ITaskDefinition worker)
                {
                    if (_byEnv.TryGetValue(name, out var found))
                    {
                        worker = found;
                        return true;
                    }

                    worker = null!;
                    return false;
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Batch", new CfnOutputProps { Value = {|#0:compute.Batch.TaskDefinitionArn|} });
                    new CfnOutput(this, "Nightly", new CfnOutputProps { Value = {|#1:compute.Nightly.TaskDefinitionArn|} });
                    new CfnOutput(this, "Hourly", new CfnOutputProps { Value = {|#2:compute.Hourly.TaskDefinitionArn|} });
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = {|#3:compute.ApiVersion.FunctionArn|} });
                    new CfnOutput(this, "Web", new CfnOutputProps { Value = {|#4:compute.WebVersion.FunctionArn|} });
                    new CfnOutput(this, "Prod", new CfnOutputProps { Value = {|#5:compute.Prod!.TaskDefinitionArn|} });
                    new CfnOutput(this, "Mixed", new CfnOutputProps { Value = compute.Mixed.TaskDefinitionArn });
                    new CfnOutput(this, "Local", new CfnOutputProps { Value = compute.Local.TaskDefinitionArn });
                    new CfnOutput(this, "Swapped", new CfnOutputProps { Value = compute.Swapped.TaskDefinitionArn });
                    if (compute.TryGetWorker("prod", out var worker))
                    {
                        new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#6:worker.TaskDefinitionArn|} });
                    }
                }
            }
            """,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(1).WithArguments("TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2).WithArguments("TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(3).WithArguments("FunctionArn", "stack 'ComputeStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(4).WithArguments("FunctionArn", "stack 'ComputeStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(5).WithArguments("TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(6).WithArguments("TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"));

    /// <summary>
    /// A positional record a stack received, taken apart by the <c>Deconstruct</c> the compiler wrote: each variable is
    /// the property in its place. A branch that is <c>null</c> yields no construct (<c>?:</c>, a switch arm). A record
    /// that declares a <c>Deconstruct</c> of its own is not followed (silent), even one whose parameters are named after
    /// its properties: its body may give anything.
    /// </summary>
    [Fact]
    public Task PositionalRecordsDeconstructedAndNullBranches_AreFollowed()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public sealed record ServiceConfig(ContainerStack Container, ITaskDefinition Task, string Env);

                public sealed record Handle(ITaskDefinition Task, int Weight)
                {
                    public void Deconstruct(out ITaskDefinition Task, out int Weight)
                    {
                        Task = this.Task;
                        Weight = this.Weight;
                    }
                }

                public class ReportStack : Stack
                {
                    public ReportStack(Construct scope, string id, ServiceConfig config, Handle handle) : base(scope, id)
                    {
                        var (container, task, env) = config;
                        new CfnOutput(this, "Task", new CfnOutputProps { Value = {|#0:task.TaskDefinitionArn|} });
                        var picked = env == "prod" ? container.TaskDef : null;
                        new CfnOutput(this, "Picked", new CfnOutputProps { Value = {|#1:picked!.TaskDefinitionArn|} });
                        ITaskDefinition? switched = env switch { "prod" => task, _ => null };
                        new CfnOutput(this, "Switched", new CfnOutputProps { Value = {|#2:switched!.TaskDefinitionArn|} });
                        var (handled, _) = handle;
                        new CfnOutput(this, "Handled", new CfnOutputProps { Value = handled.TaskDefinitionArn });
                    }
                }
                """,
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "ReportStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(1).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ReportStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2).WithArguments("TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "ReportStack"));

    /// <summary>
    /// A helper's tuple and <c>out</c> parameter carrying what a stack received: another stack's, reported where the
    /// receiving stack reads them. A type's own <c>Deconstruct</c> is not followed (silent).
    /// </summary>
    [Fact]
    public Task TuplesAndOutParametersOfReceivedConstructs_AreTheirStacks()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public sealed class Pair
                {
                    public Pair(ITaskDefinition task) => Task = task;

                    public ITaskDefinition Task { get; }

                    public void Deconstruct(out ITaskDefinition task, out string name)
                    {
                        task = Task;
                        name = "pair";
                    }
                }

                public static class Wiring
                {
                    public static (string Name, ITaskDefinition Task) Named(ITaskDefinition task) => ("worker", task);

                    public static void Pick(ContainerStack container, out ITaskDefinition task) => task = container.TaskDef;
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                    {
                        var named = Wiring.Named(container.TaskDef);
                        new CfnOutput(this, "Named", new CfnOutputProps { Value = {|#0:named.Task.TaskDefinitionArn|} });
                        Wiring.Pick(container, out var picked);
                        new CfnOutput(this, "Picked", new CfnOutputProps { Value = {|#1:picked.TaskDefinitionArn|} });
                        Local(out var viaLocal);
                        new CfnOutput(this, "ViaLocal", new CfnOutputProps { Value = {|#2:viaLocal.TaskDefinitionArn|} });
                        var (paired, _) = new Pair(container.TaskDef);
                        new CfnOutput(this, "Paired", new CfnOutputProps { Value = paired.TaskDefinitionArn });

                        void Local(out ITaskDefinition task) => task = container.TaskDef;
                    }
                }
                """,
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(1).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>
    /// A tuple a stack keeps in a field or property (<c>public (ITaskDefinition Task, IVersion Version) Pair { get; }</c>
    /// set to <c>(Nightly, fn.CurrentVersion)</c>): each element is owned where the values the class gives it are, read
    /// by name, by place or taken apart in another stack; a tuple a plain object carries into the reading stack's
    /// constructor is another stack's there, as the object's other members are. Silent for a tuple holding what the
    /// owner received, and for the owner's own reads.
    /// </summary>
    [Fact]
    public Task TuplesHeldInAStacksMembers_AreThatStacks()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public sealed class Outputs
                {
                    public (ITaskDefinition Task, string Name) Pair { get; set; }
                }

                public class TasksStack : Stack
                {
                    public (ITaskDefinition, string) Unnamed;

                    public TasksStack(Construct scope, string id, ITaskDefinition given, Outputs outputs) : base(scope, id)
                    {
                        var nightly = new FargateTaskDefinition(this, "Nightly");
                        var fn = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                        Pair = (nightly, fn.CurrentVersion);
                        Unnamed = (nightly, "nightly");
                        Received = (given, "given");
                        outputs.Pair = (nightly, "nightly");
                        new CfnOutput(this, "Own", new CfnOutputProps { Value = Pair.Task.TaskDefinitionArn });
                    }

                    public (ITaskDefinition Task, IVersion Version) Pair { get; }

                    public (ITaskDefinition Task, string Name) Received { get; }
                }

                public class ReaderStack : Stack
                {
                    public ReaderStack(Construct scope, string id, TasksStack tasks, Outputs outputs) : base(scope, id)
                    {
                        new CfnOutput(this, "Task", new CfnOutputProps { Value = {|#0:tasks.Pair.Task.TaskDefinitionArn|} });
                        new CfnOutput(this, "Version", new CfnOutputProps { Value = {|#1:tasks.Pair.Version.FunctionArn|} });
                        new CfnOutput(this, "Item1", new CfnOutputProps { Value = {|#2:tasks.Unnamed.Item1.TaskDefinitionArn|} });
                        var (task, _) = tasks.Pair;
                        new CfnOutput(this, "Taken", new CfnOutputProps { Value = {|#3:task.TaskDefinitionArn|} });
                        new CfnOutput(this, "Received", new CfnOutputProps { Value = tasks.Received.Task.TaskDefinitionArn });
                        new CfnOutput(this, "Plain", new CfnOutputProps { Value = {|#4:outputs.Pair.Task.TaskDefinitionArn|} });
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'TasksStack'", "ReaderStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(1).WithArguments("FunctionArn", "stack 'TasksStack'", "ReaderStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2).WithArguments("TaskDefinitionArn", "stack 'TasksStack'", "ReaderStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(3).WithArguments("TaskDefinitionArn", "stack 'TasksStack'", "ReaderStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(4).WithArguments("TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "ReaderStack"));
}
