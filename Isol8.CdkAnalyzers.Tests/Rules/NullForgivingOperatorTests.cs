using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// Code with nullable references on writes <c>props.Worker!</c>. The compiler binds <c>x!</c> as <c>x</c>, so the
/// semantic model has no operation for the <c>!</c> itself: a construct handed over, a member or a local set from one,
/// must be looked up under it, or the owner is lost and the rule falls silent (a scratch app's
/// <c>EdgeLambda { FunctionVersion = props.Shared.Auth! }</c> imported a Lambda version, unreported).
/// </summary>
public class NullForgivingOperatorTests
{
    private static DiagnosticResult Expected(int location, string what)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location)
            .WithArguments(what, "another stack (it reaches this one through its constructor)", "ServiceStack");

    [Fact]
    public Task HandedOverOrHeldThroughTheOperator_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                """
                using System.Collections.Generic;
                using Amazon.CDK;
                using Amazon.CDK.AWS.ECS;
                using Amazon.CDK.AWS.Events;
                using Amazon.CDK.AWS.Events.Targets;
                using Constructs;

                public class ServiceProps : StackProps
                {
                    public ITaskDefinition? Worker { get; init; }

                    public IReadOnlyList<ITaskDefinition>? Batch { get; init; }

                    public ICluster Cluster { get; init; } = null!;
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ServiceProps props) : base(scope, id, props)
                    {
                        new Rule(this, "Nightly", new RuleProps
                        {
                            Schedule = Schedule.Expression("rate(1 day)"),
                            Targets = new IRuleTarget[] { new EcsTask(new EcsTaskProps { Cluster = props.Cluster, TaskDefinition = {|#0:props.Worker!|} }) },
                        });
                        Worker = props.Worker!;
                        new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#1:Worker.TaskDefinitionArn|} });
                        new Runner(this, "Runner", {|#3:props.Worker!|});
                        var batch = props.Batch!;
                        foreach (var task in batch)
                        {
                            new CfnOutput(this, "Batch" + task.Node.Id, new CfnOutputProps { Value = {|#2:task.TaskDefinitionArn|} });
                        }
                    }

                    public ITaskDefinition Worker { get; }
                }

                public class Runner : Construct
                {
                    public Runner(Construct scope, string id, ITaskDefinition task) : base(scope, id)
                        => new CfnOutput(this, "Arn", new CfnOutputProps { Value = task.TaskDefinitionArn });
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "Worker"),
            Expected(1, "TaskDefinitionArn"),
            Expected(2, "TaskDefinitionArn"),
            Expected(3, "Worker"));

    /// <summary>A plain class's static member that one stack class sets to its own construct, through the operator.</summary>
    [Fact]
    public Task StaticMemberFilledThroughTheOperator_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                """
                using Amazon.CDK;
                using Amazon.CDK.AWS.ECS;
                using Constructs;

                public static class Shared
                {
                    public static ITaskDefinition? Worker { get; set; }
                }

                public class ContainerStack : Stack
                {
                    public ContainerStack(Construct scope, string id) : base(scope, id)
                    {
                        FargateTaskDefinition? worker = new FargateTaskDefinition(this, "Worker");
                        Shared.Worker = worker!;
                    }
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:Shared.Worker!.TaskDefinitionArn|} });
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));
}
