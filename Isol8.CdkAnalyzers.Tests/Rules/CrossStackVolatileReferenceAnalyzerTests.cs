using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class CrossStackVolatileReferenceAnalyzerTests
{
    private const string ServiceStackProps = """
        public class ServiceStackProps : StackProps
        {
            public ContainerStack Container { get; set; } = null!;
        }

        """;

    // The owner when only "another stack" is known, as docs/rules/ICDK001.md#message states it.
    private const string ForeignOwner = "another stack (it reaches this one through its constructor)";

    private static DiagnosticResult Expected(int location, string member, string owner, string consumer)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, owner, consumer);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(new[] { CdkSources.Usings + source, CdkSharedStacks }, withCdk: true, editorConfig: null, expected);

    /// <summary>Verifies an app whose first file holds top-level statements.</summary>
    private static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(new[] { CdkSources.Usings + source, CdkSharedStacks }, withCdk: true, editorConfig: null, OutputKind.ConsoleApplication, expected);

    private static string CdkSharedStacks => CdkSources.Usings + CdkSources.ContainerStack + CdkSources.FunctionStack;

    [Fact]
    public Task PropsMemberTypedAsOwnerStack_Triggers()
        => VerifyAsync(ServiceStackProps + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["TASK_DEFINITION_ARN"] = {|#0:props.Container.TaskDef.TaskDefinitionArn|},
                    };
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task TaskDefinitionPassedInProps_Triggers()
        => VerifyAsync("""
            public class WorkerStackProps : StackProps
            {
                public ITaskDefinition TaskDef { get; set; } = null!;
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, WorkerStackProps props) : base(scope, id, props)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:props.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", ForeignOwner, "WorkerStack"));

    [Fact]
    public Task ConstructorParameterTypedAsOwnerStack_Triggers()
        => VerifyAsync("""
            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "WorkerStack"));

    [Fact]
    public Task PrimaryConstructorParameter_Triggers()
        => VerifyAsync("""
            public class WorkerStack(Construct scope, string id, ITaskDefinition taskDef) : Stack(scope, id)
            {
                public string Arn => {|#0:taskDef.TaskDefinitionArn|};
            }
            """,
            Expected(0, "TaskDefinitionArn", ForeignOwner, "WorkerStack"));

    [Fact]
    public Task ValueFlowingThroughLocalsAndFields_Triggers()
        => VerifyAsync(ServiceStackProps + """
            public class ServiceStack : Stack
            {
                private readonly ContainerStack _container;

                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    _container = props.Container;
                    var taskDef = _container.TaskDef;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:taskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task ConditionalAccess_Triggers()
        => VerifyAsync(ServiceStackProps + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    string? arn = {|#0:props.Container?.TaskDef.TaskDefinitionArn|};
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task TopLevelStatementsPassingArnIntoAnotherStacksProps_Triggers()
        => VerifyProgramAsync("""
            var app = new App();
            var container = new ContainerStack(app, "Container");
            new ServiceStack(app, "Service", new ServiceStackProps { TaskDefinitionArn = {|#0:container.TaskDef.TaskDefinitionArn|} });

            public class ServiceStackProps : StackProps
            {
                public string TaskDefinitionArn { get; set; } = "";
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task TopLevelLocalCarriesArnIntoAnotherStack_Triggers()
        => VerifyProgramAsync("""
            var app = new App();
            var container = new ContainerStack(app, "Container");
            var service = new Stack(app, "Service");
            var arn = {|#0:container.TaskDef.TaskDefinitionArn|};
            var environment = new Dictionary<string, string>();
            environment.Add("TASK_DEFINITION_ARN", arn);
            new CfnOutput(new ServiceStack(app, "Other"), "Environment", new CfnOutputProps { Value = environment["TASK_DEFINITION_ARN"] });
            new CfnOutput(service, "Arn", new CfnOutputProps { Value = arn });

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task StageWiringTwoStacks_Triggers()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                }
            }

            public class ProdStage : Stage
            {
                public ProdStage(Construct scope, string id) : base(scope, id)
                {
                    var container = new ContainerStack(this, "Container");
                    var service = new ServiceStack(this, "Service");
                    new CfnOutput({|#1:service|}, "Arn", new CfnOutputProps { Value = {|#0:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            // The second location is the consumer scope the SSM fix reads into (the fix takes it from the diagnostic).
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack").WithLocation(1));

    [Fact]
    public Task L1TaskDefinitionRefAndArnAttribute_Trigger()
        => VerifyAsync("""
            public class LegacyStack : Stack
            {
                public LegacyStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new CfnTaskDefinition(this, "TaskDef", new CfnTaskDefinitionProps { Family = "legacy" });
                }

                public CfnTaskDefinition TaskDef { get; }
            }

            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, LegacyStack legacy) : base(scope, id)
                {
                    new CfnOutput(this, "Ref", new CfnOutputProps { Value = {|#0:legacy.TaskDef.Ref|} });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#1:legacy.TaskDef.AttrTaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "Ref", "stack 'LegacyStack'", "ConsumerStack"),
            Expected(1, "AttrTaskDefinitionArn", "stack 'LegacyStack'", "ConsumerStack"));

    [Fact]
    public Task LambdaVersionAndLayerArns_Trigger()
        => VerifyAsync("""
            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    var version = functions.Handler.CurrentVersion;
                    new CfnOutput(this, "Version", new CfnOutputProps { Value = {|#0:version.FunctionArn|} });
                    new CfnOutput(this, "Edge", new CfnOutputProps { Value = {|#1:functions.Handler.CurrentVersion.EdgeArn|} });
                    new CfnOutput(this, "Layer", new CfnOutputProps { Value = {|#2:functions.Layer.LayerVersionArn|} });
                }
            }
            """,
            Expected(0, "FunctionArn", "stack 'FunctionStack'", "ConsumerStack"),
            Expected(1, "EdgeArn", "stack 'FunctionStack'", "ConsumerStack"),
            Expected(2, "LayerVersionArn", "stack 'FunctionStack'", "ConsumerStack"));

    [Fact]
    public Task TaskDefinitionHandedToServiceInAnotherStack_Triggers()
        => VerifyAsync(ServiceStackProps + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    var cluster = new Cluster(this, "Cluster");
                    new FargateService(this, "Service", new FargateServiceProps
                    {
                        Cluster = cluster,
                        TaskDefinition = {|#0:props.Container.TaskDef|},
                    });
                }
            }
            """,
            Expected(0, "TaskDef", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task TaskDefinitionHandedToUserConstructAndEventsTarget_Triggers()
        => VerifyAsync("""
            public class WorkerProps
            {
                public ITaskDefinition TaskDefinition { get; set; } = null!;
            }

            public class Worker : Construct
            {
                public Worker(Construct scope, string id, WorkerProps props) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = props.TaskDefinition.TaskDefinitionArn });
                }
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, ITaskDefinition taskDef, ICluster cluster) : base(scope, id)
                {
                    new Worker(this, "Worker", new WorkerProps { TaskDefinition = {|#0:taskDef|} });
                    var rule = new Amazon.CDK.AWS.Events.Rule(this, "Nightly", new Amazon.CDK.AWS.Events.RuleProps
                    {
                        Schedule = Amazon.CDK.AWS.Events.Schedule.Rate(Duration.Days(1)),
                    });
                    rule.AddTarget(new Amazon.CDK.AWS.Events.Targets.EcsTask(new Amazon.CDK.AWS.Events.Targets.EcsTaskProps
                    {
                        Cluster = cluster,
                        TaskDefinition = {|#1:taskDef|},
                    }));
                }
            }
            """,
            Expected(0, "taskDef", ForeignOwner, "SchedulerStack"),
            Expected(1, "taskDef", ForeignOwner, "SchedulerStack"));

    [Fact]
    public Task GrantRunToRoleOfAnotherStack_Triggers()
        => VerifyAsync("""
            public class RunnerStack : Stack
            {
                public RunnerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var role = new Amazon.CDK.AWS.IAM.Role(this, "Runner", new Amazon.CDK.AWS.IAM.RoleProps
                    {
                        AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("lambda.amazonaws.com"),
                    });
                    {|#0:container.TaskDef|}.GrantRun(role);
                }
            }
            """,
            Expected(0, "TaskDef", "stack 'ContainerStack'", "RunnerStack"));

    [Fact]
    public Task FunctionVersionHandedToAliasAndLayerToFunction_Trigger()
        => VerifyAsync("""
            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    new Alias(this, "Live", new AliasProps { AliasName = "live", Version = {|#0:functions.Handler.CurrentVersion|} });
                    new Function(this, "Other", new FunctionProps
                    {
                        Runtime = Runtime.NODEJS_18_X,
                        Handler = "index.handler",
                        Code = Code.FromInline("exports.handler = async () => {};"),
                        Layers = new[] { {|#1:functions.Layer|} },
                    });
                }
            }
            """,
            Expected(0, "CurrentVersion", "stack 'FunctionStack'", "ConsumerStack"),
            Expected(1, "Layer", "stack 'FunctionStack'", "ConsumerStack"));

    [Fact]
    public Task SameStack_DoesNotTrigger()
        => VerifyAsync("""
            public class AppStack : Stack
            {
                public AppStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    var cluster = new Cluster(this, "Cluster");
                    new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = taskDef });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    TaskDef = taskDef;
                    new CfnOutput(this, "Again", new CfnOutputProps { Value = TaskDef.TaskDefinitionArn });
                }

                public ITaskDefinition TaskDef { get; }
            }
            """);

    [Fact]
    public Task SiblingConstructsInOneStack_DoNotTrigger()
        => VerifyAsync("""
            public class Producer : Construct
            {
                public Producer(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef");
                }

                public FargateTaskDefinition TaskDef { get; }
            }

            public class AppStack : Stack
            {
                public AppStack(Construct scope, string id) : base(scope, id)
                {
                    var producer = new Producer(this, "Producer");
                    var cluster = new Cluster(this, "Cluster");
                    new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = producer.TaskDef });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = producer.TaskDef.TaskDefinitionArn });
                }
            }
            """);

    [Fact]
    public Task NestedStack_DoesNotTrigger()
        => VerifyAsync("""
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
                    var nested = new WorkerNestedStack(this, "Worker", taskDef);
                    new CfnOutput(nested, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                }
            }
            """);

    [Fact]
    public Task ImportedByArn_DoesNotTrigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var imported = TaskDefinition.FromTaskDefinitionArn(this, "Imported", "arn:aws:ecs:eu-west-1:123456789012:task-definition/isol8-openclaw:7");
                    var cluster = new Cluster(this, "Cluster");
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = imported.TaskDefinitionArn });
                    new Amazon.CDK.AWS.Events.Targets.EcsTask(new Amazon.CDK.AWS.Events.Targets.EcsTaskProps { Cluster = cluster, TaskDefinition = imported });
                    var version = Version_.FromVersionArn(this, "Version", "arn:aws:lambda:eu-west-1:123456789012:function:f:3");
                    new CfnOutput(this, "VersionArn", new CfnOutputProps { Value = version.FunctionArn });
                }
            }
            """);

    [Fact]
    public Task StableCrossStackValues_DoNotTrigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container, FunctionStack functions) : base(scope, id)
                {
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = container.TaskDef.Family });
                    new CfnOutput(this, "Function", new CfnOutputProps { Value = functions.Handler.FunctionArn });
                    new CfnOutput(this, "Name", new CfnOutputProps { Value = functions.Handler.FunctionName });
                    new CfnOutput(this, "Latest", new CfnOutputProps { Value = functions.Handler.LatestVersion.FunctionArn });
                    new CfnOutput(this, "Role", new CfnOutputProps { Value = container.TaskDef.TaskRole.RoleArn });
                    var alias = new Alias(functions, "Live", new AliasProps { AliasName = "live", Version = functions.Handler.CurrentVersion });
                    new CfnOutput(this, "Alias", new CfnOutputProps { Value = alias.FunctionArn });
                }
            }
            """);

    [Fact]
    public Task AppLevelReadUsedInItsOwnStack_DoesNotTrigger()
        => VerifyProgramAsync("""
            var app = new App();
            var container = new ContainerStack(app, "Container");
            var arn = container.TaskDef.TaskDefinitionArn;
            new CfnOutput(container, "Arn", new CfnOutputProps { Value = arn });
            container.ExportValue(container.TaskDef.TaskDefinitionArn);
            System.Console.WriteLine(container.TaskDef.TaskDefinitionArn);
            """);

    [Fact]
    public Task AppLevelConstructHandedIntoStackProps_IsLeftToTheStacksOwnCode()
        => VerifyProgramAsync("""
            var app = new App();
            var container = new ContainerStack(app, "Container");
            new WorkerStack(app, "Worker", new WorkerStackProps { TaskDef = container.TaskDef });

            public class WorkerStackProps : StackProps
            {
                public ITaskDefinition TaskDef { get; set; } = null!;
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, WorkerStackProps props) : base(scope, id, props)
                {
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = props.TaskDef.Node.Path });
                }
            }
            """);

    [Fact]
    public Task UserTypeWithTaskDefinitionArnProperty_DoesNotTrigger()
        => VerifyAsync("""
            public class Settings
            {
                public string TaskDefinitionArn { get; set; } = "";
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, Settings settings) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = settings.TaskDefinitionArn });
                }
            }
            """);

    [Fact]
    public Task CompilationWithoutCdk_ReportsNothing()
        => Verify.VerifyAsync(
            new[]
            {
                """
                public interface ITaskDefinition { string TaskDefinitionArn { get; } }

                public class Stack { }

                public class ServiceStack : Stack
                {
                    public ServiceStack(ITaskDefinition taskDef) => Arn = taskDef.TaskDefinitionArn;

                    public string Arn { get; }
                }
                """,
            },
            withCdk: false,
            editorConfig: null);

    [Fact]
    public Task CatalogueOptions_AddAUserMemberAndRemoveABuiltInOne()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                namespace My.Company;

                public class ImageBuild : Construct
                {
                    public ImageBuild(Construct scope, string id) : base(scope, id)
                    {
                    }

                    public string Digest => "sha256:0";
                }

                public class BuildStack : Stack
                {
                    public BuildStack(Construct scope, string id) : base(scope, id)
                    {
                        Image = new ImageBuild(this, "Image");
                    }

                    public ImageBuild Image { get; }
                }

                public class RunStack : Stack
                {
                    public RunStack(Construct scope, string id, BuildStack build, ContainerStack container) : base(scope, id)
                    {
                        new CfnOutput(this, "Digest", new CfnOutputProps { Value = {|#0:build.Image.Digest|} });
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                    }
                }
                """,
                CdkSharedStacks,
            },
            withCdk: true,
            editorConfig: "isol8_cdk.volatile_members = My.Company.ImageBuild.Digest\nisol8_cdk.ignored_volatile_members = P:Amazon.CDK.AWS.ECS.ITaskDefinition.TaskDefinitionArn\n",
            Expected(0, "Digest", "stack 'BuildStack'", "RunStack"));

    /// <summary>A member added on an interface is read through every type that implements it, CDK's and the source's.</summary>
    [Fact]
    public Task CatalogueOptions_InterfaceMemberIsFoundThroughImplementingClasses()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                namespace My.Company;

                public interface IImageBuild
                {
                    string Digest { get; }
                }

                public class ImageBuild : Construct, IImageBuild
                {
                    public ImageBuild(Construct scope, string id) : base(scope, id)
                    {
                    }

                    public string Digest => "sha256:0";
                }

                public class BuildStack : Stack
                {
                    public BuildStack(Construct scope, string id) : base(scope, id)
                    {
                        Image = new ImageBuild(this, "Image");
                        Worker = new DockerImageFunction(this, "Worker", new DockerImageFunctionProps { Code = DockerImageCode.FromEcr(null!) });
                    }

                    public ImageBuild Image { get; }

                    public DockerImageFunction Worker { get; }
                }

                public class RunStack : Stack
                {
                    public RunStack(Construct scope, string id, BuildStack build, FunctionStack functions) : base(scope, id)
                    {
                        new CfnOutput(this, "Digest", new CfnOutputProps { Value = {|#0:build.Image.Digest|} });
                        new CfnOutput(this, "Handler", new CfnOutputProps { Value = {|#1:functions.Handler.FunctionArn|} });
                        new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#2:build.Worker.FunctionArn|} });
                        new CfnOutput(this, "Name", new CfnOutputProps { Value = functions.Handler.FunctionName });
                    }
                }
                """,
                CdkSharedStacks,
            },
            withCdk: true,
            editorConfig: "isol8_cdk.volatile_members = My.Company.IImageBuild.Digest, Amazon.CDK.AWS.Lambda.IFunction.FunctionArn\n",
            Expected(0, "Digest", "stack 'BuildStack'", "RunStack"),
            Expected(1, "FunctionArn", "stack 'FunctionStack'", "RunStack"),
            Expected(2, "FunctionArn", "stack 'BuildStack'", "RunStack"));

    /// <summary>The catalogue's entries beyond task definitions and Lambda (docs/rules/ICDK001.md#the-catalogue), and their stable neighbours.</summary>
    [Fact]
    public Task WiderCatalogue_EachEntryTriggers_StableNeighboursDoNot()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.WiderUsings + CdkSources.WiderProducer + """
                public class ConsumerStack : Stack
                {
                    public ConsumerStack(Construct scope, string id, ProducerStack producer) : base(scope, id)
                    {
                        Out({|#0:producer.Job.JobDefinitionArn|});
                        Out({|#1:producer.CfnJob.Ref|});
                        Out({|#2:producer.Template.LatestVersionNumber|});
                        Out({|#3:producer.Template.VersionNumber|});
                        Out({|#4:producer.CfnTemplate.AttrLatestVersionNumber|});
                        Out({|#5:producer.Api.LatestDeployment!.DeploymentId|});
                        Out({|#6:producer.MachineVersion.Ref|});
                        Out({|#7:producer.MachineVersion.AttrArn|});
                        Out({|#8:producer.Model.Ref|});
                        Out({|#9:producer.EndpointConfig.Ref|});

                        Out(producer.Template.LaunchTemplateId!);
                        Out(producer.CfnTemplate.Ref);
                        Out(producer.Template.DefaultVersionNumber);
                        Out(producer.Api.RestApiId);
                        Out(producer.Job.JobDefinitionName);
                        Out(EcsJobDefinition.FromJobDefinitionArn(this, "Imported", "arn:aws:batch:eu-west-1:123456789012:job-definition/x:1").JobDefinitionArn);
                    }

                    private void Out(string value) => new CfnOutput(this, "O" + value.GetHashCode(), new CfnOutputProps { Value = value });
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "JobDefinitionArn", "stack 'ProducerStack'", "ConsumerStack"),
            Expected(1, "Ref", "stack 'ProducerStack'", "ConsumerStack"),
            Expected(2, "LatestVersionNumber", "stack 'ProducerStack'", "ConsumerStack"),
            Expected(3, "VersionNumber", "stack 'ProducerStack'", "ConsumerStack"),
            Expected(4, "AttrLatestVersionNumber", "stack 'ProducerStack'", "ConsumerStack"),
            Expected(5, "DeploymentId", "stack 'ProducerStack'", "ConsumerStack"),
            Expected(6, "Ref", "stack 'ProducerStack'", "ConsumerStack"),
            Expected(7, "AttrArn", "stack 'ProducerStack'", "ConsumerStack"),
            Expected(8, "Ref", "stack 'ProducerStack'", "ConsumerStack"),
            Expected(9, "Ref", "stack 'ProducerStack'", "ConsumerStack"));
}
