using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Deployment;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>
/// The SSM fix leaves an app that deploys: applied through the workspace, the app still compiles and
/// synthesizes, the volatile import is gone, the consumer reads an SSM parameter that the owner publishes with
/// the value the export carried, the consumer deploys after the owner, and no stack is added or lost.
/// </summary>
[Collection(SynthesisTestGroup.Name)]
public class CrossStackVolatileReferenceFixSynthesisTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Linq;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    private const string ContainerStack = CdkSources.SynthesizableContainerStack;

    [Fact]
    public Task PropsMemberTypedAsOwnerStack()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new ServiceStack(app, "Service", new ServiceStackProps { Container = container });
                }
            }

            public class ServiceStackProps : StackProps
            {
                public ContainerStack Container { get; set; } = null!;
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    var backend = new FargateTaskDefinition(this, "Backend");
                    backend.AddContainer("backend", new ContainerDefinitionOptions
                    {
                        Image = ContainerImage.FromRegistry("nginx"),
                        Environment = new Dictionary<string, string> { ["OPENCLAW_TASK_DEFINITION_ARN"] = props.Container.TaskDef.TaskDefinitionArn },
                    });
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>
    /// An optional props member with a fallback to a construct of a stack the same props carry in
    /// (<c>props.Override ?? props.Container.TaskDef</c>), left unset: the read of whichever it is goes through the helper,
    /// published from the task definition's own stack.
    /// </summary>
    [Fact]
    public Task OptionalPropsMemberWithAFallbackToTheOwnerStack()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new ServiceStack(app, "Service", new ServiceStackProps { Container = container });
                }
            }

            public class ServiceStackProps : StackProps
            {
                public ContainerStack Container { get; set; } = null!;

                public ITaskDefinition? Override { get; set; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    var task = props.Override ?? props.Container.TaskDef;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = task.TaskDefinitionArn });
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>A published version kept in a member typed <c>IFunction</c>, its ARN read by another stack: through the helper.</summary>
    [Fact]
    public Task VersionHeldAsAFunction()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var functions = new FunctionsStack(app, "Functions");
                    new EventsStack(app, "Events", functions);
                }
            }

            public class EventsStack : Stack
            {
                public EventsStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    new CfnOutput(this, "Handler", new CfnOutputProps { Value = functions.Handler.FunctionArn });
                }
            }
            """ + CdkSources.VersionKeptAsFunctionStack, owner: "Functions", consumer: "Events");

    /// <summary>Published versions kept in a dictionary typed <c>IFunction</c>, their ARNs read by another stack in loops: through the helper (the functions' stable ARNs stay).</summary>
    [Fact]
    public Task VersionsHeldAsFunctionsInACollection()
        => AssertSsmFixDeploysAsync(CrossStackVolatileReferenceSynthesisTests.VersionsInACollectionApp, owner: "Handlers", consumer: "Routes");

    /// <summary>
    /// An SSM parameter the owner creates with its task definition's ARN, read by another stack through the construct:
    /// the read goes through the helper, which publishes the parameter's value under the construct's path.
    /// </summary>
    [Fact]
    public Task ParameterHoldingTheOwnersArnReadThroughTheConstruct()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var compute = new ComputeStack(app, "Compute");
                    new ServiceStack(app, "Service", compute);
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = compute.WorkerArn.StringValue });
                }
            }
            """ + CdkSources.ParameterPublishingComputeStack, owner: "Compute", consumer: "Service");

    /// <summary>
    /// Imported references the owner builds from its own L1 resources' volatile values (a task definition's ARN, a
    /// version's, a layer's): their reads, and the layer handed to a function, go through the helper, published from the
    /// owner's stack.
    /// </summary>
    [Fact]
    public Task ImportsWrappingTheOwnersL1Resources()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var platform = new PlatformStack(app, "Platform");
                    new ConsumerStack(app, "Consumer", platform);
                }
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    var raw = new CfnTaskDefinition(this, "Raw", new CfnTaskDefinitionProps
                    {
                        Family = "raw",
                        ContainerDefinitions = new[] { new CfnTaskDefinition.ContainerDefinitionProperty { Name = "app", Image = "nginx", Memory = 512 } },
                    });
                    Task = TaskDefinition.FromTaskDefinitionArn(this, "Task", raw.AttrTaskDefinitionArn);
                    var fn = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                    Pinned = Version_.FromVersionArn(this, "Pinned", new CfnVersion(this, "V1", new CfnVersionProps { FunctionName = fn.FunctionName }).Ref);
                    var cfnLayer = new CfnLayerVersion(this, "RawLayer", new CfnLayerVersionProps { Content = new CfnLayerVersion.ContentProperty { S3Bucket = "b", S3Key = "k" } });
                    Layer = LayerVersion.FromLayerVersionArn(this, "Layer", cfnLayer.Ref);
                }

                public ITaskDefinition Task { get; }

                public IVersion Pinned { get; }

                public ILayerVersion Layer { get; }
            }

            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    new Function(this, "User", new FunctionProps
                    {
                        Runtime = Runtime.NODEJS_18_X,
                        Handler = "index.handler",
                        Code = Code.FromInline("x"),
                        Layers = new[] { platform.Layer },
                        Environment = new Dictionary<string, string>
                        {
                            ["TASK"] = platform.Task.TaskDefinitionArn,
                            ["VERSION"] = platform.Pinned.FunctionArn,
                        },
                    });
                }
            }
            """, owner: "Platform", consumer: "Consumer");

    /// <summary>
    /// Collections that reach a stack from outside: a read-only dictionary of another stack's task definitions in its
    /// props, looped over as deconstructed pairs, and an <c>IEnumerable</c> its constructor received.
    /// </summary>
    [Fact]
    public Task ElementsOfCollectionsTheConsumerReceived()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var workers = new WorkersStack(app, "Workers");
                    new DispatchStack(app, "Dispatch", new DispatchProps { Workers = workers.ByName }, workers.ByName.Values);
                }
            }

            public class WorkersStack : Stack
            {
                private readonly Dictionary<string, FargateTaskDefinition> _byName = new();

                public WorkersStack(Construct scope, string id) : base(scope, id)
                {
                    foreach (var name in new[] { "ingest", "report" })
                    {
                        var taskDef = new FargateTaskDefinition(this, name);
                        taskDef.AddContainer("app", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                        _byName[name] = taskDef;
                    }
                }

                public IReadOnlyDictionary<string, FargateTaskDefinition> ByName => _byName;
            }

            public class DispatchProps : StackProps
            {
                public IReadOnlyDictionary<string, FargateTaskDefinition> Workers { get; init; } = null!;
            }

            public class DispatchStack : Stack
            {
                public DispatchStack(Construct scope, string id, DispatchProps props, IEnumerable<FargateTaskDefinition> watched) : base(scope, id, props)
                {
                    foreach (var (name, worker) in props.Workers)
                    {
                        new CfnOutput(this, "Worker" + name, new CfnOutputProps { Value = worker.TaskDefinitionArn });
                    }

                    foreach (var taskDef in watched)
                    {
                        new CfnOutput(this, "Watched" + taskDef.Node.Id, new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    }
                }
            }
            """, owner: "Workers", consumer: "Dispatch");

    /// <summary>
    /// A stack read from an array of stacks (<c>services[0].TaskDef</c>), and another stack's dictionary held in a local
    /// (<c>var byName = services[0].ByName; byName["api"]</c>).
    /// </summary>
    [Fact]
    public Task StackFromAnArrayAndACollectionInALocal()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var services = new[] { new ServicesStack(app, "Services") };
                    new MonitoringStack(app, "Monitoring", services);
                }
            }

            public class ServicesStack : Stack
            {
                public ServicesStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = Create("Worker");
                    ByName["api"] = Create("Api");
                }

                public FargateTaskDefinition TaskDef { get; }

                public Dictionary<string, FargateTaskDefinition> ByName { get; } = new();

                private FargateTaskDefinition Create(string id)
                {
                    var taskDef = new FargateTaskDefinition(this, id);
                    taskDef.AddContainer("app", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    return taskDef;
                }
            }

            public class MonitoringStack : Stack
            {
                public MonitoringStack(Construct scope, string id, ServicesStack[] services) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = services[0].TaskDef.TaskDefinitionArn });
                    var byName = services[0].ByName;
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = byName["api"].TaskDefinitionArn });
                }
            }
            """, owner: "Services", consumer: "Monitoring");

    /// <summary>A stack's outputs kept in a positional record and handed to another stack's constructor.</summary>
    [Fact]
    public Task OutputsInAPositionalRecord()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var compute = new ComputeStack(app, "Compute");
                    new ApiStack(app, "Api", compute.Outputs);
                }
            }

            public sealed record ComputeOutputs(ITaskDefinition Worker, string Name);

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker");
                    worker.AddContainer("app", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    Outputs = new ComputeOutputs(worker, "compute");
                }

                public ComputeOutputs Outputs { get; }
            }

            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id, ComputeOutputs outputs) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = outputs.Worker.TaskDefinitionArn });
                }
            }
            """, owner: "Compute", consumer: "Api");

    /// <summary>Both stacks in one account and region, written out: the helper's guard against two regions stays quiet.</summary>
    [Fact]
    public Task StacksWithTheSameExplicitEnvironment()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var env = new Environment { Account = "111111111111", Region = "eu-west-1" };
                    var container = new ContainerStack(app, "Container", new StackProps { Env = env });
                    new WorkerStack(app, "Worker", container, new StackProps { Env = env, CrossRegionReferences = false });
                }
            }

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id, IStackProps props) : base(scope, id, props)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef");
                    TaskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                }

                public FargateTaskDefinition TaskDef { get; }
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, ContainerStack container, IStackProps props) : base(scope, id, props)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }
            """, owner: "Container", consumer: "Worker");

    [Fact]
    public Task TaskDefinitionPassedInProps()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new WorkerStack(app, "Worker", new WorkerStackProps { TaskDef = container.TaskDef });
                }
            }

            public class WorkerStackProps : StackProps
            {
                public ITaskDefinition TaskDef { get; set; } = null!;
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, WorkerStackProps props) : base(scope, id, props)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = props.TaskDef.TaskDefinitionArn });
                }
            }
            """, owner: "Container", consumer: "Worker");

    /// <summary>
    /// The app's wiring in local functions given the stack to build in: the calls given the consumer import the task
    /// definition (a hand-over and a read), the calls given its owner import nothing; both fixed calls deploy.
    /// </summary>
    [Fact]
    public Task LocalFunctionsGivenTheConsumersStack()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    var service = new Stack(app, "Service");
                    void Wire(Stack consumer, ITaskDefinition task) => new CfnOutput(consumer, "Wired", new CfnOutputProps { Value = task.TaskDefinitionArn });
                    void Publish(Stack consumer, string arn) => new CfnOutput(consumer, "Published", new CfnOutputProps { Value = arn });
                    Wire(service, container.TaskDef);
                    Wire(container, container.TaskDef);
                    Publish(service, container.TaskDef.TaskDefinitionArn);
                    Publish(container, container.TaskDef.TaskDefinitionArn);
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>
    /// The app's builder creates its output under the scope it was created with: created with the consumer's stack,
    /// it imports the task definition there (reported, fixed, deployed); created with the owner's, it imports nothing
    /// (silent, left as it is).
    /// </summary>
    [Fact]
    public Task BuilderCreatedWithTheConsumersStack()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new SchedulerStack(app, "Scheduler", container);
                }
            }

            public sealed class OutputBuilder
            {
                private readonly Construct _scope;
                private ITaskDefinition? _task;

                public OutputBuilder(Construct scope) => _scope = scope;

                public OutputBuilder WithTask(ITaskDefinition task)
                {
                    _task = task;
                    return this;
                }

                public CfnOutput Build(string id) => new CfnOutput(_scope, id, new CfnOutputProps { Value = _task!.TaskDefinitionArn });
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new OutputBuilder(this).WithTask(container.TaskDef).Build("Scheduled");
                    new OutputBuilder(container).WithTask(container.TaskDef).Build("InContainer");
                }
            }
            """, owner: "Container", consumer: "Scheduler");

    /// <summary>
    /// A helper given a construct of a third stack before its scope: the read imports into the scope's stack, and the
    /// fix reads the parameter there (not in the third stack, which would export it again); the call given the owner's
    /// stack as its scope imports nothing.
    /// </summary>
    [Fact]
    public Task HelperTakingItsScopeAfterAnotherStacksConstruct()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    var network = new NetworkStack(app, "Network");
                    new ServiceStack(app, "Service", network, container);
                }
            }

            public static class Outputs
            {
                public static void Publish(Construct source, string arn, Construct scope)
                    => new CfnOutput(scope, "Arn" + source.Node.Id, new CfnOutputProps { Value = arn });
            }

            public class NetworkStack : Stack
            {
                public NetworkStack(Construct scope, string id) : base(scope, id)
                {
                    Marker = new Construct(this, "Marker");
                    new CfnOutput(this, "Name", new CfnOutputProps { Value = "network" });
                }

                public Construct Marker { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, NetworkStack network, ContainerStack container) : base(scope, id)
                {
                    Outputs.Publish(network.Marker, container.TaskDef.TaskDefinitionArn, this);
                    Outputs.Publish(network.Marker, container.TaskDef.TaskDefinitionArn, container);
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>A task definition a factory object makes under the owner's stack, read by another stack: imported, reported, fixed, deployed.</summary>
    [Fact]
    public Task TaskDefinitionMadeByAFactoryObject()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var compute = new ComputeStack(app, "Compute");
                    new ServiceStack(app, "Service", compute);
                }
            }

            public sealed class TaskFactory
            {
                private readonly Construct _scope;

                public TaskFactory(Construct scope) => _scope = scope;

                public FargateTaskDefinition Create(string name)
                {
                    var task = new FargateTaskDefinition(_scope, name);
                    task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    return task;
                }
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    Api = new TaskFactory(this).Create("Api");
                }

                public FargateTaskDefinition Api { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = compute.Api.TaskDefinitionArn });
                }
            }
            """, owner: "Compute", consumer: "Service");

    /// <summary>
    /// Task definitions the owner keeps in an object of the app's (a class of init properties, a positional record),
    /// read through the owner's stack by another one: imported, reported, fixed, deployed.
    /// </summary>
    [Fact]
    public Task TaskDefinitionsKeptInTheOwnersOutputsObject()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var compute = new ComputeStack(app, "Compute");
                    new ServiceStack(app, "Service", compute);
                }
            }

            public class ComputeOutputs
            {
                public ITaskDefinition Worker { get; init; } = null!;
            }

            public record ComputeRecord(ITaskDefinition Api);

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker");
                    worker.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    var api = new FargateTaskDefinition(this, "Api");
                    api.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    Outputs = new ComputeOutputs { Worker = worker };
                    Record = new ComputeRecord(api);
                }

                public ComputeOutputs Outputs { get; }

                public ComputeRecord Record { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = compute.Outputs.Worker.TaskDefinitionArn });
                    var record = compute.Record;
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = record.Api.TaskDefinitionArn });
                }
            }
            """, owner: "Compute", consumer: "Service");

    /// <summary>A stack keeps another stack's task definition in an object it holds, and a third reads it from there.</summary>
    [Fact]
    public Task TaskDefinitionRelayedThroughAnotherStacksOutputsObject()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    var compute = new ComputeStack(app, "Compute", container);
                    new ServiceStack(app, "Service", compute);
                }
            }

            public class ComputeOutputs
            {
                public ITaskDefinition? Received { get; set; }
            }

            public record Relay(ITaskDefinition Task);

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    Outputs = new ComputeOutputs { Received = container.TaskDef };
                    Kept = new Relay(container.TaskDef);
                    new CfnOutput(this, "Here", new CfnOutputProps { Value = Outputs.Received!.TaskDefinitionArn });
                }

                public ComputeOutputs Outputs { get; }

                public Relay Kept { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Received", new CfnOutputProps { Value = compute.Outputs.Received!.TaskDefinitionArn });
                    new CfnOutput(this, "Kept", new CfnOutputProps { Value = compute.Kept.Task.TaskDefinitionArn });
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>The owner's outputs held behind an interface of the app's, read through it in another stack.</summary>
    [Fact]
    public Task TaskDefinitionKeptInOutputsBehindAnInterface()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var compute = new ComputeStack(app, "Compute");
                    new ServiceStack(app, "Service", compute);
                }
            }

            public interface IComputeOutputs
            {
                ITaskDefinition Worker { get; }
            }

            public sealed class ComputeOutputs : IComputeOutputs
            {
                public ITaskDefinition Worker { get; init; } = null!;
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker");
                    worker.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    Outputs = new ComputeOutputs { Worker = worker };
                }

                public IComputeOutputs Outputs { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    var outputs = compute.Outputs;
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = outputs.Worker.TaskDefinitionArn });
                }
            }
            """, owner: "Compute", consumer: "Service");

    /// <summary>The owner's helpers hand back its task definitions and Lambda version in a tuple and an <c>out</c> parameter.</summary>
    [Fact]
    public Task ConstructsFromTuplesAndOutParameters()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var compute = new ComputeStack(app, "Compute");
                    new ServiceStack(app, "Service", compute);
                }
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    (Batch, _) = Build("batch");
                    Nightly = Build("nightly").Task;
                    CreateStarter("api", out var starter);
                    ApiVersion = starter.CurrentVersion;
                }

                public ITaskDefinition Batch { get; }
                public ITaskDefinition Nightly { get; }
                public IVersion ApiVersion { get; }

                private (ITaskDefinition Task, string Name) Build(string name)
                {
                    var task = new FargateTaskDefinition(this, name);
                    task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    return (task, name);
                }

                private void CreateStarter(string name, out Function fn)
                    => fn = new Function(this, name, new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => 1;") });
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    var (batch, _) = (compute.Batch, 0);
                    new CfnOutput(this, "Batch", new CfnOutputProps { Value = batch.TaskDefinitionArn });
                    new CfnOutput(this, "Nightly", new CfnOutputProps { Value = compute.Nightly.TaskDefinitionArn });
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = compute.ApiVersion.FunctionArn });
                }
            }
            """, owner: "Compute", consumer: "Service");

    /// <summary>The owner's task definitions reached through a lookup that writes <c>null</c> on a miss, <c>null</c> branches and a record taken apart.</summary>
    [Fact]
    public Task ConstructsThroughNullsAndRecords()
        => AssertSsmFixDeploysAsync(CrossStackVolatileReferenceSynthesisTests.NullsAndRecordsApp, owner: "Compute", consumer: "Service");

    /// <summary>Another stack's task definitions kept in collections a construct built in locals, read by index, key and loop: through the helper.</summary>
    [Fact]
    public Task CollectionsBuiltInALocal()
        => AssertSsmFixDeploysAsync(CrossStackVolatileReferenceSynthesisTests.CollectionsBuiltInALocalApp, owner: "Compute", consumer: "Service");

    /// <summary>Calls of methods that read the construct they are given (extension methods, a static helper given only the stack): published from that construct.</summary>
    [Fact]
    public Task MethodsReadingWhatTheyAreGiven()
        => AssertSsmFixDeploysAsync(CrossStackVolatileReferenceSynthesisTests.GivenReadsApp, owner: "Core", consumer: "Api");

    /// <summary>A stack class in two partial files, whose second part's private methods read the pool's task definition: fixed in that part, the hand-over at its call.</summary>
    [Fact]
    public Task PrivateMethodsInAnotherPartOfAPartialStack()
        => AssertSsmFixDeploysAsync(CrossStackVolatileReferenceSynthesisTests.PartialStackApp, owner: "Pool", consumer: "Reader");

    /// <summary>A version's metrics in another stack's alarms and dashboard: each of an import of the version, whose metric names it as the version's own does.</summary>
    [Fact]
    public Task VersionMetricsUsedInAnotherStack()
        => AssertSsmFixDeploysAsync(CrossStackVolatileReferenceSynthesisTests.VersionMetricsApp(heldAsFunction: false), owner: "Functions", consumer: "Monitoring");

    /// <summary>
    /// The fixed alarm watches the metric it watched: its one dimension is still the function's name and the version
    /// number joined by a colon, the number now the owner's SSM parameter, which holds the value of the export it read.
    /// </summary>
    [Fact]
    public async Task VersionMetricFix_KeepsTheAlarmsDimension()
    {
        var source = CrossStackVolatileReferenceSynthesisTests.VersionMetricsApp(heldAsFunction: false);
        var before = CdkSynthesizer.Synthesize(source);
        using var fixer = new WorkspaceFixer(source);
        await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey);
        var after = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());

        var dimensionBefore = ErrorsDimension(before);
        var dimensionAfter = ErrorsDimension(after);
        Assert.Equal("FunctionName", (string?)dimensionAfter["Name"]);
        var partsBefore = dimensionBefore["Value"]!["Fn::Join"]![1]!.AsArray();
        var partsAfter = dimensionAfter["Value"]!["Fn::Join"]![1]!.AsArray();
        Assert.Equal(3, partsAfter.Count);
        Assert.Equal(partsBefore[0]!.ToJsonString(), partsAfter[0]!.ToJsonString());
        Assert.Equal(":", (string?)partsAfter[1]);
        var versionExport = (string)partsBefore[2]!["Fn::ImportValue"]!;
        var parameter = (string)partsAfter[2]!["Ref"]!;
        var published = after.PublishedParameters(after.StackLike("Functions"));
        Assert.Contains(published, entry => entry.Key == after.SsmParameterInputs(after.StackLike("Monitoring"))[parameter] && entry.Value == before.ExportedValue(versionExport));

        static System.Text.Json.Nodes.JsonObject ErrorsDimension(CloudAssemblyTemplates templates)
            => templates.Resources(templates.StackLike("Monitoring"), "AWS::CloudWatch::Alarm")
                .Single(resource => resource.Key.StartsWith("Errors", System.StringComparison.Ordinal)).Value["Properties"]!["Dimensions"]!.AsArray().Single()!.AsObject();
    }

    /// <summary>Helpers that create a plain <c>Stack</c> and read the owner's task definition under it: through the helper, under that stack.</summary>
    [Fact]
    public Task HelpersCreatingAPlainStack()
        => AssertSsmFixDeploysAsync(CrossStackVolatileReferenceSynthesisTests.PlainStackHelpersApp, owner: "Container", consumer: "Reports");

    /// <summary>Another stack's task definition and version kept in tuples its stack holds in members, read by element: through the helper.</summary>
    [Fact]
    public Task TuplesHeldInMembers()
        => AssertSsmFixDeploysAsync(CrossStackVolatileReferenceSynthesisTests.TupleMembersApp, owner: "Tasks", consumer: "Reader");

    /// <summary>Versions read through a base stack class's abstract member, a task definition through an explicit interface: through the helper, each published by its owner.</summary>
    [Fact]
    public Task OverriddenAndInterfaceMembers()
        => AssertSsmFixDeploysAsync(CrossStackVolatileReferenceSynthesisTests.OverriddenMembersApp, owner: "Api", consumer: "Monitor", otherOwners: new[] { "Jobs" });

    [Fact]
    public Task LocalVariableFlow()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new ServiceStack(app, "Service", container);
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var taskDef = container.TaskDef;
                    var arn = taskDef.TaskDefinitionArn;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = arn });
                }
            }
            """, owner: "Container", consumer: "Service");

    [Fact]
    public Task StageWiringTwoStacks()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    new ProdStage(app, "Prod");
                }
            }

            public class ProdStage : Stage
            {
                public ProdStage(Construct scope, string id) : base(scope, id)
                {
                    var container = new ContainerStack(this, "Container");
                    var service = new Stack(this, "Service");
                    new CfnOutput(service, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>A CDK property of a construct in the consumer set at app level: the fix reads the parameter under that construct.</summary>
    [Fact]
    public Task PropertySetOnAConstructOfTheConsumer()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    var output = new CfnOutput(new Stack(app, "Service"), "Arn", new CfnOutputProps { Value = "pending" });
                    output.Value = container.TaskDef.TaskDefinitionArn;
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>An L1 property of a construct in the consumer set at app level (<c>cfnService.TaskDefinition = arn</c>).</summary>
    [Fact]
    public Task L1PropertySetOnAConstructOfTheConsumer()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    var service = new CfnService(new Stack(app, "Service"), "Service", new CfnServiceProps());
                    service.TaskDefinition = container.TaskDef.TaskDefinitionArn;
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>A stack giving its own task definition to a construct of another stack through the object initializer.</summary>
    [Fact]
    public Task OwnerGivesItsValueToAConstructOfTheConsumer()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    new PublishingStack(app, "Publishing", new MonitoringStack(app, "Monitoring"));
                }
            }

            """ + CdkSources.PublishingStacks("new CfnOutput(monitoring, \"Arn\", new CfnOutputProps { Value = \"pending\" }) { Value = taskDef.TaskDefinitionArn };"),
            owner: "Publishing", consumer: "Monitoring");

    /// <summary>A private helper that creates the output under its scope parameter, every call passing a scope of this stack.</summary>
    [Fact]
    public Task HelperScopeParameterOfThisStack()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new HelperScopeStack(app, "HelperScope", container);
                }
            }

            """ + CdkSources.HelperScopeStack, owner: "Container", consumer: "HelperScope");

    /// <summary>Another stack's task definition read through the escape hatch to its L1 resource (<c>Node.DefaultChild</c>).</summary>
    [Fact]
    public Task L1EscapeHatchOfAnotherStacksTaskDefinition()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new EscapeHatchStack(app, "EscapeHatch", container);
                }
            }

            public class EscapeHatchStack : Stack
            {
                public EscapeHatchStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var cfn = (CfnTaskDefinition)container.TaskDef.Node.DefaultChild!;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = cfn.Ref });
                }
            }
            """, owner: "Container", consumer: "EscapeHatch");

    [Fact]
    public Task L1CfnTaskDefinition()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var legacy = new LegacyStack(app, "Legacy");
                    new ConsumerStack(app, "Consumer", legacy);
                }
            }

            public class LegacyStack : Stack
            {
                public LegacyStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new CfnTaskDefinition(this, "TaskDef", new CfnTaskDefinitionProps
                    {
                        Family = "legacy",
                        ContainerDefinitions = new object[] { new CfnTaskDefinition.ContainerDefinitionProperty { Name = "app", Image = "nginx" } },
                    });
                }

                public CfnTaskDefinition TaskDef { get; }
            }

            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, LegacyStack legacy) : base(scope, id)
                {
                    new CfnOutput(this, "Ref", new CfnOutputProps { Value = legacy.TaskDef.Ref });
                }
            }
            """, owner: "Legacy", consumer: "Consumer");

    /// <summary>
    /// Another stack's version: its ARN (through <c>FunctionArn</c>) or its number (<c>IVersion.Version</c>, a GetAtt of
    /// the version, through <c>Read</c>).
    /// </summary>
    [Theory]
    [InlineData("FunctionArn")]
    [InlineData("Version")]
    public Task LambdaVersionArnOrNumber(string member)
        => AssertSsmFixDeploysAsync(Usings + CdkSources.SynthesizableFunctionStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var functions = new FunctionStack(app, "Functions");
                    new ApiStack(app, "Api", functions);
                }
            }

            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    new CfnOutput(this, "Version", new CfnOutputProps { Value = functions.Handler.CurrentVersion.MEMBER });
                }
            }
            """.Replace("MEMBER", member, System.StringComparison.Ordinal), owner: "Functions", consumer: "Api");

    /// <summary>
    /// A version of a function configured with a third stack's value (a bucket's name in its environment), read as
    /// <c>FunctionArn</c>, as <c>Version</c>, or handed to an alias (<c>ImportVersion</c>). CDK names the current
    /// version after a hash of the function's configuration, which holds an import only once CDK has resolved the
    /// app's references: the export the helper keeps must carry the name CDK gave it then, or the owner's deploy
    /// deletes the export the live consumer imports.
    /// </summary>
    [Theory]
    [InlineData("new CfnOutput(this, \"Version\", new CfnOutputProps { Value = functions.Handler.CurrentVersion.FunctionArn });")]
    [InlineData("new CfnOutput(this, \"Version\", new CfnOutputProps { Value = functions.Handler.CurrentVersion.Version });")]
    [InlineData("new Alias(this, \"Live\", new AliasProps { AliasName = \"live\", Version = functions.Handler.CurrentVersion });")]
    [InlineData("void Live(IVersion? version) { if (version is { } current) { new Alias(this, \"Live\", new AliasProps { AliasName = \"live\", Version = current }); } } Live(functions.Handler.CurrentVersion);")]
    public Task VersionOfAFunctionConfiguredFromAThirdStack(string read)
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var data = new DataStack(app, "Data");
                    var functions = new FunctionStack(app, "Functions", data);
                    new ApiStack(app, "Api", functions);
                }
            }

            public class DataStack : Stack
            {
                public DataStack(Construct scope, string id) : base(scope, id)
                {
                    Assets = new Amazon.CDK.AWS.S3.Bucket(this, "Assets");
                }

                public Amazon.CDK.AWS.S3.Bucket Assets { get; }
            }

            public class FunctionStack : Stack
            {
                public FunctionStack(Construct scope, string id, DataStack data) : base(scope, id)
                {
                    Handler = new Function(this, "Handler", new FunctionProps
                    {
                        Runtime = Runtime.NODEJS_18_X,
                        Handler = "index.handler",
                        Code = Code.FromInline("exports.handler = async () => {};"),
                        Environment = new Dictionary<string, string> { ["BUCKET"] = data.Assets.BucketName },
                    });
                }

                public Function Handler { get; }
            }

            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    READ
                }
            }
            """.Replace("READ", read, System.StringComparison.Ordinal), owner: "Functions", consumer: "Api");

    /// <summary>A task definition ARN relayed through a string member of its stack (assigned, expression-bodied, a method without arguments) or of a construct of its stack.</summary>
    [Theory]
    [InlineData("public string ApiArn() => TaskDef.TaskDefinitionArn;", "")]
    [InlineData("public string ApiArn { get; }", "ApiArn = TaskDef.TaskDefinitionArn;")]
    [InlineData("public string ApiArn => TaskDef.TaskDefinitionArn;", "")]
    [InlineData("public string ApiArn { get; private set; } = \"\";", "ApiArn = TaskDef.TaskDefinitionArn;")]
    [InlineData("public Relay Api { get; }", "Api = new Relay(this, \"Relay\");")]
    public Task RelayThroughAStringMemberOfTheOwningStack(string member, string assignment)
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var containers = new RelayingStack(app, "Relaying");
                    new ReaderStack(app, "Reader", containers);
                }
            }

            public class RelayingStack : Stack
            {
                public RelayingStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-relayed" });
                    TaskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    ASSIGNMENT
                }

                public FargateTaskDefinition TaskDef { get; }

                MEMBER
            }

            public class Relay : Construct
            {
                private readonly FargateTaskDefinition _taskDef;

                public Relay(Construct scope, string id) : base(scope, id)
                {
                    _taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-relay-construct" });
                    _taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                }

                public string TaskDefinitionArn => _taskDef.TaskDefinitionArn;
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, RelayingStack containers) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = READ });
                }
            }
            """.Replace("READ", member.Contains("Relay", System.StringComparison.Ordinal) ? "containers.Api.TaskDefinitionArn" : member.Contains("ApiArn()", System.StringComparison.Ordinal) ? "containers.ApiArn()" : "containers.ApiArn", System.StringComparison.Ordinal).Replace("ASSIGNMENT", assignment, System.StringComparison.Ordinal).Replace("MEMBER", member, System.StringComparison.Ordinal), owner: "Relaying", consumer: "Reader");

    /// <summary>
    /// Another stack's task definition read in the consumer stack's own methods, reached through what its constructor
    /// gives them (the props, an interface of the app's; a static helper called with 'this'; a construct class of the
    /// app's created there), or given to an extension method of the app's as its receiver.
    /// </summary>
    [Theory]
    [InlineData("Publish(props);", "private void Publish(ReaderProps given) => new CfnOutput(this, \"Arn\", new CfnOutputProps { Value = given.Pool.Worker.TaskDefinitionArn });")]
    [InlineData("Publish(props.Pool);", "private void Publish(IPoolOutputs pool) { new CfnOutput(this, \"Arn\", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn }); }")]
    [InlineData("void Publish(IPoolOutputs pool) => new CfnOutput(this, \"Arn\", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn }); Publish(props.Pool);", "")]
    [InlineData("props.Pool.Worker.Publish(this);", "")]
    [InlineData("new Publisher(this, \"Publisher\", props.Pool);", "private sealed class Publisher : Construct { public Publisher(Construct scope, string id, IPoolOutputs pool) : base(scope, id) { new CfnOutput(this, \"Arn\", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn }); } }")]
    [InlineData("Publish(this, props.Pool);", "private static void Publish(Construct scope, IPoolOutputs pool) => new CfnOutput(scope, \"Arn\", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });")]
    public Task ReadInTheConsumersOwnMethods(string body, string methods)
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var pool = new PoolStack(app, "Pool");
                    new ReaderStack(app, "Reader", new ReaderProps { Pool = pool });
                }
            }

            """ + CdkSources.SynthesizablePoolStack() + """
            public static class Outputs
            {
                public static void Publish(this ITaskDefinition task, Construct scope)
                    => new CfnOutput(scope, "Published", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }

            public class ReaderProps : StackProps
            {
                public IPoolOutputs Pool { get; init; } = null!;
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    BODY
                }

                METHODS
            }
            """.Replace("BODY", body, System.StringComparison.Ordinal).Replace("METHODS", methods, System.StringComparison.Ordinal), owner: "Pool", consumer: "Reader");

    /// <summary>
    /// An application (an Exe) that wires its stacks by calling a reader stack's public method with the pool stack,
    /// typed as an interface of the app's: the fix reads the ARN in that method, and the app deploys.
    /// </summary>
    [Fact]
    public Task ReadInAWiringMethodTheAppCalls()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class Program
            {
                public static void Main()
                {
                }
            }

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var pool = new PoolStack(app, "Pool");
                    new ReaderStack(app, "Reader").Wire(pool);
                }
            }

            """ + CdkSources.SynthesizablePoolStack() + """
            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id) : base(scope, id)
                {
                }

                public ReaderStack Wire(IPoolOutputs pool)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });
                    return this;
                }
            }
            """, owner: "Pool", consumer: "Reader", Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);

    /// <summary>An element of another stack's array member, read by index, in a loop, or through LINQ (a lambda it calls with each element, an element it picks).</summary>
    [Theory]
    [InlineData("new CfnOutput(this, \"First\", new CfnOutputProps { Value = pool.Tasks[0].TaskDefinitionArn });")]
    [InlineData("foreach (var task in pool.Tasks) { new CfnOutput(this, \"Each\" + task.Node.Id, new CfnOutputProps { Value = task.TaskDefinitionArn }); }")]
    [InlineData("new CfnOutput(this, \"Arns\", new CfnOutputProps { Value = Fn.Join(\",\", pool.Tasks.Select(task => task.TaskDefinitionArn).ToArray()) });")]
    [InlineData("new CfnOutput(this, \"Last\", new CfnOutputProps { Value = pool.Tasks.Where(task => task.Node.Id != \"A\").Last().TaskDefinitionArn });")]
    [InlineData("var kept = pool.Tasks.Where(task => task.Node.Id != \"A\"); foreach (var task in kept) { new CfnOutput(this, \"Kept\" + task.Node.Id, new CfnOutputProps { Value = task.TaskDefinitionArn }); }")]
    [InlineData("var (first, label) = (pool.Tasks[0], \"First\"); new CfnOutput(this, label, new CfnOutputProps { Value = first.TaskDefinitionArn });")]
    public Task ElementOfAnotherStacksArrayMember(string read)
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var pool = new PoolStack(app, "Pool");
                    new ReaderStack(app, "Reader", pool);
                }
            }

            public class PoolStack : Stack
            {
                public PoolStack(Construct scope, string id) : base(scope, id)
                {
                    Tasks = new[] { NewTask("A"), NewTask("B") };
                }

                public FargateTaskDefinition[] Tasks { get; }

                private FargateTaskDefinition NewTask(string id)
                {
                    var task = new FargateTaskDefinition(this, id, new FargateTaskDefinitionProps { Family = "isol8-pool-" + id.ToLowerInvariant() });
                    task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    return task;
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, PoolStack pool) : base(scope, id)
                {
                    READ
                }
            }
            """.Replace("READ", read, System.StringComparison.Ordinal), owner: "Pool", consumer: "Reader");

    /// <summary>
    /// A stack's collections built by LINQ from its configuration (a list of the app's constructs, an array and a
    /// dictionary of task definitions its helper makes), read by another stack. Two of the owners' paths differ only in
    /// where a '/' falls (<c>Platform/a/Task</c>, <c>Platform/aTask</c>): the consumer reads each through a
    /// CloudFormation parameter of its own (CDK's <c>ValueForStringParameter</c> would name both after the parameter name
    /// without its separators, and the template would not synthesize).
    /// </summary>
    [Fact]
    public Task CollectionsBuiltByLinq_AndOwnersWhosePathsDifferOnlyInTheirSeparators()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var platform = new PlatformStack(app, "Platform", new[] { "a", "b" });
                    new ReaderStack(app, "Reader", platform);
                }
            }

            public class Service : Construct
            {
                public Service(Construct scope, string id) : base(scope, id)
                {
                    Task = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps { Family = "isol8-service-" + id });
                    Task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                }

                public FargateTaskDefinition Task { get; }
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id, string[] names) : base(scope, id)
                {
                    Services = names.Select(name => new Service(this, name)).ToList();
                    Tasks = names.Select(name => NewTask(name + "Task")).ToArray();
                    ByName = names.ToDictionary(name => name, name => NewTask("ByName" + name));
                }

                public IReadOnlyList<Service> Services { get; }

                public FargateTaskDefinition[] Tasks { get; }

                public IReadOnlyDictionary<string, FargateTaskDefinition> ByName { get; }

                private FargateTaskDefinition NewTask(string id)
                {
                    var task = new FargateTaskDefinition(this, id, new FargateTaskDefinitionProps { Family = "isol8-platform-" + id.ToLowerInvariant() });
                    task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    return task;
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    new CfnOutput(this, "Services", new CfnOutputProps { Value = Fn.Join(",", platform.Services.Select(service => service.Task.TaskDefinitionArn).ToArray()) });
                    new CfnOutput(this, "First", new CfnOutputProps { Value = platform.Tasks[0].TaskDefinitionArn });
                    new CfnOutput(this, "B", new CfnOutputProps { Value = platform.ByName["b"].TaskDefinitionArn });
                }
            }
            """, owner: "Platform", consumer: "Reader");

    /// <summary>An element of another stack's dictionary member, filled in a loop, read by key, over its values, or through LINQ and <c>List.ForEach</c>.</summary>
    [Theory]
    [InlineData("new CfnOutput(this, \"Api\", new CfnOutputProps { Value = pool.TaskDefs[\"api\"].TaskDefinitionArn });")]
    [InlineData("foreach (var task in pool.TaskDefs.Values) { new CfnOutput(this, \"Each\" + task.Node.Id, new CfnOutputProps { Value = task.TaskDefinitionArn }); }")]
    [InlineData("pool.TaskDefs.Values.ToList().ForEach(task => new CfnOutput(this, \"Each\" + task.Node.Id, new CfnOutputProps { Value = task.TaskDefinitionArn }));")]
    [InlineData("new CfnOutput(this, \"Arns\", new CfnOutputProps { Value = Fn.Join(\",\", pool.TaskDefs.OrderBy(pair => pair.Key).Select(pair => pair.Value.TaskDefinitionArn).ToArray()) });")]
    public Task ElementOfAnotherStacksDictionaryMember(string read)
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var pool = new PoolStack(app, "Pool", new[] { "api", "worker" });
                    new ReaderStack(app, "Reader", pool);
                }
            }

            public class PoolStack : Stack
            {
                public PoolStack(Construct scope, string id, string[] names) : base(scope, id)
                {
                    foreach (var name in names)
                    {
                        var task = new FargateTaskDefinition(this, name, new FargateTaskDefinitionProps { Family = "isol8-pool-" + name });
                        task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                        TaskDefs[name] = task;
                    }
                }

                public System.Collections.Generic.Dictionary<string, FargateTaskDefinition> TaskDefs { get; } = new();
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, PoolStack pool) : base(scope, id)
                {
                    READ
                }
            }
            """.Replace("READ", read, System.StringComparison.Ordinal), owner: "Pool", consumer: "Reader");

    /// <summary>
    /// The app's own construct class, only ever created in the service stack, reads the container stack's ARN through
    /// its props: imported into the service stack, reported there, and fixed with the construct as the consumer scope.
    /// </summary>
    [Fact]
    public Task ReadInAConstructClassTheConsumerStackHosts()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new ServiceStack(app, "Service", container);
                }
            }

            public class WorkerProps
            {
                public ContainerStack Containers { get; init; } = null!;
            }

            public class Worker : Construct
            {
                public Worker(Construct scope, string id, WorkerProps props) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = props.Containers.TaskDef.TaskDefinitionArn });
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Worker(this, "Worker", new WorkerProps { Containers = container });
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>A static helper every call of which passes the service stack as the scope: fixed in the helper, with its scope parameter as the consumer.</summary>
    [Fact]
    public Task ReadInAStaticHelperEveryCallScopesToTheConsumerStack()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new ServiceStack(app, "Service", container);
                }
            }

            public static class Outputs
            {
                public static void Arn(Stack consumer, ContainerStack containers)
                    => new CfnOutput(consumer, "Arn", new CfnOutputProps { Value = containers.TaskDef.TaskDefinitionArn });
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    Outputs.Arn(this, container);
                }
            }
            """, owner: "Container", consumer: "Service");

    /// <summary>A task definition another stack creates on first use (<c>_worker ??= new …</c>), read here.</summary>
    [Fact]
    public Task ReadOfAMemberCreatedOnFirstUse()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var pool = new LazyStack(app, "Lazy");
                    new ReaderStack(app, "Reader", pool);
                }
            }

            public class LazyStack : Stack
            {
                private FargateTaskDefinition? _worker;

                public LazyStack(Construct scope, string id) : base(scope, id)
                {
                    Worker.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                }

                public FargateTaskDefinition Worker => _worker ??= new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = "isol8-lazy" });
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, LazyStack lazy) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = lazy.Worker.TaskDefinitionArn });
                }
            }
            """, owner: "Lazy", consumer: "Reader");

    /// <summary>A static member of a plain class that the platform stack sets to its own task definition, read here.</summary>
    [Fact]
    public Task ReadOfAStaticMemberOneStackFills()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    new PlatformStack(app, "Platform");
                    new ReaderStack(app, "Reader");
                }
            }

            public static class Shared
            {
                public static ITaskDefinition? Worker { get; set; }
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = "isol8-shared" });
                    worker.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    Shared.Worker = worker;
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = Shared.Worker!.TaskDefinitionArn });
                }
            }
            """, owner: "Platform", consumer: "Reader");

    /// <summary>An element of another stack's dictionary member handed to the app's own construct, which renders its ARN.</summary>
    [Fact]
    public Task ElementOfAnotherStacksDictionaryHandedToTheAppsConstruct()
        => AssertSsmFixDeploysAsync(Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var pool = new PoolStack(app, "Pool");
                    new RunnerStack(app, "Runner", pool);
                }
            }

            public class PoolStack : Stack
            {
                public PoolStack(Construct scope, string id) : base(scope, id)
                {
                    var task = new FargateTaskDefinition(this, "Api", new FargateTaskDefinitionProps { Family = "isol8-pool-api" });
                    task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    TaskDefs["api"] = task;
                }

                public System.Collections.Generic.Dictionary<string, FargateTaskDefinition> TaskDefs { get; } = new();
            }

            public class Runner : Construct
            {
                public Runner(Construct scope, string id, ITaskDefinition taskDef) : base(scope, id)
                {
                    new CfnOutput(this, "Runs", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                }
            }

            public class RunnerStack : Stack
            {
                public RunnerStack(Construct scope, string id, PoolStack pool) : base(scope, id)
                {
                    new Runner(this, "Api", pool.TaskDefs["api"]);
                }
            }
            """, owner: "Pool", consumer: "Runner");

    [Fact]
    public Task UserConstructTakingATaskDefinition()
        => AssertSsmFixDeploysAsync(Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new SchedulerStack(app, "Scheduler", container);
                }
            }

            public class Runner : Construct
            {
                public Runner(Construct scope, string id, ITaskDefinition taskDefinition) : base(scope, id)
                {
                    new CfnOutput(this, "RunsArn", new CfnOutputProps { Value = taskDefinition.TaskDefinitionArn });
                }
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Runner(this, "Runner", container.TaskDef);
                    new Runner(this, "SecondRunner", container.TaskDef);
                }
            }
            """, owner: "Container", consumer: "Scheduler");

    [Fact]
    public async Task FixAll_PublishesEachValueOnce()
    {
        const string Source = Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new ReaderStack(app, "ReaderA", container);
                    new ReaderStack(app, "ReaderB", container);
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                    new CfnOutput(this, "SameArnAgain", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }
            """;
        var before = CdkSynthesizer.Synthesize(Source);
        using var fixer = new WorkspaceFixer(Source);
        await fixer.FixAllAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey);
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        var helpers = (await fixer.CompilationAsync()).GetSymbolsWithName("CrossStackParameters", Microsoft.CodeAnalysis.SymbolFilter.Type);
        Assert.Single(Assert.Single(helpers).DeclaringSyntaxReferences);

        var after = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());
        Assert.Single(after.PublishedParameters("Container"));
        foreach (var reader in new[] { "ReaderA", "ReaderB" })
        {
            Assert.Empty(after.ImportedExports(reader));
            Assert.Equal(after.PublishedParameters("Container").Keys, after.SsmParameterInputs(reader).Values);
            Assert.Contains("Container", after.Dependencies(reader));
        }

        Assert.Single(after.Template("Container")["Outputs"]!.AsObject(), output => output.Value?["Export"] is not null);
        await FixRollout.AssertDeploysAsync(before, fixer);
    }

    /// <summary>
    /// Two stacks of one class and two task definitions of one stack publish the same attribute; two consumers of one
    /// class read them. Fix All gives every owner its own parameter, named after its construct path, and each consumer
    /// reads the ARN of the owner it read before.
    /// </summary>
    [Fact]
    public async Task FixAll_TwoOwnersOfOneClassAndTwoConsumers_EachReadsItsOwnersValue()
    {
        const string Source = Usings + ContainerStack + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var blue = new ContainerStack(app, "Blue");
                    var green = new ContainerStack(app, "Green");
                    var workers = new WorkerStack(app, "Workers");
                    new ReaderStack(app, "BlueReader", blue, workers);
                    new ReaderStack(app, "GreenReader", green, workers);
                }
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id) : base(scope, id)
                {
                    Worker = new FargateTaskDefinition(this, "Worker");
                    Worker.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("worker") });
                    Api = new FargateTaskDefinition(this, "Api");
                    Api.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("api") });
                }

                public FargateTaskDefinition Worker { get; }

                public FargateTaskDefinition Api { get; }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ContainerStack container, WorkerStack workers) : base(scope, id)
                {
                    new CfnOutput(this, "Container", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = workers.Worker.TaskDefinitionArn });
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = workers.Api.TaskDefinitionArn });
                }
            }
            """;
        var before = CdkSynthesizer.Synthesize(Source);
        using var fixer = new WorkspaceFixer(Source);
        var found = await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference);
        Assert.Equal(3, found.Length);
        Assert.Equal(
            new[] { "ContainerStack", "WorkerStack", "WorkerStack" },
            found.Select(d => d.Properties[Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer.OwnerStackProperty]).Order());
        Assert.All(found, d => Assert.Equal("ReaderStack", d.Properties[Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer.ConsumerStackProperty]));

        await fixer.FixAllAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey);
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        var after = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());

        var published = new[] { "Blue", "Green", "Workers" }.SelectMany(owner => after.PublishedParameters(owner).Select(parameter => (Owner: owner, parameter.Key, parameter.Value))).ToList();
        Assert.Equal(4, published.Count);
        Assert.Equal(published.Count, published.Select(parameter => parameter.Key).Distinct().Count());
        Assert.Single(published, p => p.Owner == "Blue" && p.Key.Contains("Blue/TaskDef", System.StringComparison.Ordinal));
        Assert.Single(published, p => p.Owner == "Green" && p.Key.Contains("Green/TaskDef", System.StringComparison.Ordinal));
        Assert.Single(published, p => p.Owner == "Workers" && p.Key.Contains("Workers/Worker", System.StringComparison.Ordinal));
        Assert.Single(published, p => p.Owner == "Workers" && p.Key.Contains("Workers/Api", System.StringComparison.Ordinal));

        foreach (var (reader, owner) in new[] { ("BlueReader", "Blue"), ("GreenReader", "Green") })
        {
            Assert.Empty(after.ImportedExports(reader));
            var read = after.SsmParameterInputs(reader).Values.ToHashSet();
            Assert.Equal(3, read.Count);

            // Every value the reader imported before, it now reads from the parameter its own owner publishes with that value.
            var importedBefore = before.ImportedExports(reader).Select(before.ExportedValue).ToList();
            Assert.Equal(3, importedBefore.Count);
            foreach (var value in importedBefore)
            {
                Assert.Single(published, p => p.Value == value && read.Contains(p.Key));
            }

            Assert.Contains(published, p => p.Owner == owner && read.Contains(p.Key));
            Assert.DoesNotContain(published, p => p.Owner == (owner == "Blue" ? "Green" : "Blue") && read.Contains(p.Key));
        }

        await FixRollout.AssertDeploysAsync(before, fixer);
    }

    [Fact]
    public Task FamilyFix_LiteralFamily()
        => AssertFamilyFixDeploysAsync(Usings + ContainerStack + PropsConsumer);

    [Fact]
    public Task FamilyFix_FamilyPropertyOfTheConcreteType()
        => AssertFamilyFixDeploysAsync(Usings + ContainerStack.Replace("Family = \"isol8-openclaw\"", "Family = \"isol8-\" + System.Environment.GetEnvironmentVariable(\"HOME\")?.Length", System.StringComparison.Ordinal) + PropsConsumer);

    /// <summary>
    /// The consumer is given the owner as the app's outputs interface, which the owner implements explicitly: the family
    /// literal comes through the implementation, and the fixed app deploys over the one that read the ARN.
    /// </summary>
    [Fact]
    public Task FamilyFix_ThroughTheAppsOutputsInterface()
        => AssertFamilyFixDeploysAsync(
            Usings + "public interface IContainerOutputs\n{\n    ITaskDefinition TaskDef { get; }\n}\n\n"
                + ContainerStack.Replace("public class ContainerStack : Stack", "public class ContainerStack : Stack, IContainerOutputs", System.StringComparison.Ordinal)
                    .Replace("public FargateTaskDefinition TaskDef { get; }", "public FargateTaskDefinition TaskDef { get; }\n\n    ITaskDefinition IContainerOutputs.TaskDef => TaskDef;", System.StringComparison.Ordinal)
                + PropsConsumer.Replace("string id, ContainerStack container)", "string id, IContainerOutputs container)", System.StringComparison.Ordinal),
            expectedRead: "CrossStackParameters.TaskDefinitionFamily(container.TaskDef, \"isol8-openclaw\", keepOldExport: true)");

    private static readonly string PropsConsumer = CdkSources.ServiceApp("container.TaskDef.TaskDefinitionArn");

    private static async Task AssertFamilyFixDeploysAsync(string source, string? expectedRead = null)
    {
        var before = CdkSynthesizer.Synthesize(source);
        using var fixer = new WorkspaceFixer(source);
        Assert.Equal(1, await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.FamilyEquivalenceKey));
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        if (expectedRead is not null)
        {
            Assert.Contains(expectedRead, await fixer.TextAsync("File0.cs"), System.StringComparison.Ordinal);
        }

        await FixRollout.AssertDeploysAsync(before, fixer);
    }

    private static Task AssertSsmFixDeploysAsync(string source, string owner, string consumer, Microsoft.CodeAnalysis.OutputKind outputKind = Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, string[]? otherOwners = null)
        => AssertSsmFixDeploysAsync(new[] { source }, owner, consumer, outputKind, otherOwners);

    private static async Task AssertSsmFixDeploysAsync(string[] sources, string owner, string consumer, Microsoft.CodeAnalysis.OutputKind outputKind = Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary, string[]? otherOwners = null)
    {
        var before = CdkSynthesizer.Synthesize(TestCompilation.Create(outputKind, sources));
        var ownerStack = before.StackLike(owner);
        var consumerStack = before.StackLike(consumer);
        var volatileExports = before.ImportedExports(consumerStack).Where(before.IsVolatileExport).Distinct().ToList();
        Assert.NotEmpty(volatileExports);

        using var fixer = new WorkspaceFixer(outputKind, sources);
        var applied = await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey);
        Assert.True(applied > 0, "No SSM fix was offered.");
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));

        var after = CdkSynthesizer.Synthesize(await fixer.CompilationAsync());
        var owners = new[] { ownerStack }.Concat((otherOwners ?? System.Array.Empty<string>()).Select(before.StackLike)).ToList();
        var read = after.SsmParameterInputs(consumerStack).Values.ToHashSet();
        foreach (var export in volatileExports)
        {
            // Each value is published by the stack that exported it (two owners' logical ids may coincide).
            var exporter = before.ExporterOf(export);
            Assert.Contains(exporter, owners);
            Assert.Contains(after.PublishedParameters(exporter!), parameter => parameter.Value == before.ExportedValue(export) && read.Contains(parameter.Key));
        }

        Assert.All(owners, stack => Assert.Contains(stack, after.Dependencies(consumerStack)));
        await FixRollout.AssertDeploysAsync(before, fixer);
    }
}
