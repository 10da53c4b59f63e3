using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// ICDK001 follows ownership through the methods real CDK code builds constructs with: factory helpers in other
/// classes, private methods, local functions, extension and generic methods, chains of them, and static members of
/// stack classes. A method whose result it cannot tie to a scope stays unknown, and the rule silent.
/// </summary>
public class CrossStackVolatileReferenceThroughMethodsTests
{
    private const string Helpers = """
        public static class Lambdas
        {
            public static Function Backend(Construct scope, string id) => new Function(scope, id, new FunctionProps
            {
                Runtime = Runtime.NODEJS_18_X,
                Handler = "index.handler",
                Code = Code.FromInline("exports.handler = async () => {};"),
            });

            public static Function Worker(Construct scope) => Backend(scope, "Worker");
        }

        public static class TaskDefinitions
        {
            public static ITaskDefinition Create(Construct scope, string id, bool fargate)
            {
                ITaskDefinition created = fargate ? new FargateTaskDefinition(scope, id) : new Ec2TaskDefinition(scope, id);
                return created;
            }

            public static TaskDefinition ForSize(Construct scope, string size) => size switch
            {
                "small" => new FargateTaskDefinition(scope, "Small"),
                _ => new Ec2TaskDefinition(scope, "Large"),
            };

            public static FargateTaskDefinition AddWorker(this Stack stack, string id) => new FargateTaskDefinition(stack, id);

            public static T Registered<T>(Construct scope, T construct) where T : IConstruct => construct;
        }

        """;

    /// <summary>A stack that owns a Fargate task definition, <c>Worker</c>.</summary>
    private const string PlatformStack = """
        public class PlatformStack : Stack
        {
            public PlatformStack(Construct scope, string id) : base(scope, id)
            {
                Worker = new FargateTaskDefinition(this, "Worker");
            }

            public FargateTaskDefinition Worker { get; }
        }

        """;

