using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Deployment;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>Constructs handed to CDK targets of another stack: where an imported reference keeps the app whole, and where it cannot.</summary>
[Collection(SynthesisTestGroup.Name)]
public class HandOverFixSynthesisTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Events;
        using Amazon.CDK.AWS.Events.Targets;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    [Fact]
    public async Task TaskDefinitionHandedToAnEcsTaskTarget_AnImportWouldMoveItsRoleAndSecurityGroup_SoNoFixIsOffered()
    {
        const string Source = Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new SchedulerStack(app, "Scheduler", container);
                }
            }

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                    TaskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    Cluster = new Cluster(this, "Cluster");
                }

                public FargateTaskDefinition TaskDef { get; }

                public Cluster Cluster { get; }
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var rule = new Rule(this, "Nightly", new RuleProps { Schedule = Schedule.Rate(Duration.Hours(24)) });
                    rule.AddTarget(new EcsTask(new EcsTaskProps { Cluster = container.Cluster, TaskDefinition = TASKDEF }));
                }
            }
            """;
        var flagged = Source.Replace("TASKDEF", "container.TaskDef", System.StringComparison.Ordinal);
        var before = CdkSynthesizer.Synthesize(flagged);

        // What the import-based rewrite would leave: it synthesizes (the roles travel with the import), but the
        // events role, its policy and the security group leave the owner's stack for the consumer's.
        var rewritten = CdkSynthesizer.Synthesize(
            Source.Replace("TASKDEF", "CrossStackParameters.ImportTaskDefinition(this, container.TaskDef)", System.StringComparison.Ordinal),
            ExpectedFiles.HelperFile("Helpers").Replace("namespace Helpers;", string.Empty, System.StringComparison.Ordinal));
        Assert.Equal(PolicyActions(before), PolicyActions(rewritten));
        var lost = Assert.Throws<Xunit.Sdk.TrueException>(() => DeploymentScenarios.AssertKeepsEveryResource(before, rewritten));
        Assert.Contains("AWS::EC2::SecurityGroup", lost.Message, System.StringComparison.Ordinal);

        using var fixer = new WorkspaceFixer(flagged);
        Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        Assert.Equal(0, await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey));
    }

    /// <summary>
    /// A job definition's ARN given to an events rule's <c>BatchJob</c> target together with the job definition: CDK
    /// makes the target's role in the job definition's stack and names the ARN in its policy. Read through the SSM
    /// helper, the owner would reference the consumer's parameter while the consumer depends on the owner: synthesis
    /// fails on the cycle, so no fix is offered.
    /// </summary>
    [Fact]
    public async Task ArnGivenToABatchJobTargetWithItsJobDefinition_TheSsmRewriteWouldCycle_SoNoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Batch;
            using Amazon.CDK.AWS.EC2;
            using Amazon.CDK.AWS.Events;
            using Amazon.CDK.AWS.Events.Targets;
            using Constructs;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var compute = new ComputeStack(app, "Compute");
                    new JobsStack(app, "Jobs", compute);
                }
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var vpc = new Vpc(this, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 0 });
                    var environment = new FargateComputeEnvironment(this, "Environment", new FargateComputeEnvironmentProps { Vpc = vpc });
                    Queue = new JobQueue(this, "Queue", new JobQueueProps { ComputeEnvironments = new[] { new OrderedComputeEnvironment { ComputeEnvironment = environment, Order = 1 } } });
                    Job = new EcsJobDefinition(this, "Job", new EcsJobDefinitionProps
                    {
                        Container = new EcsFargateContainerDefinition(this, "Container", new EcsFargateContainerDefinitionProps
                        {
                            Image = Amazon.CDK.AWS.ECS.ContainerImage.FromRegistry("busybox"), Memory = Size.Mebibytes(512), Cpu = 0.25,
                        }),
                    });
                }

                public JobQueue Queue { get; }

                public EcsJobDefinition Job { get; }
            }

            public class JobsStack : Stack
            {
                public JobsStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new Rule(this, "Nightly", new RuleProps
                    {
                        Schedule = Schedule.Rate(Duration.Days(1)),
                        Targets = new IRuleTarget[] { new BatchJob(compute.Queue.JobQueueArn, compute.Queue, JOBARN, compute.Job) },
                    });
                }
            }
            """;
        var flagged = Source.Replace("JOBARN", "compute.Job.JobDefinitionArn", System.StringComparison.Ordinal);
        var before = CdkSynthesizer.Synthesize(flagged);
        Assert.Contains("AWS::Batch::JobDefinition", before.ImportedResourceTypes("Jobs"));

        // What the SSM rewrite would leave: the role in the owner's stack names the consumer's parameter.
        var thrown = Assert.Throws<System.Exception>(() => CdkSynthesizer.Synthesize(
            Source.Replace("JOBARN", "CrossStackParameters.Read(this, compute.Job, \"JobDefinitionArn\", compute.Job.JobDefinitionArn)", System.StringComparison.Ordinal),
            ExpectedFiles.HelperFile("Helpers").Replace("namespace Helpers;", string.Empty, System.StringComparison.Ordinal)));
        Assert.Contains("would create a cyclic reference", thrown.Message, System.StringComparison.Ordinal);

        using var fixer = new WorkspaceFixer(flagged);
        Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        Assert.Equal(0, await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey));
    }

    [Fact]
    public async Task VersionHandedToALambdaTarget_AnImportWouldLoseThePermission_SoNoFixIsOffered()
    {
        const string Source = Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var functions = new FunctionStack(app, "Functions");
                    new SchedulerStack(app, "Scheduler", functions);
                }
            }

            public class FunctionStack : Stack
            {
                public FunctionStack(Construct scope, string id) : base(scope, id)
                {
                    Handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};") });
                }

                public Function Handler { get; }
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    var rule = new Rule(this, "Nightly", new RuleProps { Schedule = Schedule.Rate(Duration.Hours(24)) });
                    rule.AddTarget(new LambdaFunction(VERSION));
                }
            }
            """;
        var flagged = Source.Replace("VERSION", "functions.Handler.CurrentVersion", System.StringComparison.Ordinal);
        var before = CdkSynthesizer.Synthesize(flagged);
        Assert.Single(before.Resources("Scheduler", "AWS::Lambda::Permission"));

        // What the import-based rewrite would leave: the rule, without the permission to invoke the version.
        var rewritten = CdkSynthesizer.Synthesize(
            Source.Replace("VERSION", "CrossStackParameters.ImportVersion(this, functions.Handler.CurrentVersion)", System.StringComparison.Ordinal),
            ExpectedFiles.HelperFile("Helpers").Replace("namespace Helpers;", string.Empty, System.StringComparison.Ordinal));
        Assert.Single(rewritten.Resources("Scheduler", "AWS::Events::Rule"));
        Assert.Empty(rewritten.Resources("Scheduler", "AWS::Lambda::Permission"));

        using var fixer = new WorkspaceFixer(flagged);
        Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        Assert.Equal(0, await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey));
    }

    /// <summary>
    /// A version's permission scoped to another stack is reported with no fix: the same permission asked of an import of
    /// the version (what an import-based rewrite would write) is not created at all.
    /// </summary>
    [Fact]
    public async Task VersionPermissionScopedToAnotherStack_AnImportWouldLoseIt_SoNoFixIsOffered()
    {
        const string Source = Usings + """
            using Amazon.CDK.AWS.IAM;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var functions = new FunctionStack(app, "Functions");
                    new WiringStack(app, "Wiring", functions);
                }
            }

            public class FunctionStack : Stack
            {
                public FunctionStack(Construct scope, string id) : base(scope, id)
                {
                    Handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};") });
                }

                public Function Handler { get; }
            }

            public class WiringStack : Stack
            {
                public WiringStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    VERSION.AddPermission("Sns", new Permission { Principal = new ServicePrincipal("sns.amazonaws.com"), Scope = this });
                }
            }
            """;
        var flagged = Source.Replace("VERSION", "functions.Handler.CurrentVersion", System.StringComparison.Ordinal);
        var before = CdkSynthesizer.Synthesize(flagged);
        Assert.Single(before.Resources("Wiring", "AWS::Lambda::Permission"));

        // What the import-based rewrite would leave: no permission anywhere.
        var rewritten = CdkSynthesizer.Synthesize(
            Source.Replace("VERSION", "CrossStackParameters.ImportVersion(this, functions.Handler.CurrentVersion)", System.StringComparison.Ordinal),
            ExpectedFiles.HelperFile("Helpers").Replace("namespace Helpers;", string.Empty, System.StringComparison.Ordinal));
        Assert.Empty(rewritten.Resources("Wiring", "AWS::Lambda::Permission"));
        Assert.Empty(rewritten.Resources("Functions", "AWS::Lambda::Permission"));

        using var fixer = new WorkspaceFixer(flagged);
        Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        Assert.Equal(0, await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey));
    }

    [Fact]
    public Task VersionHandedToAnAlias_IsImported_AndDeploysOverTheLiveApp()
        => AssertHandOverFixDeploysAsync("""
            new Alias(this, "Live", new AliasProps { AliasName = "live", Version = functions.Handler.CurrentVersion });
            """);

    [Fact]
    public Task LayerHandedToAFunctionOfAnotherStack_IsImported_AndDeploysOverTheLiveApp()
        => AssertHandOverFixDeploysAsync("""
            new Function(this, "Reader", new FunctionProps
            {
                Runtime = Runtime.NODEJS_18_X,
                Handler = "index.handler",
                Code = Code.FromInline("exports.handler = async () => {};"),
                Layers = new ILayerVersion[] { functions.Layer },
            });
            """);

    /// <summary><c>new[] { functions.Layer }</c> is a <c>LayerVersion[]</c>: the fix's imported element makes it an <c>ILayerVersion[]</c>.</summary>
    [Fact]
    public Task LayerInAnImplicitlyTypedArray_IsImported_AndDeploysOverTheLiveApp()
        => AssertHandOverFixDeploysAsync("""
            var local = new LayerVersion(this, "Local", new LayerVersionProps { Code = Code.FromBucket(Amazon.CDK.AWS.S3.Bucket.FromBucketName(this, "Artifacts", "isol8-artifacts"), "local.zip") });
            new Function(this, "Reader", new FunctionProps
            {
                Runtime = Runtime.NODEJS_18_X,
                Handler = "index.handler",
                Code = Code.FromInline("exports.handler = async () => {};"),
                Layers = new[] { functions.Layer, local },
            });
            """);

    /// <summary>
    /// A layer put in a collection expression, a list's initializer, or added to a list, which reaches the function as
    /// the list's copy (<c>layers.ToArray()</c>): each element is handed over as an array's is.
    /// </summary>
    [Theory]
    [InlineData("ILayerVersion[] layers = [functions.Layer];", "layers")]
    [InlineData("var layers = new List<ILayerVersion> { functions.Layer };", "layers.ToArray()")]
    [InlineData("var layers = new List<ILayerVersion>(); layers.Add(functions.Layer);", "layers.ToArray()")]
    public Task LayerInACollectionTheFunctionIsGiven_IsImported_AndDeploysOverTheLiveApp(string collection, string layers)
        => AssertHandOverFixDeploysAsync(collection + """

            new Function(this, "Reader", new FunctionProps
            {
                Runtime = Runtime.NODEJS_18_X,
                Handler = "index.handler",
                Code = Code.FromInline("exports.handler = async () => {};"),
                Layers = LAYERS,
            });
            """.Replace("LAYERS", layers, System.StringComparison.Ordinal));

    /// <summary>The app's own construct gives the layer on to a function of its own: the hand-over to it is what imports.</summary>
    [Fact]
    public Task LayerHandedToTheAppsOwnConstruct_IsImported_AndDeploysOverTheLiveApp()
        => AssertHandOverFixDeploysAsync(
            """
            new LayeredFunction(this, "Reader", functions.Layer);
            """,
            """
            public class LayeredFunction : Construct
            {
                public LayeredFunction(Construct scope, string id, ILayerVersion layer) : base(scope, id)
                {
                    new Function(this, "Function", new FunctionProps
                    {
                        Runtime = Runtime.NODEJS_18_X,
                        Handler = "index.handler",
                        Code = Code.FromInline("exports.handler = async () => {};"),
                        Layers = new[] { layer },
                    });
                }
            }
            """);

    private static async Task AssertHandOverFixDeploysAsync(string consumerBody, string declarations = "")
    {
        var source = Usings + """
            public static class TestApp
            {
                public static void Build(App app)
                {
                    var functions = new FunctionStack(app, "Functions");
                    new ConsumerStack(app, "Consumer", functions);
                }
            }

            public class FunctionStack : Stack
            {
                public FunctionStack(Construct scope, string id) : base(scope, id)
                {
                    Layer = new LayerVersion(this, "Layer", new LayerVersionProps { Code = Code.FromBucket(Amazon.CDK.AWS.S3.Bucket.FromBucketName(this, "Artifacts", "isol8-artifacts"), "layer.zip") });
                    Handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("exports.handler = async () => {};") });
                }

                public Function Handler { get; }

                public LayerVersion Layer { get; }
            }

            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    BODY
                }
            }

            """.Replace("BODY", consumerBody.Trim(), System.StringComparison.Ordinal) + declarations;
        var before = CdkSynthesizer.Synthesize(source);
        using var fixer = new WorkspaceFixer(source);
        Assert.Equal(1, await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey));
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        await FixRollout.AssertDeploysAsync(before, fixer);
    }

    private static List<string> PolicyActions(CloudAssemblyTemplates templates)
        => templates.StackNames.SelectMany(stack => templates.Resources(stack, "AWS::IAM::Policy").Values)
            .SelectMany(policy => policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(statement => statement!["Action"]!.ToJsonString())
            .OrderBy(action => action, System.StringComparer.Ordinal)
            .ToList();
}
