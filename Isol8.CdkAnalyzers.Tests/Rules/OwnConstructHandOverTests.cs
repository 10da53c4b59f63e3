using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// Another stack's construct handed to a construct, props class or helper the app declares: CDK imports it only when
/// that code renders it (reads a volatile member of it, grants on it, or gives it to CDK), so only then is the
/// hand-over reported. The synthesized proof is <c>CrossStackVolatileReferenceSynthesisTests.OwnConstructs_ImportOnlyWhatTheirCodeRenders</c>.
/// </summary>
public class OwnConstructHandOverTests
{
    private static DiagnosticResult Expected(int location, string member)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'ContainerStack'", "ServiceStack");

    /// <summary>A service stack that gives <c>container.TaskDef</c> to the app's own code by <paramref name="handOver"/>, with <paramref name="declarations"/> beside it.</summary>
    private static Task VerifyAsync(string declarations, string handOver, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + declarations + """

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                    {
                        HANDOVER
                    }
                }
                """.Replace("HANDOVER", handOver, System.StringComparison.Ordinal),
                CdkSources.Usings + CdkSources.ContainerStack + CdkSources.FunctionStack,
            },
            withCdk: true,
            editorConfig: null,
            expected);

    [Fact]
    public Task ConstructReadingTheArnFromItsProps_Triggers()
        => VerifyAsync(
            """
            public class LauncherProps
            {
                public ITaskDefinition TaskDefinition { get; init; } = null!;
            }

            public class Launcher : Construct
            {
                public Launcher(Construct scope, string id, LauncherProps props) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = props.TaskDefinition.TaskDefinitionArn });
                }
            }
            """,
            """new Launcher(this, "Launcher", new LauncherProps { TaskDefinition = {|#0:container.TaskDef|} });""",
            Expected(0, "TaskDef"));

    /// <summary>A props class read through the interface it implements (<c>IWorkerProps props</c>, <c>props.TaskDef</c>).</summary>
    [Fact]
    public Task PropsReadThroughTheirInterface_Triggers()
        => VerifyAsync(
            """
            public interface IWorkerProps
            {
                ITaskDefinition TaskDef { get; }
            }

            public class WorkerProps : IWorkerProps
            {
                public ITaskDefinition TaskDef { get; init; } = null!;
            }

            public class Worker : Construct
            {
                public Worker(Construct scope, string id, IWorkerProps props) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = props.TaskDef.TaskDefinitionArn });
                }
            }
            """,
            """new Worker(this, "Worker", new WorkerProps { TaskDef = {|#0:container.TaskDef|} });""",
            Expected(0, "TaskDef"));

    /// <summary>An extension helper that puts the ARN in a policy of the role it extends, called on this stack's role.</summary>
    [Fact]
    public Task ExtensionHelperRenderingTheArn_Triggers()
        => VerifyAsync(
            """
            public static class RoleExtensions
            {
                public static void AllowRunTask(this Amazon.CDK.AWS.IAM.IRole role, ITaskDefinition taskDef)
                    => role.AddToPrincipalPolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps
                    {
                        Actions = new[] { "ecs:RunTask" },
                        Resources = new[] { taskDef.TaskDefinitionArn },
                    }));
            }
            """,
            """
            var role = new Amazon.CDK.AWS.IAM.Role(this, "Runner", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("lambda.amazonaws.com") });
                    role.AllowRunTask({|#0:container.TaskDef|});
            """,
            Expected(0, "TaskDef"));

    /// <summary>The family is a plain string the owner declared: nothing is exported.</summary>
    [Fact]
    public Task ConstructReadingOnlyTheFamily_DoesNotTrigger()
        => VerifyAsync(
            """
            public class FamilyReader : Construct
            {
                public FamilyReader(Construct scope, string id, FargateTaskDefinition taskDef) : base(scope, id)
                {
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = taskDef.Family });
                }
            }
            """,
            """new FamilyReader(this, "Reader", container.TaskDef);""");

    [Fact]
    public Task ConstructKeepingItWithoutRenderingIt_DoesNotTrigger()
        => VerifyAsync(
            """
            public class Holder : Construct
            {
                public Holder(Construct scope, string id, ITaskDefinition taskDef) : base(scope, id)
                {
                    Held = taskDef;
                    Node.AddDependency(taskDef);
                    Tags.Of(this).Add("family", taskDef.Node.Id);
                }

                public ITaskDefinition Held { get; }
            }
            """,
            """new Holder(this, "Holder", container.TaskDef);""");

    /// <summary>Kept in a field, read in a method of the construct, through a local and <c>?.</c>: rendered.</summary>
    [Fact]
    public Task ConstructRenderingItLaterThroughAFieldAndALocal_Triggers()
        => VerifyAsync(
            """
            public class Publisher : Construct
            {
                private readonly ITaskDefinition? _taskDef;

                public Publisher(Construct scope, string id, ITaskDefinition taskDef) : base(scope, id)
                {
                    _taskDef = taskDef;
                }

                public void Publish()
                {
                    var current = _taskDef;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = current?.TaskDefinitionArn ?? "none" });
                }
            }
            """,
            """new Publisher(this, "Publisher", {|#0:container.TaskDef|}).Publish();""",
            Expected(0, "TaskDef"));

    /// <summary>Given on through a chain of the app's constructs to a CDK construct's props: rendered by CDK.</summary>
    [Fact]
    public Task ConstructGivingItOnToCdkThroughAnotherOwnConstruct_Triggers()
        => VerifyAsync(
            """
            public record ScheduleProps(ITaskDefinition TaskDefinition, ICluster Cluster);

            public class Schedule : Construct
            {
                public Schedule(Construct scope, string id, ScheduleProps props) : base(scope, id)
                {
                    var rule = new Amazon.CDK.AWS.Events.Rule(this, "Nightly", new Amazon.CDK.AWS.Events.RuleProps { Schedule = Amazon.CDK.AWS.Events.Schedule.Rate(Duration.Days(1)) });
                    rule.AddTarget(new Amazon.CDK.AWS.Events.Targets.EcsTask(new Amazon.CDK.AWS.Events.Targets.EcsTaskProps { Cluster = props.Cluster, TaskDefinition = props.TaskDefinition }));
                }
            }

            public class Worker : Construct
            {
                public Worker(Construct scope, string id, ITaskDefinition taskDef, ICluster cluster) : base(scope, id)
                {
                    new Schedule(this, "Schedule", new ScheduleProps(taskDef, cluster));
                }
            }
            """,
            """new Worker(this, "Worker", {|#0:container.TaskDef|}, new Cluster(this, "Cluster"));""",
            Expected(0, "TaskDef"));

    /// <summary>A C# 12 primary constructor's parameter read in a member initializer, and a grant on it.</summary>
    [Theory]
    [InlineData("public string Arn { get; } = taskDef.TaskDefinitionArn;")]
    [InlineData("public void Allow(Amazon.CDK.AWS.IAM.IGrantable grantee) => taskDef.GrantRun(grantee);")]
    public Task PrimaryConstructorParameterRendered_Triggers(string member)
        => VerifyAsync(
            $$"""
            public class Runner(Construct scope, string id, FargateTaskDefinition taskDef) : Construct(scope, id)
            {
                {{member}}
            }
            """,
            """new Runner(this, "Runner", {|#0:container.TaskDef|});""",
            Expected(0, "TaskDef"));

    /// <summary>A stack's helper that only describes the task definition renders nothing; one that outputs its ARN does.</summary>
    [Fact]
    public Task StackHelpers_TriggerOnlyWhenTheyRenderIt()
        => VerifyAsync(
            string.Empty,
            """
            new CfnOutput(this, "Family", new CfnOutputProps { Value = Describe(container.TaskDef) });
                    Publish({|#0:container.TaskDef|});
                }

                private static string Describe(ITaskDefinition taskDef) => taskDef.Node.Path;

                private void Publish(ITaskDefinition taskDef)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
            """,
            Expected(0, "TaskDef"));

    /// <summary>Kept in a .NET collection: nothing is rendered (and the loop over an array of them is, see the ownership edge tests).</summary>
    [Fact]
    public Task ConstructKeptInAFrameworkCollection_DoesNotTrigger()
        => VerifyAsync(
            string.Empty,
            """
            var byName = new Dictionary<string, ITaskDefinition>();
                    byName.Add("api", container.TaskDef);
                    var all = new List<ITaskDefinition> { container.TaskDef };
            """);

    /// <summary>A Lambda version given as an <c>IFunction</c>: its <c>FunctionArn</c> is the version's ARN.</summary>
    [Fact]
    public Task VersionGivenAsAFunctionAndItsArnRead_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class Invoker : Construct
                {
                    public Invoker(Construct scope, string id, IFunction target) : base(scope, id)
                    {
                        new CfnOutput(this, "Target", new CfnOutputProps { Value = target.FunctionArn });
                    }
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                    {
                        new Invoker(this, "Invoker", {|#0:functions.Handler.CurrentVersion|});
                        new Invoker(this, "Latest", functions.Handler);
                    }
                }
                """,
                CdkSources.Usings + CdkSources.FunctionStack,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("CurrentVersion", "stack 'FunctionStack'", "ServiceStack"));

    /// <summary>CDK's own <c>params</c> slot (<c>AddLayers(params ILayerVersion[])</c>) still renders: the argument is an element of the array the call builds.</summary>
    [Fact]
    public Task LayerGivenToCdksParamsArray_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                    {
                        var handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                        handler.AddLayers({|#0:functions.Layer|});
                    }
                }
                """,
                CdkSources.Usings + CdkSources.FunctionStack,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("Layer", "stack 'FunctionStack'", "ServiceStack"));

    /// <summary>Slots that hand the construct to each other in a cycle, and nothing else: silent, and the search ends.</summary>
    [Fact]
    public Task SlotsInACycle_DoNotTrigger()
        => VerifyAsync(
            """
            public class Ring : Construct
            {
                public Ring(Construct scope, string id, ITaskDefinition taskDef) : base(scope, id)
                {
                    First = taskDef;
                }

                public ITaskDefinition? First { get; set; }

                public ITaskDefinition? Second { get; set; }

                public void Turn()
                {
                    Second = First;
                    First = Second;
                }
            }
            """,
            """new Ring(this, "Ring", container.TaskDef).Turn();""");
}
