using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// Code with nullable references on writes <c>props.Worker!</c> and <c>props.Worker ?? throw …</c>. The compiler binds <c>x!</c> as <c>x</c>, so the
/// semantic model has no operation for the <c>!</c> itself: a construct handed over, a member or a local set from one,
/// must be looked up under it, or the owner is lost and the rule falls silent (a scratch app's
/// <c>EdgeLambda { FunctionVersion = props.Shared.Auth! }</c> imported a Lambda version, unreported).
/// </summary>
public class NullableCodeTests
{
    private static DiagnosticResult Expected(int location, string what)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location)
            .WithArguments(what, "another stack (it reaches this one through its constructor)", "ServiceStack");

    /// <summary>A service stack whose props carry another stack's task definition, with <paramref name="constructorBody"/>.</summary>
    private static Task VerifyServiceAsync(string constructorBody, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                """
                using Amazon.CDK;
                using Amazon.CDK.AWS.ECS;
                using Constructs;

                public class ServiceProps : StackProps
                {
                    public ITaskDefinition? Worker { get; init; }

                    public ICluster Cluster { get; init; } = null!;
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ServiceProps props) : base(scope, id, props)
                    {
                        BODY
                    }
                }
                """.Replace("BODY", constructorBody, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    /// <summary>
    /// A local or member that starts as <c>null</c> and is set later holds what it is set to: the <c>null</c> is no
    /// construct of any stack. One only ever <c>null</c> is silent.
    /// </summary>
    [Fact]
    public Task VariableStartingAsNull_IsOwnedWhereItsOtherValuesAre()
        => VerifyServiceAsync(
            """
            ITaskDefinition? selected = null;
            if (props.Cluster is not null)
            {
                selected = props.Worker;
            }

            new CfnOutput(this, "Selected", new CfnOutputProps { Value = {|#0:selected!.TaskDefinitionArn|} });
            ITaskDefinition? none = default;
            new CfnOutput(this, "None", new CfnOutputProps { Value = none!.TaskDefinitionArn });
            """,
            Expected(0, "TaskDefinitionArn"));

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

    /// <summary>
    /// A branch that throws yields no value: <c>props.Worker ?? throw …</c>, <c>?:</c> with a throwing arm, a switch
    /// expression's throwing default, a stack received the same way. The other branch decides the owner.
    /// </summary>
    [Fact]
    public Task ValueWhoseOtherBranchThrows_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                """
                using System;
                using Amazon.CDK;
                using Amazon.CDK.AWS.ECS;
                using Constructs;

                public class ContainerStack : Stack
                {
                    public ContainerStack(Construct scope, string id) : base(scope, id) => TaskDef = new FargateTaskDefinition(this, "TaskDef");

                    public FargateTaskDefinition TaskDef { get; }
                }

                public class ServiceProps : StackProps
                {
                    public ITaskDefinition? Worker { get; init; }

                    public ContainerStack? Container { get; init; }

                    public string Mode { get; init; } = "worker";
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ServiceProps props) : base(scope, id, props)
                    {
                        Worker = props.Worker ?? throw new ArgumentNullException(nameof(props));
                        var checkedWorker = props.Worker is not null ? props.Worker : throw new ArgumentException("no worker");
                        var flipped = props.Worker is null ? throw new ArgumentException("no worker") : props.Worker;
                        var chosen = props.Mode switch
                        {
                            "worker" => props.Worker!,
                            _ => throw new ArgumentOutOfRangeException(nameof(props)),
                        };
                        var container = props.Container ?? throw new ArgumentNullException(nameof(props));
                        new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#0:Worker.TaskDefinitionArn|} });
                        new CfnOutput(this, "Checked", new CfnOutputProps { Value = {|#1:checkedWorker.TaskDefinitionArn|} });
                        new CfnOutput(this, "Chosen", new CfnOutputProps { Value = {|#2:chosen.TaskDefinitionArn|} });
                        new CfnOutput(this, "Container", new CfnOutputProps { Value = {|#3:container.TaskDef.TaskDefinitionArn|} });
                        new CfnOutput(this, "Flipped", new CfnOutputProps { Value = {|#4:flipped.TaskDefinitionArn|} });
                    }

                    public ITaskDefinition Worker { get; }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"),
            Expected(2, "TaskDefinitionArn"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(3).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Expected(4, "TaskDefinitionArn"));

    /// <summary>
    /// A pattern variable holds the value it was matched from: <c>is FargateTaskDefinition worker</c>, <c>is { } worker</c>,
    /// <c>is not … worker) return;</c>, a <c>?:</c>'s condition, a switch arm, a switch section's case. Read or handed over, reported.
    /// </summary>
    [Fact]
    public Task PatternVariableMatchedFromAnotherStacksConstruct_Triggers()
        => VerifyServiceAsync(
            """
            if (props.Worker is FargateTaskDefinition fargate)
            {
                new CfnOutput(this, "Fargate", new CfnOutputProps { Value = {|#0:fargate.TaskDefinitionArn|} });
                new FargateService(this, "Service", new FargateServiceProps { Cluster = props.Cluster, TaskDefinition = {|#1:fargate|} });
            }

            if (props.Worker is { } any && any.TaskDefinitionArn.Length > 0)
            {
                new CfnOutput(this, "Any", new CfnOutputProps { Value = {|#3:any.TaskDefinitionArn|} });
            }

            switch (props.Worker)
            {
                case Ec2TaskDefinition ec2:
                    new CfnOutput(this, "Ec2", new CfnOutputProps { Value = {|#4:ec2.TaskDefinitionArn|} });
                    break;
            }

            var either = props.Worker is { } matched ? {|#6:matched.TaskDefinitionArn|} : "";
            var armed = props.Worker switch { FargateTaskDefinition arm => {|#7:arm.TaskDefinitionArn|}, _ => "" };
            new CfnOutput(this, "Either", new CfnOutputProps { Value = either + armed });
            if (props.Worker is not ITaskDefinition worker)
            {
                return;
            }

            new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#5:worker.TaskDefinitionArn|} });
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "fargate"),
            Expected(3, "TaskDefinitionArn"),
            Expected(4, "TaskDefinitionArn"),
            Expected(5, "TaskDefinitionArn"),
            Expected(6, "TaskDefinitionArn"),
            Expected(7, "TaskDefinitionArn"));

    /// <summary>A pattern variable matched from this stack's own construct, or nested in a sub-pattern: silent.</summary>
    [Fact]
    public Task PatternVariableOfOwnOrNestedPattern_DoesNotTrigger()
        => VerifyServiceAsync(
            """
            ITaskDefinition own = new FargateTaskDefinition(this, "Own");
            if (own is FargateTaskDefinition fargate)
            {
                new CfnOutput(this, "Own", new CfnOutputProps { Value = fargate.TaskDefinitionArn });
            }

            if (props is { Worker: FargateTaskDefinition nested })
            {
                new CfnOutput(this, "Nested", new CfnOutputProps { Value = nested.TaskDefinitionArn });
            }
            """);
}
