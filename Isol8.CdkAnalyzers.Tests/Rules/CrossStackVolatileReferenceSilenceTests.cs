using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// ICDK001 stays silent where the owner is unknown or no export can arise. Each marked expression is first shown to
/// pass the syntactic prefilters (<see cref="SemanticReach"/>), so each test fails when the guard it names is removed.
/// </summary>
public class CrossStackVolatileReferenceSilenceTests
{
    private const string WorkerNestedStack = """
        public class WorkerNestedStack : NestedStack
        {
            public WorkerNestedStack(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef");
            }

            public FargateTaskDefinition TaskDef { get; }
        }

        """;

    private static async Task AssertSilentAsync(string source)
    {
        var sources = new[] { CdkSources.Usings + source, CdkSources.Usings + CdkSources.ContainerStack };
        SemanticReach.AssertMarkedExpressionsReachTheSemanticModel(sources);
        await Verify.VerifyAsync(sources, withCdk: true, editorConfig: null);
    }

    /// <summary>Guard: an owner the model cannot resolve is not "another stack" (a stack method may be called with its own task definition).</summary>
    [Fact]
    public Task OwnerOnlyAStackMethodsParameterKnows_DoesNotTrigger()
        => AssertSilentAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                }

                public void Publish(FargateTaskDefinition taskDef)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = /*reach*/taskDef.TaskDefinitionArn });
                    new FargateService(this, "Service", new FargateServiceProps { Cluster = new Cluster(this, "Cluster"), TaskDefinition = /*reach*/taskDef });
                }
            }
            """);

    /// <summary>Guard: an owner hidden behind <c>object</c> or <c>dynamic</c> is unknown.</summary>
    [Fact]
    public Task OwnerHiddenBehindObjectOrDynamic_DoesNotTrigger()
        => AssertSilentAsync("""
            public static class Registry
            {
                public static Dictionary<string, object> Constructs { get; } = new();
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, dynamic container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = /*reach*/((ITaskDefinition)Registry.Constructs["worker"]).TaskDefinitionArn });
                    new CfnOutput(this, "Dynamic", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>Guard: a <c>From…</c> import is a reference to a resource, not the resource, so it exports nothing.</summary>
    [Fact]
    public Task ImportExposedByOneStackAndReadInAnother_DoesNotTrigger()
        => AssertSilentAsync("""
            public class LookupStack : Stack
            {
                public LookupStack(Construct scope, string id) : base(scope, id)
                {
                    Worker = TaskDefinition.FromTaskDefinitionArn(this, "Worker", "arn:aws:ecs:eu-west-1:123456789012:task-definition/worker:7");
                    Handler = Version_.FromVersionArn(this, "Handler", "arn:aws:lambda:eu-west-1:123456789012:function:f:3");
                }

                public ITaskDefinition Worker { get; }

                public IVersion Handler { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, LookupStack lookup) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = /*reach*/lookup.Worker.TaskDefinitionArn });
                    new CfnOutput(this, "Version", new CfnOutputProps { Value = /*reach*/lookup.Handler.FunctionArn });
                    new Alias(this, "Live", new AliasProps { AliasName = "live", Version = /*reach*/lookup.Handler });
                }
            }
            """);

    /// <summary>Guard: a nested stack's resources are its parent's (references become nested-stack parameters, not exports).</summary>
    [Fact]
    public Task NestedStackReachedThroughAField_DoesNotTrigger()
        => AssertSilentAsync(WorkerNestedStack + """
            public class ParentStack : Stack
            {
                private readonly WorkerNestedStack _worker;

                public ParentStack(Construct scope, string id) : base(scope, id)
                {
                    _worker = new WorkerNestedStack(this, "Worker");
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = /*reach*/_worker.TaskDef.TaskDefinitionArn });
                    new FargateService(this, "Service", new FargateServiceProps { Cluster = new Cluster(this, "Cluster"), TaskDefinition = /*reach*/_worker.TaskDef });
                }
            }
            """);

    /// <summary>Guard: a nested stack built by a factory method is still nested.</summary>
    [Fact]
    public Task NestedStackReachedThroughAFactoryMethod_DoesNotTrigger()
        => AssertSilentAsync(WorkerNestedStack + """
            public class ParentStack : Stack
            {
                public ParentStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = CreateWorker();
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = /*reach*/worker.TaskDef.TaskDefinitionArn });
                }

                private WorkerNestedStack CreateWorker() => new WorkerNestedStack(this, "Worker");
            }
            """);

    /// <summary>Guard: code in a nested stack that reads its parent's construct uses it in the parent's deployment.</summary>
    [Fact]
    public Task NestedStackReadingItsParentsConstruct_DoesNotTrigger()
        => AssertSilentAsync("""
            public class ReaderNestedStack : NestedStack
            {
                public ReaderNestedStack(ContainerStack parent, string id) : base(parent, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = /*reach*/parent.TaskDef.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>Guard: a nested stack's constructor parameter comes from its parent, not from another stack.</summary>
    [Fact]
    public Task NestedStackConstructorParameter_DoesNotTrigger()
        => AssertSilentAsync("""
            public class WorkerNestedStack : NestedStack
            {
                public WorkerNestedStack(Construct scope, string id, ITaskDefinition taskDef) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = /*reach*/taskDef.TaskDefinitionArn });
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

    /// <summary>Guard: a slot that takes any construct (a dependency) names no attribute, so nothing is exported.</summary>
    [Fact]
    public Task HandedToASlotThatTakesAnyConstruct_DoesNotTrigger()
        => AssertSilentAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    Node.AddDependency(/*reach*/container.TaskDef);
                }
            }
            """);

    /// <summary>Guard: a method of this stack whose parameter takes any construct or any resource names no attribute either.</summary>
    [Theory]
    [InlineData("object")]
    [InlineData("IConstruct")]
    [InlineData("Construct")]
    [InlineData("IDependable")]
    [InlineData("IResource")]
    [InlineData("Resource")]
    public Task HandedToAParameterThatTakesAnyConstructOrResource_DoesNotTrigger(string slot)
        => AssertSilentAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    Track(/*reach*/container.TaskDef);
                }

                private static void Track(SLOT tracked)
                {
                }
            }
            """.Replace("SLOT", slot));

    /// <summary>
    /// Guard: only a grant (<c>Grant…</c>) puts the construct's ARN in the argument's policy; another method of the
    /// construct that takes a construct of this stack says nothing about where the ARN goes.
    /// </summary>
    [Fact]
    public Task MethodOtherThanAGrantOnAnotherStacksConstruct_DoesNotTrigger()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                    public class AppTaskDefinition : FargateTaskDefinition
                    {
                        public AppTaskDefinition(Construct scope, string id) : base(scope, id)
                        {
                        }

                        public void Attach(Amazon.CDK.AWS.IAM.IRole role)
                        {
                        }
                    }

                    public class WorkerStack : Stack
                    {
                        public WorkerStack(Construct scope, string id) : base(scope, id)
                        {
                            TaskDef = new AppTaskDefinition(this, "TaskDef");
                        }

                        public AppTaskDefinition TaskDef { get; }
                    }

                    public class RunnerStack : Stack
                    {
                        public RunnerStack(Construct scope, string id, WorkerStack worker) : base(scope, id)
                        {
                            var role = new Amazon.CDK.AWS.IAM.Role(this, "Runner", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("ecs-tasks.amazonaws.com") });
                            worker.TaskDef.Attach(role);
                        }
                    }
                    """,
            },
            withCdk: true,
            editorConfig: null);

    /// <summary>Guard: when a value's sources disagree about their owner (two stacks), the owner is unknown.</summary>
    [Fact]
    public Task LocalAssignedFromTwoStacks_DoesNotTrigger()
        => AssertSilentAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack blue, ContainerStack green, bool useGreen) : base(scope, id)
                {
                    var taskDef = blue.TaskDef;
                    if (useGreen)
                    {
                        taskDef = green.TaskDef;
                    }

                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = /*reach*/taskDef.TaskDefinitionArn });
                }
            }
            """);
}

