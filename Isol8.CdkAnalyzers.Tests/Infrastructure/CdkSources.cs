namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>Pieces of CDK apps that many tests share.</summary>
internal static class CdkSources
{
    /// <summary>
    /// A stack class <paramref name="name"/> whose constructor takes <paramref name="parameters"/> after its scope and id
    /// and runs <paramref name="body"/>, with <c>Out(id, value)</c> writing a <c>CfnOutput</c>: the consumer of a test.
    /// </summary>
    public static string ConsumerStack(string name, string parameters, string body) => $$"""
        public class {{name}} : Stack
        {
            public {{name}}(Construct scope, string id, {{parameters}}) : base(scope, id)
            {
                {{body}}
            }

            private void Out(string id, string value) => new CfnOutput(this, id, new CfnOutputProps { Value = value });
        }

        """;

    public const string Usings = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    /// <summary>
    /// A stack that owns a Fargate task definition with the constant family <c>isol8-openclaw</c>, as a file of its own in
    /// namespace <c>Isol8.Infra</c>, for fixer tests that compare whole files.
    /// </summary>
    public const string InfraContainerStack = """
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

    /// <summary>A stack that owns a Fargate task definition with a constant family.</summary>
    public const string ContainerStack = """
        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id, IStackProps? props = null) : base(scope, id, props)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
            }

            public FargateTaskDefinition TaskDef { get; }
        }

        """;

    /// <summary>
    /// A stack that creates its own task definition (<c>taskDef</c>, synthesizable) and hands it to a construct of
    /// another stack, <c>monitoring</c>, by the statements <paramref name="handOver"/>.
    /// </summary>
    public static string PublishingStacks(string handOver) => """
        public class PublishingStack : Stack
        {
            public PublishingStack(Construct scope, string id, MonitoringStack monitoring) : base(scope, id)
            {
                var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-publishing" });
                taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                {handOver}
            }
        }

        public class MonitoringStack : Stack
        {
            public MonitoringStack(Construct scope, string id) : base(scope, id)
            {
            }
        }

        """.Replace("{handOver}", handOver, System.StringComparison.Ordinal);

    /// <summary>A stack that owns a Lambda function, its current version and a layer.</summary>
    public const string FunctionStack = """
        public class FunctionStack : Stack
        {
            public FunctionStack(Construct scope, string id) : base(scope, id)
            {
                Layer = new LayerVersion(this, "Layer", new LayerVersionProps { Code = Code.FromInline("x") });
                Handler = new Function(this, "Handler", new FunctionProps
                {
                    Runtime = Runtime.NODEJS_18_X,
                    Handler = "index.handler",
                    Code = Code.FromInline("exports.handler = async () => {};"),
                });
            }

            public Function Handler { get; }

            public LayerVersion Layer { get; }
        }

        """;

    /// <summary>
    /// A stack (synthesizable) with a function (<c>Handler</c>), its current version (<c>Current</c>), a VPC and a launch
    /// template with a role and a security group: what grants, security group rules and subscriptions are given.
    /// Needs the EC2 and IAM namespaces.
    /// </summary>
    public const string GrantedFunctionsStack = """
        public class FunctionsStack : Stack
        {
            public FunctionsStack(Construct scope, string id) : base(scope, id)
            {
                Handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                Vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 1, NatGateways = 0 });
                Template = new LaunchTemplate(this, "Template", new LaunchTemplateProps
                {
                    Role = new Role(this, "Role", new RoleProps { AssumedBy = new ServicePrincipal("ec2.amazonaws.com") }),
                    SecurityGroup = new SecurityGroup(this, "Sg", new SecurityGroupProps { Vpc = Vpc }),
                });
            }

            public Function Handler { get; }

            public IVersion Current => Handler.CurrentVersion;

            public LaunchTemplate Template { get; }

            public Vpc Vpc { get; }
        }

        """;

    /// <summary>
    /// A stack (synthesizable) with a function (<c>Handler</c>, and <c>Plain</c> as an <c>IFunction</c>), its current version
    /// (<c>Current</c>, and <c>Held</c> as an <c>IFunction</c>), an alias (<c>Live</c>) and an alarm of its own on the version's errors. Needs the CloudWatch namespace.
    /// </summary>
    public const string MonitoredFunctionsStack = """
        public class FunctionsStack : Stack
        {
            public FunctionsStack(Construct scope, string id) : base(scope, id)
            {
                Handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                Held = Handler.CurrentVersion;
                Plain = Handler;
                Live = new Alias(this, "Live", new AliasProps { AliasName = "live", Version = Handler.CurrentVersion });
                new Alarm(this, "Own", new AlarmProps { Metric = Current.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
            }

            public Function Handler { get; }

            public IVersion Current => Handler.CurrentVersion;

            public IFunction Held { get; }

            public IFunction Plain { get; }

            public Alias Live { get; }
        }

        """;

    /// <summary>A stack that synthesizes a Lambda function (<c>Handler</c>) with inline code, and so its current version.</summary>
    public const string SynthesizableFunctionStack = """
        public class FunctionStack : Stack
        {
            public FunctionStack(Construct scope, string id) : base(scope, id)
            {
                Handler = new Function(this, "Handler", new FunctionProps
                {
                    Runtime = Runtime.NODEJS_18_X,
                    Handler = "index.handler",
                    Code = Code.FromInline("exports.handler = async () => {};"),
                });
            }

            public Function Handler { get; }
        }

        """;

    /// <summary>A stack that synthesizes a Fargate task definition with a container and the constant family <c>isol8-openclaw</c>.</summary>
    /// <summary>
    /// A stack whose private helper creates an output under its scope parameter, called with <c>this</c> and with a
    /// construct of this stack, reading <c>ContainerStack</c>'s task definition ARN: it imports (synthesized).
    /// </summary>
    public const string HelperScopeStack = """
        public class HelperScopeStack : Stack
        {
            private readonly ContainerStack _container;

            public HelperScopeStack(Construct scope, string id, ContainerStack container) : base(scope, id)
            {
                _container = container;
                AddOutput(this, "Direct");
                AddOutput(new Construct(this, "Group"), "Grouped");
            }

            private void AddOutput(Construct scope, string id)
                => new CfnOutput(scope, id, new CfnOutputProps { Value = _container.TaskDef.TaskDefinitionArn });
        }

        """;

    public const string SynthesizableContainerStack = """
        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                TaskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
            }

            public FargateTaskDefinition TaskDef { get; }
        }

        """;

    /// <summary>
    /// A stack that owns a Fargate task definition (family <c>isol8-pool-worker</c>) and exposes it through the app's
    /// interface <c>IPoolOutputs</c>, with <paramref name="members"/> added to the class.
    /// </summary>
    public static string SynthesizablePoolStack(string members = "") => """
        public interface IPoolOutputs
        {
            ITaskDefinition Worker { get; }
        }

        public class PoolStack : Stack, IPoolOutputs
        {
            public PoolStack(Construct scope, string id) : base(scope, id)
            {
                var worker = new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = "isol8-pool-worker" });
                worker.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                Worker = worker;
            }

            public ITaskDefinition Worker { get; }

            MEMBERS
        }

        """.Replace("MEMBERS", members, System.StringComparison.Ordinal);

    /// <summary>
    /// An app of <see cref="SynthesizableContainerStack"/> and a <c>ServiceStack</c> whose backend container gets
    /// <paramref name="value"/> (code that reads <c>container</c>) as <c>OPENCLAW_TASK_DEFINITION</c>.
    /// </summary>
    public static string ServiceApp(string value) => """
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
                var backend = new FargateTaskDefinition(this, "Backend");
                backend.AddContainer("backend", new ContainerDefinitionOptions
                {
                    Image = ContainerImage.FromRegistry("nginx"),
                    Environment = new Dictionary<string, string> { ["OPENCLAW_TASK_DEFINITION"] = VALUE },
                });
            }
        }
        """.Replace("VALUE", value, System.StringComparison.Ordinal);
    /// <summary>A stack that owns one of each of the catalogue's entries beyond task definitions and Lambda.</summary>
    public const string WiderProducer = """
        public class ProducerStack : Stack
        {
            public ProducerStack(Construct scope, string id) : base(scope, id)
            {
                Job = new EcsJobDefinition(this, "Job", new EcsJobDefinitionProps { Container = null! });
                Template = new LaunchTemplate(this, "Template");
                CfnTemplate = new CfnLaunchTemplate(this, "CfnTemplate", new CfnLaunchTemplateProps { LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty() });
                Api = new RestApi(this, "Api");
                CfnJob = new Amazon.CDK.AWS.Batch.CfnJobDefinition(this, "CfnJob", new Amazon.CDK.AWS.Batch.CfnJobDefinitionProps { Type = "container" });
                MachineVersion = new CfnStateMachineVersion(this, "Version", new CfnStateMachineVersionProps { StateMachineArn = "arn" });
                Model = new SageMaker.CfnModel(this, "Model", new SageMaker.CfnModelProps { ExecutionRoleArn = "arn" });
                EndpointConfig = new SageMaker.CfnEndpointConfig(this, "Config", new SageMaker.CfnEndpointConfigProps { ProductionVariants = new object[0] });
            }

            public EcsJobDefinition Job { get; }

            public Amazon.CDK.AWS.Batch.CfnJobDefinition CfnJob { get; }

            public LaunchTemplate Template { get; }

            public CfnLaunchTemplate CfnTemplate { get; }

            public RestApi Api { get; }

            public CfnStateMachineVersion MachineVersion { get; }

            public SageMaker.CfnModel Model { get; }

            public SageMaker.CfnEndpointConfig EndpointConfig { get; }
        }

        """;

    /// <summary>The usings <see cref="WiderProducer"/> needs (SageMaker aliased: its CfnModel clashes with API Gateway's).</summary>
    public const string WiderUsings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.APIGateway;
        using Amazon.CDK.AWS.Batch;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.StepFunctions;
        using Constructs;
        using SageMaker = Amazon.CDK.AWS.Sagemaker;

        """;

    /// <summary>
    /// A stack holding imported references (with <see cref="Usings"/>): imports wrapping its own L1 resources' volatile
    /// values (<c>Wrapped</c>, <c>WrappedByRef</c>, <c>Pinned</c>, <c>Layer</c>), imports of constants (<c>Legacy</c>,
    /// <c>LegacyWithRole</c>, <c>NumberedVersion</c>), and a <c>Launcher</c> construct that renders a task definition's ARN.
    /// </summary>
    public const string ImportingPlatformStack = """
        public class PlatformStack : Stack
        {
            public PlatformStack(Construct scope, string id) : base(scope, id)
            {
                Raw = new CfnTaskDefinition(this, "Raw", new CfnTaskDefinitionProps
                {
                    Family = "raw",
                    ContainerDefinitions = new[] { new CfnTaskDefinition.ContainerDefinitionProperty { Name = "app", Image = "nginx", Memory = 512 } },
                });
                Wrapped = TaskDefinition.FromTaskDefinitionArn(this, "Wrapped", Raw.AttrTaskDefinitionArn);
                WrappedByRef = TaskDefinition.FromTaskDefinitionAttributes(this, "WrappedByRef", new TaskDefinitionAttributes { TaskDefinitionArn = Raw.Ref, Compatibility = Compatibility.EC2 });
                var fn = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                var cfnVersion = new CfnVersion(this, "V1", new CfnVersionProps { FunctionName = fn.FunctionName });
                Pinned = Version_.FromVersionArn(this, "Pinned", cfnVersion.Ref);
                var cfnLayer = new CfnLayerVersion(this, "RawLayer", new CfnLayerVersionProps { Content = new CfnLayerVersion.ContentProperty { S3Bucket = "b", S3Key = "k" } });
                Layer = LayerVersion.FromLayerVersionArn(this, "Layer", cfnLayer.Ref);
                NumberedVersion = Version_.FromVersionAttributes(this, "Numbered", new VersionAttributes { Lambda = fn, Version = "1" });
                Legacy = TaskDefinition.FromTaskDefinitionArn(this, "Legacy", "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:3");
                TaskRole = new Amazon.CDK.AWS.IAM.Role(this, "TaskRole", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("ecs-tasks.amazonaws.com") });
                LegacyWithRole = TaskDefinition.FromTaskDefinitionAttributes(this, "LegacyWithRole", new TaskDefinitionAttributes { TaskDefinitionArn = "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:4", TaskRole = TaskRole });
            }

            public CfnTaskDefinition Raw { get; }

            public ITaskDefinition Wrapped { get; }

            public ITaskDefinition WrappedByRef { get; }

            public IVersion Pinned { get; }

            public ILayerVersion Layer { get; }

            public IVersion NumberedVersion { get; }

            public ITaskDefinition Legacy { get; }

            public Amazon.CDK.AWS.IAM.Role TaskRole { get; }

            public ITaskDefinition LegacyWithRole { get; }
        }

        public class Launcher : Construct
        {
            public Launcher(Construct scope, string id, ITaskDefinition task) : base(scope, id)
            {
                new CfnOutput(this, "Task", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }
        }

        """;

    /// <summary>
    /// A stack (with <see cref="Usings"/>) that publishes its task definition's ARN in an SSM parameter it exposes as a
    /// construct (<c>WorkerArn</c>), and a parameter holding a constant (<c>Constant</c>).
    /// </summary>
    public const string ParameterPublishingComputeStack = """
        public class ComputeStack : Stack
        {
            public ComputeStack(Construct scope, string id) : base(scope, id)
            {
                var worker = new FargateTaskDefinition(this, "Worker");
                worker.AddContainer("app", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                WorkerArn = new Amazon.CDK.AWS.SSM.StringParameter(this, "WorkerArn", new Amazon.CDK.AWS.SSM.StringParameterProps { ParameterName = "/acme/worker-arn", StringValue = worker.TaskDefinitionArn });
                Constant = new Amazon.CDK.AWS.SSM.StringParameter(this, "Constant", new Amazon.CDK.AWS.SSM.StringParameterProps { ParameterName = "/acme/constant", StringValue = "constant" });
            }

            public Amazon.CDK.AWS.SSM.StringParameter WorkerArn { get; }

            public Amazon.CDK.AWS.SSM.StringParameter Constant { get; }
        }

        """;

    /// <summary>
    /// A stack (with <see cref="Usings"/>) that keeps its function's current version in a member typed <c>IFunction</c>
    /// (<c>Handler</c>), and an alias the same way (<c>Live</c>).
    /// </summary>
    public const string VersionKeptAsFunctionStack = """
        public class FunctionsStack : Stack
        {
            public FunctionsStack(Construct scope, string id) : base(scope, id)
            {
                var fn = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                Handler = fn.CurrentVersion;
                Live = new Alias(this, "Live", new AliasProps { AliasName = "live", Version = fn.CurrentVersion });
            }

            public IFunction Handler { get; }

            public IFunction Live { get; }
        }

        """;

    /// <summary>
    /// A stack keeping its functions' published versions in a dictionary typed <c>IFunction</c> (<c>Handlers</c>), and
    /// the functions themselves in another (<c>Plain</c>), one function per name it is given.
    /// </summary>
    public const string VersionsKeptAsFunctionsStack = """
        public class HandlersStack : Stack
        {
            public HandlersStack(Construct scope, string id, params string[] names) : base(scope, id)
            {
                foreach (var name in names)
                {
                    var fn = new Function(this, name, new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                    Handlers[name] = fn.CurrentVersion;
                    Plain[name] = fn;
                }
            }

            public Dictionary<string, IFunction> Handlers { get; } = new();

            public Dictionary<string, IFunction> Plain { get; } = new();
        }

        """;

    /// <summary>
    /// Two constructs of the app's given an API Gateway deployment: one renders its id, one only its path (needs
    /// <c>Amazon.CDK.AWS.APIGateway</c>).
    /// </summary>
    public const string DeploymentReaders = """
        public class DeploymentRecord : Construct
        {
            public DeploymentRecord(Construct scope, string id, Deployment deployment) : base(scope, id)
            {
                new CfnOutput(this, "Id", new CfnOutputProps { Value = deployment.DeploymentId });
            }
        }

        public class DeploymentPath : Construct
        {
            public DeploymentPath(Construct scope, string id, Deployment deployment) : base(scope, id)
            {
                new CfnOutput(this, "Path", new CfnOutputProps { Value = deployment.Node.Path });
            }
        }

        """;
}
