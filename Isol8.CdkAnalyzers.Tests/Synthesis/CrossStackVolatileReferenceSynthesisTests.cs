using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>ICDK001 means what CDK does: the flagged reads are exactly those that synthesize to an import of a task definition export.</summary>
[Collection(SynthesisTestGroup.Name)]
public class CrossStackVolatileReferenceSynthesisTests
{
    private static readonly string App = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var container = new ContainerStack(app, "Container");
                new ArnReaderStack(app, "ArnReader", container);
                new FamilyReaderStack(app, "FamilyReader", container);
                new ImportedReaderStack(app, "ImportedReader");
                new ArnFromAppLevel(app, "AppLevel", container.TaskDef.TaskDefinitionArn);
                new CfnOutput(container, "OwnArn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                var setter = new CfnOutput(new PropertySetterStack(app, "PropertySetter"), "Arn", new CfnOutputProps { Value = "pending" });
                setter.Value = container.TaskDef.TaskDefinitionArn;
                new PublishingStack(app, "Publishing", new MonitoringStack(app, "Monitoring"));
                new HolderStack(app, "HolderHost").Holder.Arn = container.TaskDef.TaskDefinitionArn;
                new L1SetterStack(app, "L1Setter").Service.TaskDefinition = container.TaskDef.TaskDefinitionArn;
                new OwnersScopeStack(app, "OwnersScope", container, container.TaskDef);
                new LocalStackOfThisStack(app, "LocalStackOfThis", container);
                new EscapeHatchStack(app, "EscapeHatch", container);
                new HelperScopeStack(app, "HelperScope", container);
            }
        }

        public class OwnersScopeStack : Stack
        {
            public OwnersScopeStack(Construct scope, string id, ContainerStack container, Construct received) : base(scope, id)
            {
                var ownersStack = Stack.Of(container.TaskDef);
                new CfnOutput(ownersStack, "ScopedByLocal", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                new CfnOutput(received, "ScopedByReceivedConstruct", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
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

        public class LocalStackOfThisStack : Stack
        {
            public LocalStackOfThisStack(Construct scope, string id, ContainerStack container) : base(scope, id)
            {
                var own = Stack.Of(this);
                new CfnOutput(own, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
            }
        }

        public class L1SetterStack : Stack
        {
            public L1SetterStack(Construct scope, string id) : base(scope, id)
            {
                Service = new CfnService(this, "Service", new CfnServiceProps());
            }

            public CfnService Service { get; }
        }

        public class Holder : Construct
        {
            public Holder(Construct scope, string id) : base(scope, id)
            {
            }

            public string Arn { get; set; } = "";
        }

        public class HolderStack : Stack
        {
            public HolderStack(Construct scope, string id) : base(scope, id)
            {
                Holder = new Holder(this, "Holder");
            }

            public Holder Holder { get; }
        }

        public class PropertySetterStack : Stack
        {
            public PropertySetterStack(Construct scope, string id) : base(scope, id)
            {
            }
        }

        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                TaskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
            }

            public FargateTaskDefinition TaskDef { get; }
        }

        public class ArnReaderStack : Stack
        {
            public ArnReaderStack(Construct scope, string id, ContainerStack container) : base(scope, id)
            {
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
            }
        }

        public class FamilyReaderStack : Stack
        {
            public FamilyReaderStack(Construct scope, string id, ContainerStack container) : base(scope, id)
            {
                new CfnOutput(this, "Family", new CfnOutputProps { Value = container.TaskDef.Family });
            }
        }

        public class ImportedReaderStack : Stack
        {
            public ImportedReaderStack(Construct scope, string id) : base(scope, id)
            {
                var imported = TaskDefinition.FromTaskDefinitionArn(this, "Imported", "arn:aws:ecs:eu-west-1:123456789012:task-definition/isol8-openclaw:7");
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = imported.TaskDefinitionArn });
            }
        }

        public class ArnFromAppLevel : Stack
        {
            public ArnFromAppLevel(Construct scope, string id, string taskDefinitionArn) : base(scope, id)
            {
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDefinitionArn });
            }
        }
        """ + CdkSources.PublishingStacks("""
            new CfnOutput(monitoring, "ByInitializer", new CfnOutputProps { Value = "pending" }) { Value = taskDef.TaskDefinitionArn };
            var bySetter = new CfnOutput(monitoring, "BySetter", new CfnOutputProps { Value = "pending" });
            bySetter.Value = taskDef.TaskDefinitionArn;
            new CfnOutput(this, "OwnArn", new CfnOutputProps { Value = "pending" }) { Value = taskDef.TaskDefinitionArn };
            """) + CdkSources.HelperScopeStack;

    [Fact]
    public async Task FlaggedReads_AreExactlyTheStacksThatImportATaskDefinitionExport()
    {
        var compilation = TestCompilation.Create(App);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var flaggedConsumers = diagnostics
            .Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference)
            .Select(d => d.Properties[CrossStackVolatileReferenceAnalyzer.ConsumerStackProperty])
            .OrderBy(name => name)
            .ToList();

        var templates = CdkSynthesizer.Synthesize(compilation);
        var importingStacks = templates.StackNames
            .Where(stack => templates.ImportedResourceTypes(stack).Contains("AWS::ECS::TaskDefinition"))
            .OrderBy(name => name)
            .ToList();

        Assert.Equal(new[] { "ArnFromAppLevel", "ArnReaderStack", "EscapeHatchStack", "HelperScopeStack", "L1SetterStack", "LocalStackOfThisStack", "MonitoringStack", "MonitoringStack", "PropertySetterStack" }, flaggedConsumers);
        Assert.Equal(new[] { "AppLevel", "ArnReader", "EscapeHatch", "HelperScope", "L1Setter", "LocalStackOfThis", "Monitoring", "PropertySetter" }, importingStacks);
        Assert.Empty(templates.ImportedExports("Publishing"));
        Assert.Empty(templates.ImportedExports("FamilyReader"));
        Assert.Empty(templates.ImportedExports("ImportedReader"));
        Assert.Empty(templates.ImportedExports("Container"));

        // Outputs a stack's code creates under the owner's stack (a local set to Stack.Of a construct of it) or under a
        // construct the stack received (here one of the owner's) land in the owner's template: nothing is imported,
        // and nothing is flagged (the received construct's stack is unknown to the model: silence).
        Assert.Empty(templates.ImportedExports("OwnersScope"));
        var containerOutputs = templates.Template("Container")["Outputs"]!.AsObject().Select(output => output.Key).ToList();
        Assert.Contains(containerOutputs, id => id.StartsWith("ScopedByLocal", System.StringComparison.Ordinal));
        Assert.Contains(containerOutputs, id => id.StartsWith("TaskDefScopedByReceivedConstruct", System.StringComparison.Ordinal));

        // A property the app declares on its own construct renders nothing by being set: not a consumer, no import.
        Assert.Empty(templates.ImportedExports("HolderHost"));
    }

    private static readonly string LambdaAndNestedApp = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var functions = new FunctionStack(app, "Functions");
                new VersionReaderStack(app, "VersionReader", functions);
                new VersionNumberReaderStack(app, "VersionNumberReader", functions);
                new FunctionReaderStack(app, "FunctionReader", functions);
                new LatestReaderStack(app, "LatestReader", functions);
                new ParentStack(app, "Parent");
            }
        }

        public class VersionReaderStack : Stack
        {
            public VersionReaderStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
            {
                new CfnOutput(this, "Version", new CfnOutputProps { Value = functions.Handler.CurrentVersion.FunctionArn });
            }
        }

        public class VersionNumberReaderStack : Stack
        {
            public VersionNumberReaderStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
            {
                new CfnOutput(this, "VersionNumber", new CfnOutputProps { Value = functions.Handler.CurrentVersion.Version });
            }
        }

        public class FunctionReaderStack : Stack
        {
            public FunctionReaderStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
            {
                new CfnOutput(this, "Function", new CfnOutputProps { Value = functions.Handler.FunctionArn });
            }
        }

        public class LatestReaderStack : Stack
        {
            public LatestReaderStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
            {
                new CfnOutput(this, "Latest", new CfnOutputProps { Value = functions.Handler.LatestVersion.FunctionArn });
            }
        }

        public class WorkerNestedStack : NestedStack
        {
            public WorkerNestedStack(Construct scope, string id, ITaskDefinition taskDef) : base(scope, id)
            {
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
            }
        }

        public class ParentStack : Stack
        {
            public ParentStack(Construct scope, string id) : base(scope, id)
            {
                var taskDef = new FargateTaskDefinition(this, "TaskDef");
                taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                new WorkerNestedStack(this, "Worker", taskDef);
            }
        }
        """ + CdkSources.SynthesizableFunctionStack;

    /// <summary>
    /// The catalogue's Lambda side and the nested-stack rule mean what CDK does: a version ARN or number read across
    /// stacks is imported from an AWS::Lambda::Version export (flagged); the unversioned and $LATEST ARNs are imported from the
    /// function itself (stable, not flagged); a nested stack gets its parent's task definition without any export.
    /// </summary>
    [Fact]
    public async Task VersionArnsAreImportedAsVersions_StableArnsAsFunctions_NestedStacksWithoutExports()
    {
        var compilation = TestCompilation.Create(LambdaAndNestedApp);
        var flagged = (await TestCompilation.AnalyzeAsync(compilation))
            .Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference)
            .Select(d => d.Properties[CrossStackVolatileReferenceAnalyzer.ConsumerStackProperty])
            .ToList();

        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "VersionNumberReaderStack", "VersionReaderStack" }, flagged.OrderBy(name => name));
        Assert.Equal(new[] { "AWS::Lambda::Version" }, templates.ImportedResourceTypes("VersionReader"));
        Assert.Equal(new[] { "AWS::Lambda::Version" }, templates.ImportedResourceTypes("VersionNumberReader"));
        Assert.Equal(new[] { "AWS::Lambda::Function" }, templates.ImportedResourceTypes("FunctionReader"));
        Assert.Equal(new[] { "AWS::Lambda::Function" }, templates.ImportedResourceTypes("LatestReader"));
        var parentAndNested = templates.Templates.Keys.Where(stack => stack.StartsWith("Parent", System.StringComparison.Ordinal)).ToList();
        Assert.Contains(parentAndNested, stack => stack.Contains("nested", System.StringComparison.Ordinal));
        Assert.All(parentAndNested, stack => Assert.Empty(templates.ImportedExports(stack)));
        Assert.DoesNotContain("\"Export\"", templates.Template("Parent").ToJsonString(), System.StringComparison.Ordinal);
    }

    /// <summary>
    /// A task definition ARN relayed through a string member of the owning stack (assigned, expression-bodied) is
    /// imported, and reported where it is read, also through the app's own interface the stack implements. So is a task
    /// definition reached through an indexer of the owner's dictionary member, which its class fills with its own task
    /// definition (listed as a miss until this was found).
    /// </summary>
    [Fact]
    public async Task Relays_AndADictionaryMembersElement_AreImported_AndReported()
    {
        var compilation = TestCompilation.Create("""
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var containers = new RelayingStack(app, "Relaying");
                    new RelayReaderStack(app, "RelayReader", containers);
                    new IndexerReaderStack(app, "IndexerReader", containers);
                    new InterfaceReaderStack(app, "InterfaceReader", containers);
                }
            }

            public interface IApiOutputs
            {
                string ApiArn { get; }
            }

            public class RelayingStack : Stack, IApiOutputs
            {
                public RelayingStack(Construct scope, string id) : base(scope, id)
                {
                    var api = new FargateTaskDefinition(this, "Api");
                    api.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    ApiArn = api.TaskDefinitionArn;
                    Worker = new FargateTaskDefinition(this, "Worker");
                    Worker.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    Tasks = new Dictionary<string, ITaskDefinition> { ["api"] = api };
                    Batch = new BatchRunner(this, "Batch");
                }

                public BatchRunner Batch { get; }

                public string BatchArn => Batch.TaskDefinitionArn;

                public string ApiArn { get; }

                public FargateTaskDefinition Worker { get; }

                public string WorkerArn => Worker.TaskDefinitionArn;

                public IDictionary<string, ITaskDefinition> Tasks { get; }
            }

            public class BatchRunner : Construct
            {
                private readonly FargateTaskDefinition _taskDef;

                public BatchRunner(Construct scope, string id) : base(scope, id)
                {
                    _taskDef = new FargateTaskDefinition(this, "TaskDef");
                    _taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                }

                public string TaskDefinitionArn => _taskDef.TaskDefinitionArn;
            }

            public class RelayReaderStack : Stack
            {
                public RelayReaderStack(Construct scope, string id, RelayingStack containers) : base(scope, id)
                {
                    new CfnOutput(this, "Assigned", new CfnOutputProps { Value = containers.ApiArn });
                    new CfnOutput(this, "ExpressionBodied", new CfnOutputProps { Value = containers.WorkerArn });
                    new CfnOutput(this, "OfAConstruct", new CfnOutputProps { Value = containers.Batch.TaskDefinitionArn });
                    new CfnOutput(this, "RelayOfARelay", new CfnOutputProps { Value = containers.BatchArn });
                }
            }

            public class InterfaceReaderStack : Stack
            {
                public InterfaceReaderStack(Construct scope, string id, IApiOutputs outputs) : base(scope, id)
                {
                    new CfnOutput(this, "ThroughInterface", new CfnOutputProps { Value = outputs.ApiArn });
                }
            }

            public class IndexerReaderStack : Stack
            {
                public IndexerReaderStack(Construct scope, string id, RelayingStack containers) : base(scope, id)
                {
                    new CfnOutput(this, "ThroughIndexer", new CfnOutputProps { Value = containers.Tasks["api"].TaskDefinitionArn });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "containers.ApiArn", "containers.Batch.TaskDefinitionArn", "containers.BatchArn", "containers.Tasks[\"api\"].TaskDefinitionArn", "containers.WorkerArn", "outputs.ApiArn" },
            FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("RelayReader").Distinct());
        Assert.Equal(4, templates.ImportedExports("RelayReader").Count);
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("IndexerReader").Distinct());
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("InterfaceReader"));
    }
    /// <summary>
    /// A launch template handed to another stack's auto scaling group (directly or in a mixed instances policy) is
    /// imported as its latest version number, which every change to the template data raises; ICDK001 reports exactly
    /// those hand-overs. The stack's own template, an imported one and a read of another stack's template id import no
    /// version.
    /// </summary>
    [Fact]
    public async Task LaunchTemplateHandedToAnotherStacksAutoScalingGroup_ImportsItsLatestVersionNumber()
    {
        var compilation = TestCompilation.Create("""
            using Amazon.CDK;
            using Amazon.CDK.AWS.AutoScaling;
            using Amazon.CDK.AWS.EC2;
            using Constructs;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var network = new NetworkStack(app, "Network");
                    new ComputeStack(app, "Compute", network);
                    new MixedStack(app, "Mixed", network);
                    new OwnStack(app, "Own", network);
                }
            }

            public class NetworkStack : Stack
            {
                public NetworkStack(Construct scope, string id) : base(scope, id)
                {
                    Vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 0 });
                    Template = new LaunchTemplate(this, "Template", new LaunchTemplateProps { InstanceType = new InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2() });
                }

                public Vpc Vpc { get; }

                public LaunchTemplate Template { get; }
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id, NetworkStack network) : base(scope, id)
                {
                    new AutoScalingGroup(this, "Asg", new AutoScalingGroupProps { Vpc = network.Vpc, LaunchTemplate = network.Template });
                }
            }

            public class MixedStack : Stack
            {
                public MixedStack(Construct scope, string id, NetworkStack network) : base(scope, id)
                {
                    new AutoScalingGroup(this, "Mixed", new AutoScalingGroupProps
                    {
                        Vpc = network.Vpc,
                        MixedInstancesPolicy = new MixedInstancesPolicy { LaunchTemplate = network.Template, LaunchTemplateOverrides = new[] { new LaunchTemplateOverrides { InstanceType = new InstanceType("t3.small") } } },
                    });
                }
            }

            public class OwnStack : Stack
            {
                public OwnStack(Construct scope, string id, NetworkStack network) : base(scope, id)
                {
                    var own = new LaunchTemplate(this, "Own", new LaunchTemplateProps { InstanceType = new InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2() });
                    var imported = LaunchTemplate.FromLaunchTemplateAttributes(this, "Imported", new LaunchTemplateAttributes { LaunchTemplateId = "lt-0123456789abcdef0", VersionNumber = "3" });
                    new AutoScalingGroup(this, "OwnAsg", new AutoScalingGroupProps { Vpc = network.Vpc, LaunchTemplate = own });
                    new AutoScalingGroup(this, "ImportedAsg", new AutoScalingGroupProps { Vpc = network.Vpc, LaunchTemplate = imported });
                    new CfnOutput(this, "Id", new CfnOutputProps { Value = network.Template.LaunchTemplateId! });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "network.Template", "network.Template" },
            diagnostics.Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference).Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        Assert.Contains(templates.ImportedExports("Compute"), export => templates.ExportedValue(export)!.Contains("LatestVersionNumber", System.StringComparison.Ordinal));
        Assert.Contains(templates.ImportedExports("Mixed"), export => templates.ExportedValue(export)!.Contains("LatestVersionNumber", System.StringComparison.Ordinal));
        Assert.DoesNotContain(templates.ImportedExports("Own"), export => templates.ExportedValue(export)!.Contains("LatestVersionNumber", System.StringComparison.Ordinal));
        Assert.Contains(templates.ImportedResourceTypes("Own"), type => type == "AWS::EC2::LaunchTemplate");
    }

    /// <summary>
    /// A plain object of strings that the owning stack fills with its own task definitions' ARNs (a positional record,
    /// a class with init properties given by a target-typed <c>new()</c>) carries the token: another stack that reads
    /// it, through its props or the owner's member, imports the task definition, and is reported where it reads it,
    /// once. Read in the owning stack, or holding a family, it imports nothing volatile, and nothing is reported.
    /// </summary>
    [Fact]
    public async Task PlainObjectsFilledByTheOwner_AreImportedWhereRead_AndReportedThere()
    {
        var compilation = TestCompilation.Create("""
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var compute = new ComputeStack(app, "Compute");
                    new ReaderStack(app, "Reader", new ReaderProps { Outputs = compute.Outputs, Endpoints = compute.Endpoints });
                    new AppLevelStack(app, "AppLevel", new AppLevelProps { WorkerArn = compute.Outputs.WorkerArn });
                    new FamilyReaderStack(app, "FamilyReader", compute);
                }
            }

            public record ComputeOutputs(string WorkerArn, string WorkerFamily);

            public class Endpoints
            {
                public string ApiArn { get; init; } = "";
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker");
                    worker.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    var api = new FargateTaskDefinition(this, "Api");
                    api.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    Outputs = new ComputeOutputs(worker.TaskDefinitionArn, worker.Family);
                    Endpoints = new() { ApiArn = api.TaskDefinitionArn };
                    new CfnOutput(this, "OwnRead", new CfnOutputProps { Value = Outputs.WorkerArn });
                }

                public ComputeOutputs Outputs { get; }

                public Endpoints Endpoints { get; }
            }

            public class ReaderProps : StackProps
            {
                public ComputeOutputs Outputs { get; init; } = null!;

                public Endpoints Endpoints { get; init; } = null!;
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                {
                    new CfnOutput(this, "Record", new CfnOutputProps { Value = props.Outputs.WorkerArn });
                    new CfnOutput(this, "Init", new CfnOutputProps { Value = props.Endpoints.ApiArn });
                }
            }

            public class AppLevelProps : StackProps
            {
                public string WorkerArn { get; init; } = "";
            }

            public class AppLevelStack : Stack
            {
                public AppLevelStack(Construct scope, string id, AppLevelProps props) : base(scope, id, props)
                {
                    new CfnOutput(this, "FromProps", new CfnOutputProps { Value = props.WorkerArn });
                }
            }

            public class FamilyReaderStack : Stack
            {
                public FamilyReaderStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = compute.Outputs.WorkerFamily });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "compute.Outputs.WorkerArn", "props.Endpoints.ApiArn", "props.Outputs.WorkerArn" },
            FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Reader"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("AppLevel"));
        Assert.Empty(templates.ImportedExports("Compute"));
        Assert.DoesNotContain("AWS::ECS::TaskDefinition", templates.ImportedResourceTypes("FamilyReader"));
    }

    /// <summary>
    /// A stack that keeps another stack's task definition, or its ARN, in objects it holds relays them: nothing is
    /// imported where the objects are filled, each read imports where it is used (the relaying stack's own read too), and
    /// ICDK001 reports exactly those reads.
    /// </summary>
    [Fact]
    public async Task ConstructsAndReadsRelayedThroughAStacksObjects_AreImportedWhereRead_AndReportedThere()
    {
        var compilation = TestCompilation.Create("""
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var tasks = new TaskStack(app, "Tasks");
                    var relay = new RelayStack(app, "Relay", tasks);
                    new ReaderStack(app, "Reader", relay);
                }
            }

            public class TaskStack : Stack
            {
                public TaskStack(Construct scope, string id) : base(scope, id)
                {
                    Task = new FargateTaskDefinition(this, "Task");
                    Task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                }

                public FargateTaskDefinition Task { get; }
            }

            public class RelayOutputs
            {
                public ITaskDefinition? Task { get; set; }

                public string TaskArn { get; init; } = "";
            }

            public record RelayRecord(string TaskArn);

            public class RelayStack : Stack
            {
                public RelayStack(Construct scope, string id, TaskStack tasks) : base(scope, id)
                {
                    Outputs = new RelayOutputs { Task = tasks.Task, TaskArn = tasks.Task.TaskDefinitionArn };
                    Record = new RelayRecord(tasks.Task.TaskDefinitionArn);
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = Outputs.TaskArn });
                }

                public RelayOutputs Outputs { get; }

                public RelayRecord Record { get; }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, RelayStack relay) : base(scope, id)
                {
                    new CfnOutput(this, "Construct", new CfnOutputProps { Value = relay.Outputs.Task!.TaskDefinitionArn });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = relay.Outputs.TaskArn });
                    new CfnOutput(this, "Record", new CfnOutputProps { Value = relay.Record.TaskArn });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "Outputs.TaskArn", "relay.Outputs.Task!.TaskDefinitionArn", "relay.Outputs.TaskArn", "relay.Record.TaskArn" },
            FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Relay"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Reader"));
    }

    /// <summary>
    /// A stack's helpers hand back what they build in a tuple or through an <c>out</c> parameter; another stack reads
    /// it. Each read is an import of the owner's export, and ICDK001 reports exactly those reads; the owner's own read
    /// imports nothing and is silent.
    /// </summary>
    [Fact]
    public async Task ConstructsFromTuplesAndOutParameters_AreImportedWhereRead_AndReportedThere()
    {
        var compilation = TestCompilation.Create("""
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.Lambda;
            using Constructs;

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
                    (Batch, BatchFn) = Build("batch");
                    Nightly = Build("nightly").Task;
                    var (hourly, _) = Build("hourly");
                    Hourly = hourly;
                    CreateStarter("api", out var starter);
                    ApiVersion = starter.CurrentVersion;
                    var (own, _) = Build("own");
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = own.TaskDefinitionArn });
                }

                public ITaskDefinition Batch { get; }
                public IFunction BatchFn { get; }
                public ITaskDefinition Nightly { get; }
                public ITaskDefinition Hourly { get; }
                public IVersion ApiVersion { get; }

                private (ITaskDefinition Task, IFunction Fn) Build(string name)
                {
                    var task = new FargateTaskDefinition(this, name);
                    task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    CreateStarter(name + "Fn", out var fn);
                    return (task, fn);
                }

                private void CreateStarter(string name, out Function fn)
                    => fn = new Function(this, name, new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => 1;") });
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Batch", new CfnOutputProps { Value = compute.Batch.TaskDefinitionArn });
                    new CfnOutput(this, "Nightly", new CfnOutputProps { Value = compute.Nightly.TaskDefinitionArn });
                    new CfnOutput(this, "Hourly", new CfnOutputProps { Value = compute.Hourly.TaskDefinitionArn });
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = compute.ApiVersion.FunctionArn });
                    new CfnOutput(this, "BatchFn", new CfnOutputProps { Value = compute.BatchFn.FunctionArn });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "compute.ApiVersion.FunctionArn", "compute.Batch.TaskDefinitionArn", "compute.Hourly.TaskDefinitionArn", "compute.Nightly.TaskDefinitionArn" },
            FlaggedTexts(diagnostics));

        // The four reads, and the function's own ARN, which names no version: stable, silent.
        Assert.Equal(
            new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::Lambda::Function", "AWS::Lambda::Version" },
            templates.ImportedResourceTypes("Service").OrderBy(type => type, System.StringComparer.Ordinal));
        Assert.Empty(templates.ImportedExports("Compute"));
    }

    /// <summary>
    /// Another stack's task definitions reached through a lookup that writes <c>null</c> on a miss, a <c>null</c> branch,
    /// a variable that starts as <c>null</c> and a positional record taken apart: each read imports the owner's export,
    /// and ICDK001 reports exactly those reads.
    /// </summary>
    [Fact]
    public async Task ConstructsThroughNullsAndRecords_AreImportedWhereRead_AndReportedThere()
    {
        var compilation = TestCompilation.Create(NullsAndRecordsApp);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "found.TaskDefinitionArn", "picked!.TaskDefinitionArn", "selected!.TaskDefinitionArn", "worker.TaskDefinitionArn" },
            FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Service"));
    }

    /// <summary>
    /// Another stack's task definitions kept by a construct in collections it built in locals (<c>var tasks = new
    /// List&lt;…&gt;(); … tasks.Add(task); Tasks = tasks;</c>) or as an array (<c>Pinned = new[] { pinned }</c>), and
    /// yielded by its iterator: each read, by index, through a member that reads one, by key or in a loop, imports the
    /// owner's export, and ICDK001 reports exactly those reads.
    /// </summary>
    [Fact]
    public async Task CollectionsBuiltInALocal_AreImportedWhereRead_AndReportedThere()
    {
        var compilation = TestCompilation.Create(CollectionsBuiltInALocalApp);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "compute.Pool.ByName[\"jobs\"].TaskDefinitionArn", "compute.Pool.Pinned[0].TaskDefinitionArn", "compute.Pool.Primary.TaskDefinitionArn", "compute.Pool.Tasks[1].TaskDefinitionArn", "each.TaskDefinitionArn", "task.TaskDefinitionArn" },
            FlaggedTexts(diagnostics));
        var imported = templates.ImportedExports("Service");
        Assert.Equal(8, imported.Count);
        Assert.All(imported, export => Assert.True(templates.IsVolatileExport(export)));
        Assert.Equal(3, imported.Distinct().Count());
    }

    /// <summary>
    /// Another stack's task definition and function version kept in tuples its stack holds in a property and a field:
    /// each element read, by name, by place or taken apart, imports the owner's export, and ICDK001 reports exactly
    /// those reads.
    /// </summary>
    [Fact]
    public async Task TuplesHeldInMembers_AreImportedWhereRead_AndReportedThere()
    {
        var compilation = TestCompilation.Create(TupleMembersApp);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "task.TaskDefinitionArn", "tasks.Pair.Task.TaskDefinitionArn", "tasks.Pair.Version.FunctionArn", "tasks.Unnamed.Item1.TaskDefinitionArn" },
            FlaggedTexts(diagnostics));
        Assert.Equal(
            new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::Lambda::Version" },
            templates.ImportedResourceTypes("Reader").OrderBy(type => type, System.StringComparer.Ordinal));
        Assert.All(templates.ImportedExports("Reader"), export => Assert.True(templates.IsVolatileExport(export)));
    }

    /// <summary>
    /// Methods that return a volatile read of what their call gives them (extension methods on a stack and on a task
    /// definition, a block body, a static helper given the stack, another stack's method given a task definition, the
    /// consumer's own method called by name): each
    /// call in another stack than the given construct's imports the owner's export, and ICDK001 reports exactly those
    /// calls. The same methods given this stack's own constructs, or called by the owner, import nothing.
    /// </summary>
    [Fact]
    public async Task MethodsReadingWhatTheyAreGiven_AreImportedWhereCalled_AndReportedThere()
    {
        var compilation = TestCompilation.Create(GivenReadsApp.Replace("// WITH ARGUMENTS", """
            new CfnOutput(this, "Picked", new CfnOutputProps { Value = CoreReads.Pick(core, true) });
                    new CfnOutput(this, "Method", new CfnOutputProps { Value = audit.ArnOf(core.Nightly) });
            """, System.StringComparison.Ordinal));
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "Arn(core.Worker)", "CoreReads.Pick(core, true)", "CoreReads.Scoped(this, core.Nightly)", "CoreReads.WorkerArn(core)", "audit.ArnOf(core.Nightly)", "core.HandlerArn()", "core.Nightly.ArnOf()", "core.WorkerArn()" },
            FlaggedTexts(diagnostics));
        Assert.Equal(
            new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::Lambda::Version" },
            templates.ImportedResourceTypes("Api").OrderBy(type => type, System.StringComparer.Ordinal));
        Assert.All(templates.ImportedExports("Api"), export => Assert.True(templates.IsVolatileExport(export)));
        Assert.Empty(templates.ImportedExports("Audit"));
        Assert.Empty(templates.ImportedExports("Core"));
    }

    /// <summary>
    /// The app of <see cref="MethodsReadingWhatTheyAreGiven_AreImportedWhereCalled_AndReportedThere"/>, also fixed and
    /// deployed (without the calls that give more than the construct, which have no fix).
    /// </summary>
    internal const string GivenReadsApp = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var core = new CoreStack(app, "Core");
                var audit = new AuditStack(app, "Audit");
                new ApiStack(app, "Api", core, audit);
            }
        }

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

                return core.Handler.FunctionArn;
            }

            public static string Pick(CoreStack core, bool nightly) => nightly ? core.Nightly.TaskDefinitionArn : core.Worker.TaskDefinitionArn;

            public static string Scoped(Construct scope, ITaskDefinition task) => task.TaskDefinitionArn;
        }

        public class CoreStack : Stack
        {
            public CoreStack(Construct scope, string id) : base(scope, id)
            {
                Worker = NewTask("Worker");
                Nightly = NewTask("Nightly");
                Handler = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") }).CurrentVersion;
                new CfnOutput(this, "Own", new CfnOutputProps { Value = this.WorkerArn() });
            }

            public FargateTaskDefinition Worker { get; }

            public FargateTaskDefinition Nightly { get; }

            public IVersion Handler { get; }

            private FargateTaskDefinition NewTask(string id)
            {
                var task = new FargateTaskDefinition(this, id);
                task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                return task;
            }
        }

        public class AuditStack : Stack
        {
            public AuditStack(Construct scope, string id) : base(scope, id)
            {
            }

            public string ArnOf(ITaskDefinition task) => task.TaskDefinitionArn;
        }

        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id, CoreStack core, AuditStack audit) : base(scope, id)
            {
                new CfnOutput(this, "Worker", new CfnOutputProps { Value = core.WorkerArn() });
                new CfnOutput(this, "Nightly", new CfnOutputProps { Value = core.Nightly.ArnOf() });
                new CfnOutput(this, "Handler", new CfnOutputProps { Value = core.HandlerArn() });
                new CfnOutput(this, "Static", new CfnOutputProps { Value = CoreReads.WorkerArn(core) });
                var own = new FargateTaskDefinition(this, "Own");
                own.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                new CfnOutput(this, "OwnArn", new CfnOutputProps { Value = own.ArnOf() });
                new CfnOutput(this, "Audited", new CfnOutputProps { Value = audit.ArnOf(own) });
                new CfnOutput(this, "ByName", new CfnOutputProps { Value = Arn(core.Worker) });
                new CfnOutput(this, "Scoped", new CfnOutputProps { Value = CoreReads.Scoped(this, core.Nightly) });
                new CfnOutput(this, "OwnByName", new CfnOutputProps { Value = Arn(own) });
                // WITH ARGUMENTS
            }

            private string Arn(ITaskDefinition task) => task.TaskDefinitionArn;
        }
        """;

    /// <summary>The app of <see cref="TuplesHeldInMembers_AreImportedWhereRead_AndReportedThere"/>, also fixed and deployed.</summary>
    internal const string TupleMembersApp = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var tasks = new TasksStack(app, "Tasks");
                new ReaderStack(app, "Reader", tasks);
            }
        }

        public class TasksStack : Stack
        {
            public (ITaskDefinition, string) Unnamed;

            public TasksStack(Construct scope, string id) : base(scope, id)
            {
                var nightly = new FargateTaskDefinition(this, "Nightly");
                nightly.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                var fn = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                Pair = (nightly, fn.CurrentVersion);
                Unnamed = (nightly, "nightly");
            }

            public (ITaskDefinition Task, IVersion Version) Pair { get; }
        }

        public class ReaderStack : Stack
        {
            public ReaderStack(Construct scope, string id, TasksStack tasks) : base(scope, id)
            {
                new CfnOutput(this, "Task", new CfnOutputProps { Value = tasks.Pair.Task.TaskDefinitionArn });
                new CfnOutput(this, "Version", new CfnOutputProps { Value = tasks.Pair.Version.FunctionArn });
                new CfnOutput(this, "Item1", new CfnOutputProps { Value = tasks.Unnamed.Item1.TaskDefinitionArn });
                var (task, _) = tasks.Pair;
                new CfnOutput(this, "Taken", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }
        }
        """;

    /// <summary>
    /// Other stacks' versions and task definitions read through a base stack class's abstract member (every override
    /// its instance's own version) and through an interface a stack implements explicitly: each read imports the
    /// owner's export, and ICDK001 reports exactly those reads.
    /// </summary>
    [Fact]
    public async Task OverriddenAndInterfaceMembers_AreImportedWhereRead_AndReportedThere()
    {
        var compilation = TestCompilation.Create(OverriddenMembersApp);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "((ITaskSource)api).Main.TaskDefinitionArn", "service.Handler.FunctionArn" }, FlaggedTexts(diagnostics));
        Assert.Equal(
            new[] { "AWS::ECS::TaskDefinition", "AWS::Lambda::Version", "AWS::Lambda::Version" },
            templates.ImportedResourceTypes("Monitor").OrderBy(type => type, System.StringComparer.Ordinal));
        Assert.All(templates.ImportedExports("Monitor"), export => Assert.True(templates.IsVolatileExport(export)));
    }

    /// <summary>The app of <see cref="OverriddenAndInterfaceMembers_AreImportedWhereRead_AndReportedThere"/>, also fixed and deployed.</summary>
    internal const string OverriddenMembersApp = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var api = new ApiStack(app, "Api");
                var jobs = new JobsStack(app, "Jobs");
                new MonitorStack(app, "Monitor", new ServiceStackBase[] { api, jobs }, api);
            }
        }

        public interface ITaskSource
        {
            ITaskDefinition Main { get; }
        }

        public abstract class ServiceStackBase : Stack, ITaskSource
        {
            protected ServiceStackBase(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "Task");
                TaskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
            }

            public FargateTaskDefinition TaskDef { get; }

            public abstract IVersion Handler { get; }

            ITaskDefinition ITaskSource.Main => TaskDef;

            protected IVersion NewVersion(string id)
                => new Function(this, id, new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") }).CurrentVersion;
        }

        public sealed class ApiStack : ServiceStackBase
        {
            private readonly IVersion _handler;

            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                _handler = NewVersion("Fn");
            }

            public override IVersion Handler => _handler;
        }

        public sealed class JobsStack : ServiceStackBase
        {
            public JobsStack(Construct scope, string id) : base(scope, id)
            {
                Handler = NewVersion("Fn");
            }

            public override IVersion Handler { get; }
        }

        public class MonitorStack : Stack
        {
            public MonitorStack(Construct scope, string id, ServiceStackBase[] services, ApiStack api) : base(scope, id)
            {
                foreach (var service in services)
                {
                    new CfnOutput(this, service.Node.Id + "Handler", new CfnOutputProps { Value = service.Handler.FunctionArn });
                }

                new CfnOutput(this, "Main", new CfnOutputProps { Value = ((ITaskSource)api).Main.TaskDefinitionArn });
            }
        }
        """;

    /// <summary>The app of <see cref="CollectionsBuiltInALocal_AreImportedWhereRead_AndReportedThere"/>, also fixed and deployed.</summary>
    internal const string CollectionsBuiltInALocalApp = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var compute = new ComputeStack(app, "Compute");
                new ServiceStack(app, "Service", compute);
            }
        }

        public class WorkerPool : Construct
        {
            public WorkerPool(Construct scope, string id, params string[] names) : base(scope, id)
            {
                var tasks = new List<FargateTaskDefinition>();
                var byName = new Dictionary<string, FargateTaskDefinition>();
                foreach (var name in names)
                {
                    var task = new FargateTaskDefinition(this, name);
                    task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    tasks.Add(task);
                    byName[name] = task;
                }

                Tasks = tasks;
                ByName = byName;
                var pinned = new FargateTaskDefinition(this, "Pinned");
                pinned.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                Pinned = new[] { pinned };
            }

            public IReadOnlyList<FargateTaskDefinition> Pinned { get; }

            public IEnumerable<FargateTaskDefinition> Each()
            {
                foreach (var task in Tasks)
                {
                    yield return task;
                }
            }

            public IReadOnlyList<FargateTaskDefinition> Tasks { get; }

            public FargateTaskDefinition Primary => Tasks[0];

            public IReadOnlyDictionary<string, FargateTaskDefinition> ByName { get; }
        }

        public class ComputeStack : Stack
        {
            public ComputeStack(Construct scope, string id) : base(scope, id)
            {
                Pool = new WorkerPool(this, "Pool", "api", "jobs");
            }

            public WorkerPool Pool { get; }
        }

        public class ServiceStack : Stack
        {
            public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
            {
                new CfnOutput(this, "Jobs", new CfnOutputProps { Value = compute.Pool.Tasks[1].TaskDefinitionArn });
                new CfnOutput(this, "Primary", new CfnOutputProps { Value = compute.Pool.Primary.TaskDefinitionArn });
                new CfnOutput(this, "ByName", new CfnOutputProps { Value = compute.Pool.ByName["jobs"].TaskDefinitionArn });
                new CfnOutput(this, "Pinned", new CfnOutputProps { Value = compute.Pool.Pinned[0].TaskDefinitionArn });
                foreach (var each in compute.Pool.Each())
                {
                    new CfnOutput(this, "Iterated" + each.Node.Id, new CfnOutputProps { Value = each.TaskDefinitionArn });
                }
                foreach (var task in compute.Pool.Tasks)
                {
                    new CfnOutput(this, "Each" + task.Node.Id, new CfnOutputProps { Value = task.TaskDefinitionArn });
                }
            }
        }
        """;

    /// <summary>The app of <see cref="ConstructsThroughNullsAndRecords_AreImportedWhereRead_AndReportedThere"/>, also fixed and deployed.</summary>
    internal const string NullsAndRecordsApp = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var compute = new ComputeStack(app, "Compute");
                new ServiceStack(app, "Service", new ServiceConfig(compute, "prod"));
            }
        }

        public sealed record ServiceConfig(ComputeStack Compute, string Env);

        public class ComputeStack : Stack
        {
            private readonly Dictionary<string, FargateTaskDefinition> _workers = new();

            public ComputeStack(Construct scope, string id) : base(scope, id)
            {
                foreach (var name in new[] { "api", "jobs" })
                {
                    var task = new FargateTaskDefinition(this, name);
                    task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    _workers[name] = task;
                }
            }

            public bool TryGetWorker(string name, out ITaskDefinition worker)
            {
                if (_workers.TryGetValue(name, out var found))
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
            public ServiceStack(Construct scope, string id, ServiceConfig config) : base(scope, id)
            {
                var (compute, env) = config;
                if (compute.TryGetWorker("api", out var found))
                {
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = found.TaskDefinitionArn });
                }

                compute.TryGetWorker("jobs", out var jobs);
                var picked = env == "prod" ? jobs : null;
                new CfnOutput(this, "Picked", new CfnOutputProps { Value = picked!.TaskDefinitionArn });
                ITaskDefinition? selected = null;
                if (env == "prod")
                {
                    selected = jobs;
                }

                new CfnOutput(this, "Selected", new CfnOutputProps { Value = selected!.TaskDefinitionArn });
                foreach (var name in new[] { "api" })
                {
                    compute.TryGetWorker(name, out var worker);
                    new CfnOutput(this, "Each" + name, new CfnOutputProps { Value = worker.TaskDefinitionArn });
                }
            }
        }
        """;

    /// <summary>
    /// A static member of a plain class that one stack sets to another stack's task definition: the reader imports it
    /// from its owner, and ICDK001 reports that read (owned by the task definition's stack), not the assignment.
    /// </summary>
    [Fact]
    public async Task StaticMemberSetToAnotherStacksConstruct_IsImportedWhereRead_AndReportedThere()
    {
        var compilation = TestCompilation.Create("""
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var tasks = new TaskStack(app, "Tasks");
                    new PlatformStack(app, "Platform", tasks);
                    new ReaderStack(app, "Reader");
                }
            }

            public static class Shared
            {
                public static ITaskDefinition? Received { get; set; }
            }

            public class TaskStack : Stack
            {
                public TaskStack(Construct scope, string id) : base(scope, id)
                {
                    Task = new FargateTaskDefinition(this, "Task");
                    Task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                }

                public FargateTaskDefinition Task { get; }
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id, TaskStack tasks) : base(scope, id)
                {
                    Shared.Received = tasks.Task;
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id) : base(scope, id)
                {
                    new CfnOutput(this, "Received", new CfnOutputProps { Value = Shared.Received!.TaskDefinitionArn });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "Shared.Received!.TaskDefinitionArn" }, FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Reader"));
        Assert.Empty(templates.ImportedExports("Platform"));
    }

    /// <summary>
    /// Another stack's task definition handed to the app's own constructs: imported only where their code renders it
    /// (reads its ARN, gives it on to another construct that does, or to a plain object holding the stack as its scope),
    /// and ICDK001 reports exactly those hand-overs; helpers and a plain object that can place it only under
    /// <c>Stack.Of(task)</c> render it in its owner's stack.
    /// </summary>
    [Fact]
    public async Task OwnConstructs_ImportOnlyWhatTheirCodeRenders()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            using Amazon.CDK.AWS.SSM;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new RendererStack(app, "Renderer", container);
                    new ChainStack(app, "Chain", container);
                    new FamilyStack(app, "Family", container);
                    new HolderStack(app, "Holder", container);
                    new CollectionStack(app, "Collection", container);
                    new InterfacePropsStack(app, "InterfaceProps", container);
                    new OwnerScopedHelperStack(app, "OwnerScoped", container);
                    new PublisherStack(app, "Publisher", container);
                }
            }

            public sealed class Catalog
            {
                private readonly List<string> _names = new();

                public void Register(ITaskDefinition task)
                {
                    _names.Add(task.Node.Id);
                    new StringParameter(Stack.Of(task), "Registered", new StringParameterProps { StringValue = task.TaskDefinitionArn });
                }
            }

            public sealed class Publisher
            {
                private readonly Construct _scope;

                public Publisher(Construct scope) => _scope = scope;

                public void Publish(ITaskDefinition task) => new StringParameter(_scope, "Published", new StringParameterProps { StringValue = task.TaskDefinitionArn });
            }

            public class PublisherStack : Stack
            {
                public PublisherStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Publisher(this).Publish(container.TaskDef);
                }
            }

            public static class Tagging
            {
                public static void Tag(ITaskDefinition task)
                    => new StringParameter(Stack.Of(task), "Tagged", new StringParameterProps { StringValue = task.TaskDefinitionArn });

                public static void TagOwner(this ITaskDefinition task)
                    => new StringParameter(Stack.Of(task), "TaggedByExtension", new StringParameterProps { StringValue = task.TaskDefinitionArn });
            }

            public class OwnerScopedHelperStack : Stack
            {
                public OwnerScopedHelperStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    Tagging.Tag(container.TaskDef);
                    container.TaskDef.TagOwner();
                    new Catalog().Register(container.TaskDef);
                }
            }

            public class LauncherProps
            {
                public ITaskDefinition TaskDefinition { get; init; } = null!;
            }

            public class Launcher : Construct
            {
                public Launcher(Construct scope, string id, LauncherProps props) : base(scope, id)
                {
                    new StringParameter(this, "Arn", new StringParameterProps { StringValue = props.TaskDefinition.TaskDefinitionArn });
                }
            }

            public class Worker : Construct
            {
                public Worker(Construct scope, string id, ITaskDefinition taskDef) : base(scope, id)
                {
                    new Launcher(this, "Launcher", new LauncherProps { TaskDefinition = taskDef });
                }
            }

            public class FamilyReader : Construct
            {
                public FamilyReader(Construct scope, string id, FargateTaskDefinition taskDef) : base(scope, id)
                {
                    new StringParameter(this, "Family", new StringParameterProps { StringValue = taskDef.Family });
                }
            }

            public class Holder : Construct
            {
                public Holder(Construct scope, string id, ITaskDefinition taskDef) : base(scope, id)
                {
                    Held = taskDef;
                    new StringParameter(this, "Path", new StringParameterProps { StringValue = taskDef.Node.Path });
                }

                public ITaskDefinition Held { get; }
            }

            public interface IWorkerProps
            {
                ITaskDefinition TaskDef { get; }
            }

            public class WorkerProps : IWorkerProps
            {
                public ITaskDefinition TaskDef { get; init; } = null!;
            }

            public class InterfaceReader : Construct
            {
                public InterfaceReader(Construct scope, string id, IWorkerProps props) : base(scope, id)
                {
                    new StringParameter(this, "Arn", new StringParameterProps { StringValue = props.TaskDef.TaskDefinitionArn });
                }
            }

            public class InterfacePropsStack : Stack
            {
                public InterfacePropsStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new InterfaceReader(this, "Reader", new WorkerProps { TaskDef = container.TaskDef });
                }
            }

            public class RendererStack : Stack
            {
                public RendererStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Launcher(this, "Launcher", new LauncherProps { TaskDefinition = container.TaskDef });
                }
            }

            public class ChainStack : Stack
            {
                public ChainStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Worker(this, "Worker", container.TaskDef);
                }
            }

            public class FamilyStack : Stack
            {
                public FamilyStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new FamilyReader(this, "Reader", container.TaskDef);
                }
            }

            public class HolderStack : Stack
            {
                public HolderStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Holder(this, "Holder", container.TaskDef);
                }
            }

            public class CollectionStack : Stack
            {
                public CollectionStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var byName = new Dictionary<string, ITaskDefinition> { ["api"] = container.TaskDef };
                    new StringParameter(this, "Count", new StringParameterProps { StringValue = byName.Count.ToString() });
                }
            }
            """ + CdkSources.SynthesizableContainerStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var flagged = FlaggedClasses(diagnostics);
        Assert.Equal(new[] { "ChainStack", "InterfacePropsStack", "PublisherStack", "RendererStack" }, flagged);
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Publisher"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("InterfaceProps"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Renderer"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Chain"));
        Assert.Empty(templates.ImportedExports("Family"));
        Assert.Empty(templates.ImportedExports("Holder"));
        Assert.Empty(templates.ImportedExports("Collection"));
        Assert.Empty(templates.ImportedExports("OwnerScoped"));
        Assert.Equal(3, templates.Resources("Container", "AWS::SSM::Parameter").Count);
    }
    /// <summary>
    /// A nested stack created by a stack unrelated to the owner imports the owner's ARN into its own template (and is
    /// reported); one created by the owner gets it as a nested-stack parameter (and is not).
    /// </summary>
    [Fact]
    public async Task NestedStack_ImportsFromAnUnrelatedStack_NotFromItsParent()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new ServiceStack(app, "Service", container);
                    new OwnerStack(app, "Owner");
                }
            }

            public class Reader : NestedStack
            {
                public Reader(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Reader(this, "Reader", container);
                }
            }

            public class ParentReader : NestedStack
            {
                public ParentReader(Construct scope, string id, OwnerStack owner) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = owner.TaskDef.TaskDefinitionArn });
                }
            }

            public class OwnerStack : Stack
            {
                public OwnerStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef");
                    TaskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    new ParentReader(this, "ParentReader", this);
                }

                public FargateTaskDefinition TaskDef { get; }
            }
            """ + CdkSources.SynthesizableContainerStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var flagged = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.CrossStackVolatileReference);
        Assert.Contains("used in stack 'Reader'", flagged.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        var nestedReader = templates.Templates.Keys.Single(name => name.Contains("Reader", System.StringComparison.Ordinal) && !name.Contains("ParentReader", System.StringComparison.Ordinal) && name.EndsWith(".nested", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes(nestedReader));
        var nestedParentReader = templates.Templates.Keys.Single(name => name.Contains("ParentReader", System.StringComparison.Ordinal) && name.EndsWith(".nested", System.StringComparison.Ordinal));
        Assert.Empty(templates.ImportedExports(nestedParentReader));
    }
    /// <summary>
    /// A stack's collections of strings filled with its own task definitions' ARNs: each construct of another stack
    /// that takes one (a function's environment, an output joining a list, an element of a list of nothing else)
    /// imports the ARNs, and ICDK001 reports exactly those reads; an element that may be another value, a list of
    /// families, and a count import nothing and are silent.
    /// </summary>
    [Fact]
    public async Task CollectionRelays_AreImportedWhereAConstructTakesThem()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            using System.Linq;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var jobs = new JobsStack(app, "Jobs");
                    new SchedulerStack(app, "Scheduler", jobs);
                    new QuietStack(app, "Quiet", jobs);
                }
            }

            public class JobsStack : Stack
            {
                public JobsStack(Construct scope, string id) : base(scope, id)
                {
                    foreach (var name in new[] { "ingest", "report" })
                    {
                        var task = new FargateTaskDefinition(this, name, new FargateTaskDefinitionProps { Family = "isol8-" + name });
                        task.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                        Environment[name.ToUpperInvariant() + "_ARN"] = task.TaskDefinitionArn;
                        Arns.Add(task.TaskDefinitionArn);
                        Families.Add(task.Family);
                    }

                    Environment["STAGE"] = "prod";
                }

                public Dictionary<string, string> Environment { get; } = new();

                public List<string> Arns { get; } = new();

                public List<string> Families { get; } = new();
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, JobsStack jobs) : base(scope, id)
                {
                    new Function(this, "Scheduler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};"), Environment = jobs.Environment });
                    new CfnOutput(this, "Arns", new CfnOutputProps { Value = Fn.Join(",", jobs.Arns.ToArray()) });
                    new CfnOutput(this, "First", new CfnOutputProps { Value = jobs.Arns[0] });
                }
            }

            public class QuietStack : Stack
            {
                public QuietStack(Construct scope, string id, JobsStack jobs) : base(scope, id)
                {
                    new CfnOutput(this, "Stage", new CfnOutputProps { Value = jobs.Environment["STAGE"] });
                    new CfnOutput(this, "Families", new CfnOutputProps { Value = Fn.Join(",", jobs.Families.ToArray()) });
                    new CfnOutput(this, "Count", new CfnOutputProps { Value = jobs.Arns.Count.ToString() });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var flagged = diagnostics.Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference).Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1]).OrderBy(name => name, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "Arns", "Arns", "Environment" }, flagged);
        Assert.Empty(templates.ImportedExports("Quiet"));
        var imported = templates.ImportedExports("Scheduler");
        Assert.Equal(5, imported.Count);
        Assert.All(imported, export => Assert.Equal("AWS::ECS::TaskDefinition", templates.ExportedResourceType(export)));
    }

    /// <summary>
    /// Another stack's task definition put in a local collection built in place (a list's initializer, a list's
    /// <c>Add</c>, a collection expression) and read in a loop over it: each imported, each reported where it is put in;
    /// a list of them only counted imports nothing and is silent.
    /// </summary>
    [Fact]
    public async Task TaskDefinitionsPutInLocalCollectionsAndLooped_AreImported_AndReportedWhereTheyArePutIn()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new LoopStack(app, "Loop", container);
                    new CountStack(app, "Count", container);
                }
            }

            public class LoopStack : Stack
            {
                public LoopStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var initialized = new List<ITaskDefinition> { container.TaskDef };
                    var added = new List<ITaskDefinition>();
                    added.Add(container.TaskDef);
                    ITaskDefinition[] expressed = [container.TaskDef];
                    foreach (var task in initialized)
                    {
                        new CfnOutput(this, "Initialized", new CfnOutputProps { Value = task.TaskDefinitionArn });
                    }

                    foreach (var task in added)
                    {
                        new CfnOutput(this, "Added", new CfnOutputProps { Value = task.TaskDefinitionArn });
                    }

                    foreach (var task in expressed)
                    {
                        new CfnOutput(this, "Expressed", new CfnOutputProps { Value = task.TaskDefinitionArn });
                    }
                }
            }

            public class CountStack : Stack
            {
                public CountStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var counted = new List<ITaskDefinition> { container.TaskDef };
                    new CfnOutput(this, "Count", new CfnOutputProps { Value = counted.Count.ToString() });
                }
            }
            """ + CdkSources.SynthesizableContainerStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "LoopStack", "LoopStack", "LoopStack" }, FlaggedClasses(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Loop"));
        Assert.Empty(templates.ImportedExports("Count"));
    }

    /// <summary>
    /// An optional props member with a fallback to a construct of a stack the same props carry in
    /// (<c>props.Override ?? props.Containers.TaskDef</c>): imported whether the app sets the member or not, and reported.
    /// </summary>
    [Fact]
    public async Task OptionalPropsMemberWithAFallbackToAnotherStack_IsImportedEitherWay_AndReported()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    var other = new ContainerStack(app, "Other");
                    new ServiceStack(app, "Fallback", new ServiceProps { Containers = container });
                    new ServiceStack(app, "Overridden", new ServiceProps { Containers = container, Override = other.TaskDef });
                }
            }

            public class ServiceProps : StackProps
            {
                public ContainerStack Containers { get; init; } = null!;

                public ITaskDefinition? Override { get; init; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceProps props) : base(scope, id, props)
                {
                    var task = props.Override ?? props.Containers.TaskDef;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = task.TaskDefinitionArn });
                }
            }
            """ + CdkSources.SynthesizableContainerStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "task.TaskDefinitionArn" }, FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Fallback"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Overridden"));
        Assert.NotEqual(templates.ImportedExports("Fallback"), templates.ImportedExports("Overridden"));
    }

    /// <summary>
    /// Another stack's ARN given to CDK where no template holds it (an annotation, the construct tree's metadata, a
    /// <c>Token.IsUnresolved</c> test) makes no export and is not reported; the same ARN in an L1 resource's own
    /// metadata is in the template, a policy statement added with <c>AddToPolicy</c> (which answers a bool) too, and one kept
    /// in the construct tree's context can be read back into a template: all are imported, and reported.
    /// </summary>
    [Fact]
    public async Task ValuesGivenToCdkOutsideTheTemplates_AreNotImported()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new QuietStack(app, "Quiet", container);
                    new MetadataStack(app, "Metadata", container);
                    new ContextStack(app, "Context", container);
                }
            }

            public class ContextStack : Stack
            {
                public ContextStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    Node.SetContext("worker", container.TaskDef.TaskDefinitionArn);
                    new CfnOutput(this, "FromContext", new CfnOutputProps { Value = (string)Node.TryGetContext("worker") });
                }
            }

            public class QuietStack : Stack
            {
                public QuietStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    Annotations.Of(this).AddInfo("worker " + container.TaskDef.TaskDefinitionArn);
                    Node.AddMetadata("worker", container.TaskDef.TaskDefinitionArn);
                    new CfnOutput(this, "Tested", new CfnOutputProps { Value = Token.IsUnresolved(container.TaskDef.TaskDefinitionArn).ToString() });
                }
            }

            public class MetadataStack : Stack
            {
                public MetadataStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnWaitConditionHandle(this, "Handle").AddMetadata("worker", container.TaskDef.TaskDefinitionArn);
                    var role = new Amazon.CDK.AWS.IAM.Role(this, "Role", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.AccountRootPrincipal() });
                    var added = role.AddToPolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps { Actions = new[] { "ecs:RunTask" }, Resources = new[] { container.TaskDef.TaskDefinitionArn } }));
                }
            }
            """ + CdkSources.SynthesizableContainerStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var flagged = FlaggedClasses(diagnostics);
        Assert.Equal(new[] { "ContextStack", "MetadataStack", "MetadataStack" }, flagged);
        Assert.Empty(templates.ImportedExports("Quiet"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Metadata"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Context"));
        Assert.Equal("true", templates.Template("Quiet")["Outputs"]!["Tested"]!["Value"]!.ToString().ToLowerInvariant());
    }

    /// <summary>
    /// A stack's methods that return its own task definitions' ARNs (by name from a dictionary, parameterless, through a
    /// switch) relay them: each call from another stack imports one, and exactly those calls are reported. The same
    /// calls in the owning stack, and a method returning a family, import nothing.
    /// </summary>
    [Fact]
    public async Task RelayMethods_AreImportedWhereAnotherStackCallsThem()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            using System.Collections.Generic;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var jobs = new JobsStack(app, "Jobs");
                    new DispatchStack(app, "Dispatch", jobs);
                }
            }

            public class JobsStack : Stack
            {
                private readonly Dictionary<string, FargateTaskDefinition> _jobs = new();

                public JobsStack(Construct scope, string id) : base(scope, id)
                {
                    foreach (var name in new[] { "nightly", "hourly" })
                    {
                        var taskDef = new FargateTaskDefinition(this, name);
                        taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("busybox") });
                        _jobs[name] = taskDef;
                    }

                    new CfnOutput(this, "Own", new CfnOutputProps { Value = NightlyArn() });
                }

                public string ArnOf(string job) => _jobs[job].TaskDefinitionArn;

                public string NightlyArn() => _jobs["nightly"].TaskDefinitionArn;

                public string Pick(bool hourly) => hourly switch { true => _jobs["hourly"].TaskDefinitionArn, false => _jobs["nightly"].TaskDefinitionArn };

                public string FamilyOf(string job) => _jobs[job].Family;
            }

            public class DispatchStack : Stack
            {
                public DispatchStack(Construct scope, string id, JobsStack jobs) : base(scope, id)
                {
                    new CfnOutput(this, "ByName", new CfnOutputProps { Value = jobs.ArnOf("hourly") });
                    new CfnOutput(this, "Nightly", new CfnOutputProps { Value = jobs.NightlyArn() });
                    new CfnOutput(this, "Picked", new CfnOutputProps { Value = jobs.Pick(true) });
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = jobs.FamilyOf("hourly") });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "jobs.ArnOf(\"hourly\")", "jobs.NightlyArn()", "jobs.Pick(true)" },
            FlaggedTexts(diagnostics));
        var imported = templates.ImportedExports("Dispatch");
        Assert.Equal(3, imported.Count);
        Assert.Equal(2, imported.Distinct().Count());
        Assert.All(imported, export => Assert.Equal("AWS::ECS::TaskDefinition", templates.ExportedResourceType(export)));
    }

    /// <summary>
    /// An application that wires its stacks by calling a stack's public method with another stack, typed as an
    /// interface of the app's: the call that gives the reader the pool imports the task definition and the read is
    /// reported; the call that gives a stack itself imports nothing and is silent.
    /// </summary>
    [Fact]
    public async Task WiringMethodCalledOnAStackWithAnotherStack_ImportsAndIsReported()
    {
        var compilation = TestCompilation.Create(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication, CdkSources.Usings + """
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
                    var reader = new ReaderStack(app, "Reader");
                    reader.Wire(pool);
                    pool.Wire(pool);
                }
            }

            """ + CdkSources.SynthesizablePoolStack("public void Wire(IPoolOutputs pool) => new CfnOutput(this, \"Own\", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });") + """
            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id) : base(scope, id)
                {
                }

                public void Wire(IPoolOutputs pool) => new CfnOutput(this, "Arn", new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var flagged = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.CrossStackVolatileReference);
        Assert.Contains("used in stack 'ReaderStack'", flagged.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Reader"));
        Assert.Empty(templates.ImportedExports("Pool"));
    }

    /// <summary>
    /// A container (and a FireLens log router, a container too) given another stack's task definition: CDK adds it to
    /// that task definition, which renders it in the owner's template. Nothing is imported, nothing reported; a service
    /// given the same task definition beside it imports its ARN and is reported.
    /// </summary>
    [Fact]
    public async Task ContainerAddedToAnotherStacksTaskDefinition_RendersInTheOwner_AndIsNotReported()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            using Amazon.CDK.AWS.EC2;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new SidecarStack(app, "Sidecar", container);
                    new RunnerStack(app, "Runner", container);
                }
            }

            public class SidecarStack : Stack
            {
                public SidecarStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new ContainerDefinition(this, "Envoy", new ContainerDefinitionProps
                    {
                        TaskDefinition = container.TaskDef,
                        Image = ContainerImage.FromRegistry("envoyproxy/envoy"),
                    });
                    new FirelensLogRouter(this, "Router", new FirelensLogRouterProps
                    {
                        TaskDefinition = container.TaskDef,
                        Image = ContainerImage.FromRegistry("amazon/aws-for-fluent-bit"),
                        FirelensConfig = new FirelensConfig { Type = FirelensLogRouterType.FLUENTBIT },
                    });
                }
            }

            public class RunnerStack : Stack
            {
                public RunnerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 1, NatGateways = 0 });
                    new FargateService(this, "Service", new FargateServiceProps
                    {
                        Cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc }),
                        TaskDefinition = container.TaskDef,
                        AssignPublicIp = true,
                        VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PUBLIC },
                    });
                }
            }
            """ + CdkSources.SynthesizableContainerStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var flagged = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.CrossStackVolatileReference);
        Assert.Contains("used in stack 'RunnerStack'", flagged.GetMessage(System.Globalization.CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
        Assert.Empty(templates.ImportedExports("Sidecar"));
        Assert.Contains("AWS::ECS::TaskDefinition", templates.ImportedResourceTypes("Runner"));
        var taskDefinition = Assert.Single(templates.Resources("Container", "AWS::ECS::TaskDefinition").Values);
        var names = taskDefinition["Properties"]!["ContainerDefinitions"]!.AsArray().Select(definition => (string?)definition!["Name"]).ToList();
        Assert.Equal(new[] { "App", "Envoy", "Router" }, names.OrderBy(name => name, System.StringComparer.Ordinal));
    }

    /// <summary>
    /// Another stack's version and launch template given as the grantee of grants, and the version to an SNS
    /// <c>LambdaSubscription</c>: CDK writes the grants in the roles' policies and the subscription and its permission
    /// under the function, all in the owner's template (which imports the bucket and the topic instead). The stack that
    /// wrote them imports nothing, and nothing is reported. A grant on the version and an alias of it, in a third stack,
    /// import the version and are reported; the launch template given there as the peer of security group rules imports
    /// its security group's id only, and is not reported.
    /// </summary>
    [Fact]
    public async Task VersionGivenAsAGranteePeerOrSubscriber_ImportsNoVersion_AndIsNotReported()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.S3;
            using Amazon.CDK.AWS.SNS;
            using Amazon.CDK.AWS.SNS.Subscriptions;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var functions = new FunctionsStack(app, "Functions");
                    new SharedStack(app, "Shared", functions);
                    new InvokerStack(app, "Invoker", functions);
                }
            }

            public class SharedStack : Stack
            {
                public SharedStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    var bucket = new Bucket(this, "Data");
                    bucket.GrantRead(functions.Current);
                    bucket.GrantPut(functions.Template);
                    var topic = new Topic(this, "Topic");
                    topic.GrantPublish(functions.Handler.CurrentVersion);
                    topic.AddSubscription(new LambdaSubscription(functions.Current));
                }
            }

            public class InvokerStack : Stack
            {
                public InvokerStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    var role = new Role(this, "Caller", new RoleProps { AssumedBy = new AccountRootPrincipal() });
                    functions.Current.GrantInvoke(role);
                    new Alias(this, "Canary", new AliasProps { AliasName = "canary", Version = functions.Handler.CurrentVersion });
                    var group = new SecurityGroup(this, "Group", new SecurityGroupProps { Vpc = functions.Vpc });
                    group.Connections.AllowFrom(functions.Template, Port.Tcp(443));
                }
            }
            """ + CdkSources.GrantedFunctionsStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "functions.Current", "functions.Handler.CurrentVersion" }, FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "InvokerStack", "InvokerStack" }, FlaggedClasses(diagnostics));
        Assert.Empty(templates.ImportedExports("Shared"));
        Assert.Single(templates.Resources("Functions", "AWS::SNS::Subscription"));
        Assert.Equal(new[] { "AWS::S3::Bucket", "AWS::SNS::Topic" }, templates.ImportedResourceTypes("Functions").Distinct().OrderBy(type => type, System.StringComparer.Ordinal));
        Assert.Equal(new[] { "AWS::EC2::SecurityGroup", "AWS::EC2::VPC", "AWS::Lambda::Function", "AWS::Lambda::Version" }, templates.ImportedResourceTypes("Invoker").Distinct().OrderBy(type => type, System.StringComparer.Ordinal));
    }

    /// <summary>Another stack's ARN that the code only tests, measures and logs: nothing imported, nothing reported.</summary>
    [Fact]
    public async Task ValueThatStaysInDotnetCode_ImportsNothing_AndIsNotReported()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new CheckingStack(app, "Checking", container);
                }
            }

            public class CheckingStack : Stack
            {
                public CheckingStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    System.ArgumentException.ThrowIfNullOrEmpty(container.TaskDef.TaskDefinitionArn);
                    if (container.TaskDef.TaskDefinitionArn.Length == 0 || container.TaskDef.TaskDefinitionArn == "none")
                    {
                        throw new System.InvalidOperationException("no task definition");
                    }

                    System.Console.WriteLine(container.TaskDef.TaskDefinitionArn);
                    new CfnOutput(this, "Checked", new CfnOutputProps { Value = "yes" });
                }
            }
            """ + CdkSources.SynthesizableContainerStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.CrossStackVolatileReference);
        Assert.Empty(templates.ImportedExports("Checking"));
    }

    /// <summary>
    /// A plain registry object every stack gets, filled in by the platform stack: the platform's own read back imports
    /// nothing and is not reported; the reader stack's read imports the task definition and is reported, there only.
    /// </summary>
    [Fact]
    public async Task RegistryFilledByOneStack_ImportsOnlyIntoTheStacksThatReadWhatAnotherFilled()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var registry = new Registry();
                    new PlatformStack(app, "Platform", registry);
                    new ReaderStack(app, "Reader", registry);
                }
            }

            public class Registry
            {
                public ITaskDefinition? Worker { get; set; }
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id, Registry registry) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = "worker" });
                    worker.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    registry.Worker = worker;
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = registry.Worker.TaskDefinitionArn });
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, Registry registry) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = registry.Worker!.TaskDefinitionArn });
                }
            }
            """);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var reported = diagnostics.Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference).ToList();
        Assert.Equal("ReaderStack", Assert.Single(reported).Properties[CrossStackVolatileReferenceAnalyzer.ConsumerStackProperty]);
        Assert.Empty(templates.ImportedExports("Platform"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Reader"));
    }

    /// <summary>
    /// Imported references: one wrapping its own stack's L1 value (a task definition's ARN, a version's, a layer's) is
    /// exported wherever another stack reads or is given it, and reported there; one of a constant (with its stack's
    /// role or without), given to another stack as a props member or a constructor argument, imports nothing and is
    /// silent; the consumer's own import of another stack's L1 value imports it once, reported once.
    /// </summary>
    [Fact]
    public async Task ImportedReferences_ImportOnlyWhatTheyWrap()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var platform = new PlatformStack(app, "Platform");
                    new ConsumerStack(app, "Consumer", platform);
                    new UserStack(app, "User", new UserProps { Task = platform.Legacy });
                    new DirectStack(app, "Direct", platform.LegacyWithRole);
                }
            }

            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    new CfnOutput(this, "Wrapped", new CfnOutputProps { Value = platform.Wrapped.TaskDefinitionArn });
                    new CfnOutput(this, "PinnedVersion", new CfnOutputProps { Value = platform.Pinned.Version });
                    new Launcher(this, "Launcher", platform.WrappedByRef);
                    new Function(this, "User", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x"), Layers = new[] { platform.Layer } });
                    new CfnOutput(this, "Numbered", new CfnOutputProps { Value = platform.NumberedVersion.FunctionArn });
                    new CfnOutput(this, "Legacy", new CfnOutputProps { Value = platform.Legacy.TaskDefinitionArn });
                    var own = TaskDefinition.FromTaskDefinitionArn(this, "Own", platform.Raw.AttrTaskDefinitionArn);
                    new Launcher(this, "OwnLauncher", own);
                }
            }

            public class UserProps : StackProps
            {
                public ITaskDefinition Task { get; init; } = null!;
            }

            public class UserStack : Stack
            {
                public UserStack(Construct scope, string id, UserProps props) : base(scope, id, props)
                {
                    new Launcher(this, "Launcher", props.Task);
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = props.Task.TaskDefinitionArn });
                }
            }

            public class DirectStack : Stack
            {
                public DirectStack(Construct scope, string id, ITaskDefinition task) : base(scope, id)
                {
                    new Launcher(this, "Launcher", task);
                }
            }
            """ + CdkSources.ImportingPlatformStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "platform.Layer", "platform.Pinned.Version", "platform.Raw.AttrTaskDefinitionArn", "platform.Wrapped.TaskDefinitionArn", "platform.WrappedByRef" },
            FlaggedTexts(diagnostics));

        // One volatile import per report (the consumer's own import is reported at its argument), and the numbered
        // version's function, whose ARN does not change.
        Assert.Equal(
            new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition", "AWS::Lambda::Function", "AWS::Lambda::LayerVersion", "AWS::Lambda::Version" },
            templates.ImportedResourceTypes("Consumer").OrderBy(type => type, System.StringComparer.Ordinal));
        Assert.Empty(templates.ImportedExports("User"));
        Assert.Empty(templates.ImportedExports("Direct"));
    }

    /// <summary>
    /// An SSM parameter read through its construct by another stack: CDK exports its <c>Fn::GetAtt Value</c>, volatile
    /// when the owner created it with its task definition's ARN (reported), not when with a constant (silent).
    /// </summary>
    [Fact]
    public async Task ParameterValueReadThroughTheConstruct_IsImportedAndChangesWithTheArn()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
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
                    new CfnOutput(this, "Constant", new CfnOutputProps { Value = compute.Constant.StringValue });
                }
            }
            """ + CdkSources.ParameterPublishingComputeStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "compute.WorkerArn.StringValue" }, FlaggedTexts(diagnostics));
        var imported = templates.ImportedExports("Service");
        Assert.Equal(new[] { "AWS::SSM::Parameter", "AWS::SSM::Parameter" }, templates.ImportedResourceTypes("Service"));
        Assert.Equal(new[] { false, true }, imported.Select(templates.IsVolatileExport).OrderBy(volatileExport => volatileExport));
    }

    /// <summary>
    /// A published version kept in a member typed <c>IFunction</c>: another stack that reads its <c>FunctionArn</c>
    /// imports the version (reported); an alias kept the same way imports a name that does not change (silent).
    /// </summary>
    [Fact]
    public async Task VersionHeldAsAFunction_IsImportedWhereAnotherStackReadsItsArn()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
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
                    new CfnOutput(this, "Live", new CfnOutputProps { Value = functions.Live.FunctionArn });
                }
            }
            """ + CdkSources.VersionKeptAsFunctionStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "functions.Handler.FunctionArn" }, FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::Lambda::Alias", "AWS::Lambda::Version" }, templates.ImportedResourceTypes("Events").OrderBy(type => type, System.StringComparer.Ordinal));
    }

    /// <summary>
    /// Published versions kept in a dictionary typed <c>IFunction</c>: another stack that reads an element's
    /// <c>FunctionArn</c> in a loop (deconstructed, or through a pair's <c>Value</c>) imports the version (each read
    /// reported); the functions kept the same way import ARNs that do not change (silent).
    /// </summary>
    [Fact]
    public async Task VersionsHeldAsFunctionsInACollection_AreImportedWhereAnotherStackReadsTheirArns()
    {
        var compilation = TestCompilation.Create(VersionsInACollectionApp);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "handler.FunctionArn", "pair.Value.FunctionArn" }, FlaggedTexts(diagnostics));
        var imported = templates.ImportedExports("Routes");
        Assert.Equal(
            new[] { "AWS::Lambda::Function", "AWS::Lambda::Function", "AWS::Lambda::Version", "AWS::Lambda::Version", "AWS::Lambda::Version", "AWS::Lambda::Version" },
            templates.ImportedResourceTypes("Routes").OrderBy(type => type, System.StringComparer.Ordinal));
        Assert.Equal(2, imported.Where(templates.IsVolatileExport).Distinct().Count());
        Assert.All(imported, export => Assert.Equal(templates.ExportedResourceType(export) == "AWS::Lambda::Version", templates.IsVolatileExport(export)));
    }

    /// <summary>The app of <see cref="VersionsHeldAsFunctionsInACollection_AreImportedWhereAnotherStackReadsTheirArns"/>, also fixed and deployed.</summary>
    internal const string VersionsInACollectionApp = CdkSources.Usings + """
        public static class TestApp
        {
            public static void Build(App app)
            {
                var handlers = new HandlersStack(app, "Handlers", "api", "jobs");
                new RoutesStack(app, "Routes", handlers);
            }
        }

        public class RoutesStack : Stack
        {
            public RoutesStack(Construct scope, string id, HandlersStack handlers) : base(scope, id)
            {
                foreach (var (name, handler) in handlers.Handlers)
                {
                    new CfnOutput(this, name, new CfnOutputProps { Value = handler.FunctionArn });
                }

                foreach (var pair in handlers.Handlers)
                {
                    new CfnOutput(this, pair.Key + "Pair", new CfnOutputProps { Value = pair.Value.FunctionArn });
                }

                foreach (var (name, function) in handlers.Plain)
                {
                    new CfnOutput(this, name + "Plain", new CfnOutputProps { Value = function.FunctionArn });
                }
            }
        }
        """ + CdkSources.VersionsKeptAsFunctionsStack;

    /// <summary>
    /// A published version kept in a member typed <c>IFunction</c> and handed to another stack's events rule target:
    /// the rule imports the version (reported at the hand-over); an alias kept the same way and handed over the same
    /// way imports a name that does not change (silent).
    /// </summary>
    [Fact]
    public async Task VersionHeldAsAFunction_IsImportedWhereAnotherStacksTargetTakesIt()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            using Amazon.CDK.AWS.Events;
            using Amazon.CDK.AWS.Events.Targets;

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
                    new Rule(this, "Pinned", new RuleProps { Schedule = Schedule.Rate(Duration.Days(1)), Targets = new IRuleTarget[] { new LambdaFunction(functions.Handler) } });
                    new Rule(this, "Live", new RuleProps { Schedule = Schedule.Rate(Duration.Days(1)), Targets = new IRuleTarget[] { new LambdaFunction(functions.Live) } });
                }
            }
            """ + CdkSources.VersionKeptAsFunctionStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "functions.Handler" }, FlaggedTexts(diagnostics));
        var version = Assert.Single(templates.ImportedExports("Events").Distinct(), export => templates.ExportedResourceType(export) == "AWS::Lambda::Version");
        Assert.True(templates.IsVolatileExport(version));
        Assert.Contains(templates.ImportedExports("Events"), export => templates.ExportedResourceType(export) == "AWS::Lambda::Alias" && !templates.IsVolatileExport(export));
    }

    /// <summary>
    /// A stack that passes another stack's values to its base class's constructor: the read in the <c>base(…)</c> call
    /// and the base class's use of the construct it is passed each import the task definition, and each is reported
    /// once, where it is used (not again at the <c>base(…)</c> call for the construct).
    /// </summary>
    [Fact]
    public async Task ValuesPassedToABaseStacksConstructor_AreImportedWhereTheBaseClassUsesThem()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new ServiceStack(app, "Service", container);
                }
            }

            public class BaseServiceStack : Stack
            {
                public BaseServiceStack(Construct scope, string id, string taskArn, ITaskDefinition task) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskArn });
                    new Runner(this, "Runner", task);
                }
            }

            public class ServiceStack : BaseServiceStack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container)
                    : base(scope, id, container.TaskDef.TaskDefinitionArn, container.TaskDef)
                {
                }
            }

            public class Runner : Construct
            {
                public Runner(Construct scope, string id, ITaskDefinition task) : base(scope, id)
                {
                    new CfnOutput(this, "Task", new CfnOutputProps { Value = task.TaskDefinitionArn });
                }
            }
            """ + CdkSources.SynthesizableContainerStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "container.TaskDef.TaskDefinitionArn", "task" }, FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Service"));
    }

    /// <summary>
    /// A stack's own method that creates its output under the scope it is given: given the owner's stack, the output
    /// renders there and imports nothing (silent); given <c>this</c>, the stack imports the task definition (reported).
    /// </summary>
    [Fact]
    public async Task StacksOwnMethodGivenTheOwnersStack_RendersThere_AndImportsNothing()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
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
                    AddOutputTo(container, container.TaskDef.TaskDefinitionArn);
                    AddOutputTo(this, container.TaskDef.TaskDefinitionArn);
                }

                private void AddOutputTo(Construct at, string arn) => new CfnOutput(at, "Out" + at.Node.Id, new CfnOutputProps { Value = arn });
            }
            """ + CdkSources.SynthesizableContainerStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        var flagged = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.CrossStackVolatileReference);
        Assert.Contains("AddOutputTo(this, ", flagged.Location.SourceTree!.GetText().Lines.GetLineFromPosition(flagged.Location.SourceSpan.Start).ToString(), System.StringComparison.Ordinal);
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Service"));
        Assert.Empty(templates.ImportedExports("Container"));
        Assert.NotNull(templates.Template("Container")["Outputs"]?["OutContainer"]);
    }

    /// <summary>
    /// A stack class split into partial files, whose second part's private methods read what the first part gives them:
    /// the pool's task definition given to them imports its export and is reported (in the second part's file, or at
    /// the call that hands the task definition over); a method of that part given only the stack's own task
    /// definition imports nothing and is silent.
    /// </summary>
    [Fact]
    public async Task PrivateMethodsInAnotherPartOfAPartialStack_ImportWhatTheyAreGiven_AndAreReported()
    {
        var compilation = TestCompilation.Create(PartialStackApp);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "pool.Worker", "pool.Worker.TaskDefinitionArn" }, FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition", "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Reader"));
        Assert.All(templates.ImportedExports("Reader"), export => Assert.True(templates.IsVolatileExport(export)));
        Assert.Null(templates.Template("Reader")["Outputs"]?["OwnArn"]?["Value"]?["Fn::ImportValue"]);
        Assert.NotNull(templates.Template("Reader")["Outputs"]?["OwnArn"]);
    }

    /// <summary>
    /// The app of <see cref="PrivateMethodsInAnotherPartOfAPartialStack_ImportWhatTheyAreGiven_AndAreReported"/>, two
    /// files (the stack's constructor with the pool, its methods), also fixed and deployed.
    /// </summary>
    internal static readonly string[] PartialStackApp =
    {
        CdkSources.Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var pool = new PoolStack(app, "Pool");
                    new ReaderStack(app, "Reader", pool);
                }
            }

            public partial class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, IPoolOutputs pool) : base(scope, id)
                {
                    Publish("Arn", pool);
                    Render(pool.Worker);
                    var own = new FargateTaskDefinition(this, "Own");
                    own.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    Describe(own);
                }
            }
            """ + CdkSources.SynthesizablePoolStack(),
        CdkSources.Usings + """
            public partial class ReaderStack
            {
                private void Publish(string key, IPoolOutputs pool) => new CfnOutput(this, key, new CfnOutputProps { Value = pool.Worker.TaskDefinitionArn });

                private void Render(ITaskDefinition task) => new CfnOutput(this, "Rendered", new CfnOutputProps { Value = task.TaskDefinitionArn });

                private void Describe(ITaskDefinition task) => new CfnOutput(this, "OwnArn", new CfnOutputProps { Value = task.TaskDefinitionArn });
            }
            """,
    };

    /// <summary>
    /// Helpers of the app given the owner's stack (an extension method of <c>App</c>, a static factory) that create a
    /// plain <c>Stack</c> and read the owner's task definition under it: each imports its ARN, and each read is reported.
    /// </summary>
    [Fact]
    public async Task HelpersCreatingAPlainStack_ImportAnotherStacksValue_AndAreReported()
    {
        var compilation = TestCompilation.Create(PlainStackHelpersApp);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "container.TaskDef.TaskDefinitionArn", "container.TaskDef.TaskDefinitionArn" }, FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Reports"));
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition" }, templates.ImportedResourceTypes("Audit"));
        Assert.All(templates.ImportedExports("Reports").Concat(templates.ImportedExports("Audit")), export => Assert.True(templates.IsVolatileExport(export)));
    }

    /// <summary>The app of <see cref="HelpersCreatingAPlainStack_ImportAnotherStacksValue_AndAreReported"/>, also fixed and deployed.</summary>
    internal const string PlainStackHelpersApp = CdkSources.Usings + """
        public static class TestApp
        {
            public static void Build(App app)
            {
                var container = new ContainerStack(app, "Container");
                app.AddReports(container);
                Reports.Audit(app, container);
            }
        }

        public static class Reports
        {
            public static void AddReports(this App app, ContainerStack container)
            {
                var stack = new Stack(app, "Reports");
                new CfnOutput(stack, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
            }

            public static Stack Audit(App app, ContainerStack container)
            {
                Stack audit = new Stack(app, "Audit");
                new CfnOutput(audit, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                return audit;
            }
        }
        """ + CdkSources.SynthesizableContainerStack;

    /// <summary>
    /// A version's metrics used by another stack's alarms and dashboard (given to props, through a local, a widget,
    /// <c>CreateAlarm(this, …)</c>, <c>With</c>, a math expression, a method of the stack, and from a version kept as an
    /// <c>IFunction</c>): each imports the version's number, and each is reported. The function's and the alias's
    /// metrics import its name only, and a version's metric made an alarm in its own stack imports nothing: silent.
    /// </summary>
    [Fact]
    public async Task VersionMetricsUsedInAnotherStack_ImportTheVersion_AndAreReported()
    {
        var compilation = TestCompilation.Create(VersionMetricsApp(heldAsFunction: true));
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[]
            {
                "functions.Current.Metric(\"Duration\")", "functions.Current.MetricErrors()", "functions.Current.MetricErrors()", "functions.Current.MetricErrors()",
                "functions.Current.MetricInvocations()", "functions.Current.MetricThrottles()", "functions.Handler.CurrentVersion.MetricDuration()", "functions.Held.MetricErrors()",
            },
            FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::Lambda::Function", "AWS::Lambda::Version" }, templates.ImportedResourceTypes("Monitoring").Distinct().OrderBy(type => type, System.StringComparer.Ordinal));
        var volatileImport = Assert.Single(templates.ImportedExports("Monitoring").Where(templates.IsVolatileExport).Distinct());
        Assert.Equal(8, templates.ImportedExports("Monitoring").Count(export => export == volatileImport));
        Assert.Empty(templates.ImportedExports("Functions"));
        Assert.Equal(2, templates.Resources("Functions", "AWS::CloudWatch::Alarm").Count);
    }

    /// <summary>
    /// The app of <see cref="VersionMetricsUsedInAnotherStack_ImportTheVersion_AndAreReported"/>, also fixed and deployed
    /// (without the alarm on the version kept as an <c>IFunction</c>, which has no fix).
    /// </summary>
    internal static string VersionMetricsApp(bool heldAsFunction) => CdkSources.Usings + """
        using Amazon.CDK.AWS.CloudWatch;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var functions = new FunctionsStack(app, "Functions");
                new MonitoringStack(app, "Monitoring", functions);
            }
        }

        public class MonitoringStack : Stack
        {
            public MonitoringStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
            {
                new Alarm(this, "Errors", new AlarmProps { Metric = functions.Current.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
                var duration = functions.Current.Metric("Duration");
                new Alarm(this, "Duration", new AlarmProps { Metric = duration, Threshold = 1000, EvaluationPeriods = 1 });
                new Dashboard(this, "Board").AddWidgets(new GraphWidget(new GraphWidgetProps { Left = new IMetric[] { functions.Current.MetricInvocations() } }));
                functions.Current.MetricThrottles().CreateAlarm(this, "Throttles", new CreateAlarmOptions { Threshold = 1, EvaluationPeriods = 1 });
                new Alarm(this, "P99", new AlarmProps { Metric = functions.Handler.CurrentVersion.MetricDuration().With(new MetricOptions { Statistic = "p99" }), Threshold = 1, EvaluationPeriods = 1 });
                new Alarm(this, "Ratio", new AlarmProps
                {
                    Metric = new MathExpression(new MathExpressionProps { Expression = "e / i", UsingMetrics = new Dictionary<string, IMetric> { ["e"] = functions.Current.MetricErrors(), ["i"] = functions.Handler.MetricInvocations() } }),
                    Threshold = 1,
                    EvaluationPeriods = 1,
                });
                Watch("Watched", functions.Current.MetricErrors());
                new Alarm(this, "Function", new AlarmProps { Metric = functions.Handler.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
                new Alarm(this, "Alias", new AlarmProps { Metric = functions.Live.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
                functions.Current.MetricThrottles().CreateAlarm(functions, "OwnerThrottles", new CreateAlarmOptions { Threshold = 1, EvaluationPeriods = 1 });
                HELD
            }

            private void Watch(string id, IMetric metric) => new Alarm(this, id, new AlarmProps { Metric = metric, Threshold = 1, EvaluationPeriods = 1 });
        }
        """.Replace("HELD", heldAsFunction ? "new Alarm(this, \"Held\", new AlarmProps { Metric = functions.Held.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });" : string.Empty, System.StringComparison.Ordinal)
        + CdkSources.MonitoredFunctionsStack;

    /// <summary>
    /// A version's permission scoped to another stack imports the version's ARN there, and is reported; one without a
    /// scope is created in the version's stack, and the function's own permission names no version: silent.
    /// </summary>
    [Fact]
    public async Task VersionPermissionScopedToAnotherStack_ImportsTheVersion_AndIsReported()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            using Amazon.CDK.AWS.IAM;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var functions = new FunctionStack(app, "Functions");
                    new WiringStack(app, "Wiring", functions);
                }
            }

            public class WiringStack : Stack
            {
                public WiringStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    functions.Handler.CurrentVersion.AddPermission("Sns", new Permission { Principal = new ServicePrincipal("sns.amazonaws.com"), Scope = this });
                    functions.Handler.CurrentVersion.AddPermission("Sqs", new Permission { Principal = new ServicePrincipal("sqs.amazonaws.com") });
                    functions.Handler.AddPermission("Function", new Permission { Principal = new ServicePrincipal("s3.amazonaws.com"), Scope = this });
                }
            }
            """ + CdkSources.SynthesizableFunctionStack);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(new[] { "functions.Handler.CurrentVersion" }, FlaggedTexts(diagnostics));
        Assert.Equal(new[] { "AWS::Lambda::Function", "AWS::Lambda::Version" }, templates.ImportedResourceTypes("Wiring").OrderBy(type => type, System.StringComparer.Ordinal));
        Assert.Equal(2, templates.Resources("Wiring", "AWS::Lambda::Permission").Count);
        Assert.Single(templates.Resources("Functions", "AWS::Lambda::Permission"));
    }

    /// <summary>The source text of each ICDK001 diagnostic, in order.</summary>
    private static IEnumerable<string> FlaggedTexts(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference)
            .Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan))
            .OrderBy(text => text, System.StringComparer.Ordinal);

    /// <summary>The class each ICDK001 diagnostic is in, in order.</summary>
    private static IEnumerable<string> FlaggedClasses(IEnumerable<Microsoft.CodeAnalysis.Diagnostic> diagnostics)
        => diagnostics.Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference)
            .Select(d => d.Location.SourceTree!.GetRoot().FindNode(d.Location.SourceSpan).AncestorsAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>().First().Identifier.Text)
            .OrderBy(name => name, System.StringComparer.Ordinal);
}