    private static DiagnosticResult Expected(int location, string member, string owner, string consumer)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, owner, consumer);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(new[] { CdkSources.Usings + Helpers + source }, withCdk: true, editorConfig: null, expected);

    [Fact]
    public Task ConstructsBuiltByHelpersOfOtherClasses_AreOwnedByTheScopeTheyWereGiven()
        => VerifyAsync("""
            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    Handler = Lambdas.Backend(this, "Handler");
                    Worker = Lambdas.Worker(this);
                    Runner = TaskDefinitions.Create(this, "Runner", fargate: true);
                    Sized = TaskDefinitions.ForSize(this, "small");
                    Extended = this.AddWorker("Extended");
                    Generic = TaskDefinitions.Registered(this, new FargateTaskDefinition(this, "Generic"));
                }

                public Function Handler { get; }

                public Function Worker { get; }

                public ITaskDefinition Runner { get; }

                public TaskDefinition Sized { get; }

                public FargateTaskDefinition Extended { get; }

                public FargateTaskDefinition Generic { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    new CfnOutput(this, "Handler", new CfnOutputProps { Value = {|#0:platform.Handler.CurrentVersion.FunctionArn|} });
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#1:platform.Worker.CurrentVersion.FunctionArn|} });
                    new CfnOutput(this, "Runner", new CfnOutputProps { Value = {|#2:platform.Runner.TaskDefinitionArn|} });
                    new CfnOutput(this, "Sized", new CfnOutputProps { Value = {|#3:platform.Sized.TaskDefinitionArn|} });
                    new CfnOutput(this, "Extended", new CfnOutputProps { Value = {|#4:platform.Extended.TaskDefinitionArn|} });
                    new CfnOutput(this, "Generic", new CfnOutputProps { Value = {|#5:platform.Generic.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "FunctionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(1, "FunctionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(2, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(3, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(4, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(5, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"));

    [Fact]
    public Task ConstructsBuiltByTheStacksOwnMethods_AreOwnedByThatStack()
        => VerifyAsync("""
            public class PlatformStack : Stack
            {
                private readonly FargateTaskDefinition _api;

                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    Worker = NewTaskDef("Worker", "isol8-worker", 256);
                    _api = new FargateTaskDefinition(this, "Api");
                    FargateTaskDefinition Local(string name) => new FargateTaskDefinition(this, name);
                    Batch = Local("Batch");
                }

                public FargateTaskDefinition Worker { get; }

                public FargateTaskDefinition Batch { get; }

                public ITaskDefinition Api() => _api;

                private FargateTaskDefinition NewTaskDef(string id, string family, int cpu)
                {
                    var taskDef = new FargateTaskDefinition(this, id, new FargateTaskDefinitionProps { Family = family, Cpu = cpu });
                    taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("app") });
                    return taskDef;
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#0:platform.Worker.TaskDefinitionArn|} });
                    new CfnOutput(this, "Batch", new CfnOutputProps { Value = {|#1:platform.Batch.TaskDefinitionArn|} });
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = {|#2:platform.Api().TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(2, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"));

    [Fact]
    public Task StaticMemberOfAStackClass_ReadByAnotherStack_Triggers()
        => VerifyAsync("""
            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    Shared = new FargateTaskDefinition(this, "Shared");
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = Shared.TaskDefinitionArn });
                }

                public static FargateTaskDefinition Shared { get; private set; } = null!;
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                    new CfnOutput(this, "Shared", new CfnOutputProps { Value = {|#0:PlatformStack.Shared.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"));

    [Fact]
    public Task SameStackUsesThroughMethodsAndMembers_DoNotTrigger()
        => VerifyAsync("""
            public class PlatformStack : Stack
            {
                private readonly ITaskDefinition _worker;

                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    _worker = TaskDefinitions.Create(this, "Worker", fargate: true);
                    var handler = Lambdas.Backend(this, "Handler");
                    new CfnOutput(this, "Handler", new CfnOutputProps { Value = handler.CurrentVersion.FunctionArn });
                    Publish();
                }

                private void Publish() => new CfnOutput(this, "Worker", new CfnOutputProps { Value = _worker.TaskDefinitionArn });
            }
            """);

    [Fact]
    public Task MethodsWhoseResultHasNoKnownScope_DoNotTrigger()
        => VerifyAsync(PlatformStack + """
            public abstract class Factory
            {
                public abstract ITaskDefinition Create(Construct scope);

                public virtual ITaskDefinition Default(Construct scope) => new FargateTaskDefinition(scope, "Default");
            }

            public static class Picker
            {
                public static ITaskDefinition Recursive(Construct scope, int depth) => depth == 0 ? new FargateTaskDefinition(scope, "Leaf") : Recursive(scope, depth - 1);

                public static ITaskDefinition Cached(string key) => Registry[key];

                public static System.Collections.Generic.Dictionary<string, ITaskDefinition> Registry { get; } = new();
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, Factory factory, PlatformStack platform) : base(scope, id)
                {
                    new CfnOutput(this, "Abstract", new CfnOutputProps { Value = factory.Create(platform).TaskDefinitionArn });
                    new CfnOutput(this, "Virtual", new CfnOutputProps { Value = factory.Default(platform).TaskDefinitionArn });
                    new CfnOutput(this, "Cached", new CfnOutputProps { Value = Picker.Cached("worker").TaskDefinitionArn });
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = Picker.Recursive(this, 2).TaskDefinitionArn });
                }
            }
            """);

    /// <summary>A helper that takes its scope after other arguments: the owner is the argument given for the scope, by position or by name.</summary>
    [Fact]
    public Task HelperTakingItsScopeAfterOtherArguments_IsOwnedByTheArgumentForTheScope()
        => VerifyAsync("""
            public static class LateScope
            {
                public static FargateTaskDefinition Make(string id, Construct scope, double cpu = 256) => new FargateTaskDefinition(scope, id, new FargateTaskDefinitionProps { Cpu = cpu });
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    Positional = LateScope.Make("Positional", this);
                    Named = LateScope.Make(cpu: 512, scope: this, id: "Named");
                }

                public FargateTaskDefinition Positional { get; }

                public FargateTaskDefinition Named { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    new CfnOutput(this, "Positional", new CfnOutputProps { Value = {|#0:platform.Positional.TaskDefinitionArn|} });
                    new CfnOutput(this, "Named", new CfnOutputProps { Value = {|#1:platform.Named.TaskDefinitionArn|} });
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = LateScope.Make("Own", this).TaskDefinitionArn });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"));

    /// <summary>
    /// An override is read only when no further override can run instead: sealed itself or in a sealed class. An
    /// override in an open class may be overridden again, so what it returns stays unknown.
    /// </summary>
    [Fact]
    public Task OverridesAreReadOnlyWhenNothingCanOverrideThemAgain()
        => VerifyAsync("""
            public abstract class Factory
            {
                public abstract ITaskDefinition Create(Construct scope);
            }

            public class OpenFactory : Factory
            {
                public override ITaskDefinition Create(Construct scope) => new FargateTaskDefinition(scope, "Open");
            }

            public sealed class SealedFactory : Factory
            {
                public override ITaskDefinition Create(Construct scope) => new FargateTaskDefinition(scope, "Sealed");
            }

            public class FinalFactory : Factory
            {
                public sealed override ITaskDefinition Create(Construct scope) => new FargateTaskDefinition(scope, "Final");
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, OpenFactory open, SealedFactory closed, FinalFactory final, PlatformStack platform) : base(scope, id)
                {
                    new CfnOutput(this, "Open", new CfnOutputProps { Value = open.Create(platform).TaskDefinitionArn });
                    new CfnOutput(this, "Sealed", new CfnOutputProps { Value = {|#0:closed.Create(platform).TaskDefinitionArn|} });
                    new CfnOutput(this, "Final", new CfnOutputProps { Value = {|#1:final.Create(platform).TaskDefinitionArn|} });
                }
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"));

    /// <summary>A consumer's own helper that builds a service from the task definition it is given: the hand-over is at the call.</summary>
    [Fact]
    public Task ForeignTaskDefinitionHandedToAConsumersHelper_IsReportedAtTheArgument()
        => VerifyAsync("""
            public static class ServiceFactory
            {
                public static FargateService Create(Construct scope, string id, FargateTaskDefinition taskDefinition)
                    => new FargateService(scope, id, new FargateServiceProps { Cluster = new Cluster(scope, id + "Cluster"), TaskDefinition = taskDefinition });

                public static FargateService Service(this Construct scope, FargateTaskDefinition taskDefinition) => Create(scope, "Service", taskDefinition);
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    Worker = new FargateTaskDefinition(this, "Worker");
                    ServiceFactory.Create(this, "Own", Worker);
                }

                public FargateTaskDefinition Worker { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    ServiceFactory.Create(this, "Api", {|#0:platform.Worker|});
                    this.Service({|#1:platform.Worker|});
                    ServiceFactory.Create(platform, "InPlatform", platform.Worker);
                }
            }
            """,
            Expected(0, "Worker", "stack 'PlatformStack'", "ServiceStack"),
            Expected(1, "Worker", "stack 'PlatformStack'", "ServiceStack"));

    /// <summary>
    /// A local function is a helper like a static method: one given a scope renders under it, whatever stack declares
    /// it (<c>Wire(service, platform.Worker)</c> in <c>Main</c>), and one given the owner's stack imports nothing. One
    /// given no scope renders under the scope it captures: the declaring stack's. A scratch app's top-level
    /// <c>Wire(services[0], …)</c> imported the task definition unreported, and <c>In(platform, arn)</c> in a stack's
    /// constructor was reported as used by that stack, though its output renders in the platform's.
    /// </summary>
    [Fact]
    public Task LocalFunctionsGivenAScope_UseWhatTheyAreGivenThere()
        => VerifyAsync(PlatformStack + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    void Out(string arn) => new CfnOutput(this, "Out", new CfnOutputProps { Value = arn });
                    void In(Construct at, string arn) => new CfnOutput(at, "In", new CfnOutputProps { Value = arn });
                    Out({|#0:platform.Worker.TaskDefinitionArn|});
                    In(this, {|#1:platform.Worker.TaskDefinitionArn|});
                    In(platform, platform.Worker.TaskDefinitionArn);
                    void Add(ITaskDefinition task) => new CfnOutput(this, "Added", new CfnOutputProps { Value = task.TaskDefinitionArn });
                    Add({|#6:platform.Worker|});
                }
            }

            public static class Program
            {
                public static void Main()
                {
                    var app = new App();
                    var platform = new PlatformStack(app, "Platform");
                    var service = new ServiceStack(app, "Service", platform);
                    void Wire(Stack consumer, ITaskDefinition task) => new CfnOutput(consumer, "Wired", new CfnOutputProps { Value = task.TaskDefinitionArn });
                    void Publish(Stack consumer, string arn) => new CfnOutput(consumer, "Published", new CfnOutputProps { Value = arn });
                    Wire({|#4:service|}, {|#2:platform.Worker|});
                    Wire(platform, platform.Worker);
                    Publish({|#5:service|}, {|#3:platform.Worker.TaskDefinitionArn|});
                    Publish(platform, platform.Worker.TaskDefinitionArn);
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(6, "Worker", "stack 'PlatformStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2).WithLocation(4).WithArguments("Worker", "stack 'PlatformStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(3).WithLocation(5).WithArguments("TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"));

    /// <summary>
    /// The app's own builder, created with the scope it creates its constructs under (<c>new ScheduleBuilder(this)</c>),
    /// renders what its methods are given there: reported when created with the consumer's stack, directly, through a
    /// fluent chain or a local, and silent when created with the owner's; a method given a scope of its own renders
    /// there instead, as a helper does (a construct of the app's renders under itself). A scratch app's builder created with the owner's stack was reported as used by
    /// the stack that called it.
    /// </summary>
    [Fact]
    public Task BuilderCreatedWithAScope_RendersWhatItIsGivenThere()
        => VerifyAsync(PlatformStack + """
            public sealed class ScheduleBuilder
            {
                private readonly Construct _scope;
                private ITaskDefinition? _task;
                private string _rate = "rate(1 day)";

                public ScheduleBuilder(Construct scope) => _scope = scope;

                public ScheduleBuilder Every(string rate)
                {
                    _rate = rate;
                    return this;
                }

                public ScheduleBuilder WithTask(ITaskDefinition task)
                {
                    _task = task;
                    return this;
                }

                public CfnOutput Build(string id) => new CfnOutput(_scope, id, new CfnOutputProps { Value = _rate + _task!.TaskDefinitionArn });

                public CfnOutput RenderIn(Construct at, ITaskDefinition task) => new CfnOutput(at, "Rendered", new CfnOutputProps { Value = _rate + task.TaskDefinitionArn });
            }

            public class Panel : Construct
            {
                public Panel(Construct scope, string id) : base(scope, id)
                {
                }

                public void Show(Construct source, ITaskDefinition task) => new CfnOutput(this, source.Node.Id, new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    new ScheduleBuilder(this).Every("rate(1 hour)").WithTask({|#0:platform.Worker|}).Build("Hourly");
                    var builder = new ScheduleBuilder(this);
                    builder.WithTask({|#1:platform.Worker|}).Build("Daily");
                    new ScheduleBuilder(platform).WithTask(platform.Worker).Build("InPlatform");
                    var inPlatform = new ScheduleBuilder(platform);
                    inPlatform.Every("rate(7 days)").WithTask(platform.Worker).Build("Weekly");
                    inPlatform.RenderIn(this, {|#2:platform.Worker|});
                    builder.RenderIn(platform, platform.Worker);
                    new Panel(this, "Panel").Show(platform, {|#3:platform.Worker|});
                }
            }
            """,
            Expected(0, "Worker", "stack 'PlatformStack'", "SchedulerStack"),
            Expected(1, "Worker", "stack 'PlatformStack'", "SchedulerStack"),
            Expected(2, "Worker", "stack 'PlatformStack'", "SchedulerStack"),
            Expected(3, "Worker", "stack 'PlatformStack'", "SchedulerStack"));

    /// <summary>
    /// A helper given several constructs renders under the one its code creates constructs under, wherever that
    /// parameter is (<c>Publish(IVpc vpc, string arn, Construct scope)</c>); when its code does not say which, the
    /// consumer is unknown (<c>Either</c> creates under both). A scratch app's helper taking the VPC first was reported as used by the VPC's stack, and its
    /// fix would have read the parameter there; given the owner's stack as its scope, it was reported though it imports
    /// nothing.
    /// </summary>
    [Fact]
    public Task HelperGivenSeveralConstructs_RendersUnderTheOneItCreatesConstructsUnder()
        => VerifyAsync(PlatformStack + """
            public static class Outputs
            {
                public static void Publish(Amazon.CDK.AWS.EC2.IVpc vpc, string arn, Construct scope) => new CfnOutput(scope, "Arn" + vpc.Node.Id, new CfnOutputProps { Value = arn });

                public static void PublishTask(Amazon.CDK.AWS.EC2.IVpc vpc, ITaskDefinition task, Construct scope) => new CfnOutput(scope, "Task" + vpc.Node.Id, new CfnOutputProps { Value = task.TaskDefinitionArn });

                public static void Either(Construct first, Construct second, string arn)
                {
                    new CfnOutput(first, "First", new CfnOutputProps { Value = arn });
                    new CfnOutput(second, "Second", new CfnOutputProps { Value = arn });
                }
            }

            public class NetworkStack : Stack
            {
                public NetworkStack(Construct scope, string id) : base(scope, id)
                {
                    Vpc = new Amazon.CDK.AWS.EC2.Vpc(this, "Vpc");
                }

                public Amazon.CDK.AWS.EC2.Vpc Vpc { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, NetworkStack network, PlatformStack platform) : base(scope, id)
                {
                    Outputs.Publish(network.Vpc, {|#0:platform.Worker.TaskDefinitionArn|}, this);
                    Outputs.PublishTask(network.Vpc, {|#1:platform.Worker|}, this);
                    Outputs.Publish(network.Vpc, platform.Worker.TaskDefinitionArn, platform);
                    Outputs.Either(platform, this, platform.Worker.TaskDefinitionArn);
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(1, "Worker", "stack 'PlatformStack'", "ServiceStack"));

    /// <summary>
    /// A stack's own method that creates its constructs under the scope it is given renders there, not under the stack
    /// it is called on: given the owner's stack, it imports nothing. One that creates them under <c>this</c> uses the
    /// stack it is called on, whatever construct it is given.
    /// </summary>
    [Fact]
    public Task StacksOwnMethodGivenAScope_RendersUnderIt()
        => VerifyAsync(PlatformStack + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    AddOutputTo(platform, platform.Worker.TaskDefinitionArn);
                    AddOutputTo(this, {|#0:platform.Worker.TaskDefinitionArn|});
                    Wire(platform, platform.Worker);
                    Link(platform, {|#1:platform.Worker.TaskDefinitionArn|});
                }

                private void AddOutputTo(Construct at, string arn) => new CfnOutput(at, "Out" + at.Node.Id, new CfnOutputProps { Value = arn });

                private void Wire(Construct at, ITaskDefinition task) => new CfnOutput(Stack.Of(at), "Wired", new CfnOutputProps { Value = task.TaskDefinitionArn });

                private void Link(Construct source, string arn) => new CfnOutput(this, "Link" + source.Node.Id, new CfnOutputProps { Value = arn });
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"));

    /// <summary>
    /// A factory object of the app's creates what it returns under the scope it was created with (kept in a field its
    /// constructor sets, or a primary constructor's parameter): what it makes is owned where that scope is. A factory
    /// whose scope is set otherwise (an initializer, from two parameters, through another constructor), or a virtual
    /// method (an override may run instead), says nothing: silent. A scratch app's factory-made task definitions
    /// were read by another stack unreported.
    /// </summary>
    [Fact]
    public Task ConstructsMadeByAFactoryObject_AreOwnedWhereItWasCreated()
        => VerifyAsync("""
            public sealed class TaskFactory
            {
                private readonly Construct _scope;

                public TaskFactory(Construct scope) => _scope = scope;

                public FargateTaskDefinition Create(string name) => new FargateTaskDefinition(_scope, name);
            }

            public sealed class PrimaryFactory(Construct scope)
            {
                public FargateTaskDefinition Create(string name) => new FargateTaskDefinition(scope, name);
            }

            public sealed class MutableFactory
            {
                public Construct? Scope { get; set; }

                public FargateTaskDefinition Create(string name) => new FargateTaskDefinition(Scope!, name);
            }

            public class OpenFactory
            {
                private readonly Construct _scope;

                public OpenFactory(Construct scope) => _scope = scope;

                public virtual FargateTaskDefinition Create(string name) => new FargateTaskDefinition(_scope, name);
            }

            public sealed class TwoWayFactory
            {
                private readonly Construct _scope;

                public TwoWayFactory(Construct scope) => _scope = scope;

                public TwoWayFactory(Construct owner, Construct scope) => _scope = scope;

                public FargateTaskDefinition Create(string name) => new FargateTaskDefinition(_scope, name);
            }

            public sealed class ChainedFactory
            {
                private readonly Construct _scope;

                public ChainedFactory(Construct scope) => _scope = scope;

                public ChainedFactory(Construct owner, Construct scope) : this(scope)
                {
                }

                public FargateTaskDefinition Create(string name) => new FargateTaskDefinition(_scope, name);
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var factory = new TaskFactory(this);
                    Api = factory.Create("Api");
                    Primary = new PrimaryFactory(this).Create("Primary");
                    Mutable = new MutableFactory { Scope = this }.Create("Mutable");
                }

                public FargateTaskDefinition Api { get; }

                public FargateTaskDefinition Primary { get; }

                public FargateTaskDefinition Mutable { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = {|#0:compute.Api.TaskDefinitionArn|} });
                    new CfnOutput(this, "Primary", new CfnOutputProps { Value = {|#1:compute.Primary.TaskDefinitionArn|} });
                    new CfnOutput(this, "Mutable", new CfnOutputProps { Value = compute.Mutable.TaskDefinitionArn });
                    var own = new TaskFactory(this).Create("Own");
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = own.TaskDefinitionArn });
                    var there = new TaskFactory(compute).Create("There");
                    new CfnOutput(this, "There", new CfnOutputProps { Value = {|#2:there.TaskDefinitionArn|} });
                    new CfnOutput(this, "Open", new CfnOutputProps { Value = new OpenFactory(compute).Create("Open").TaskDefinitionArn });
                    new CfnOutput(this, "TwoWay", new CfnOutputProps { Value = new TwoWayFactory(this, compute).Create("TwoWay").TaskDefinitionArn });
                    new CfnOutput(this, "Chained", new CfnOutputProps { Value = new ChainedFactory(compute, this).Create("Chained").TaskDefinitionArn });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Expected(2, "TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"));

    /// <summary>The helper, the owner and the consumer in three files, the helper generic and in another namespace.</summary>
    [Fact]
    public Task HelperInAnotherFileAndNamespace_IsFollowed()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                namespace Shared.Constructs;

                public static class Factory
                {
                    public static T Named<T>(Construct scope, string id, System.Func<Construct, string, T> create) where T : IConstruct => create(scope, id);

                    public static FargateTaskDefinition Worker(Construct scope) => new FargateTaskDefinition(scope, "Worker");
                }
                """,
                CdkSources.Usings + """
                namespace App.Platform;

                public class PlatformStack : Stack
                {
                    public PlatformStack(Construct scope, string id) : base(scope, id)
                    {
                        Worker = Shared.Constructs.Factory.Worker(this);
                    }

                    public FargateTaskDefinition Worker { get; }
                }
                """,
                CdkSources.Usings + """
                namespace App.Service;

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, App.Platform.PlatformStack platform) : base(scope, id)
                    {
                        new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#0:platform.Worker.TaskDefinitionArn|} });
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "TaskDefinitionArn", "stack 'PlatformStack'", "ServiceStack"));
}
