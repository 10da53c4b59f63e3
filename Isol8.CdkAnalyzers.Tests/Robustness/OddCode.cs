namespace Isol8.CdkAnalyzers.Tests.Robustness;

/// <summary>Odd but valid CDK code: every C# shape the analyzers must survive.</summary>
internal static class OddCode
{
    public const string Library = """
        global using Amazon.CDK;
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using Amazon.CDK.AWS.ECS;
        using Constructs;
        using Td = Amazon.CDK.AWS.ECS.ITaskDefinition;
        using Lambda = Amazon.CDK.AWS.Lambda;

        namespace Odd.Shapes;

        public record TaskInfo(string Arn, string Family);

        public record struct Pair(Td Left, Td? Right);

        public partial class PartialStack : Stack
        {
            public PartialStack(Construct scope, string id, Td foreign) : base(scope, id)
            {
                Foreign = foreign;
                Own = new FargateTaskDefinition(this, "Own");
                Init();
            }

            public Td Foreign { get; }

            partial void Init();
        }

        public partial class PartialStack
        {
            public FargateTaskDefinition Own { get; }

            public string ForeignArn => Foreign.TaskDefinitionArn;

            public string? MaybeArn => (Foreign as FargateTaskDefinition)?.TaskDefinitionArn;

            public string Forced => Foreign!.TaskDefinitionArn!;

            partial void Init()
            {
                string Local(Td t) => t.TaskDefinitionArn;
                Func<Td, string> lambda = t => t.TaskDefinitionArn;
                var tuple = (Foreign, Own);
                var (left, right) = tuple;
                var info = new TaskInfo(Local(left), right.Family);
                var pair = new Pair(left, right);
                var described = Foreign switch
                {
                    FargateTaskDefinition fargate when fargate.Family.Length > 0 => fargate.TaskDefinitionArn,
                    { } other => lambda(other),
                };
                if (pair.Right is FargateTaskDefinition { Family: var family })
                {
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = family + info.Arn + described });
                }

                dynamic anything = Foreign;
                string dynamicArn = anything.TaskDefinitionArn;
                var arns = new[] { Foreign, Own }.Select(t => t.TaskDefinitionArn).ToList();
                new CfnOutput(this, "Arns", new CfnOutputProps { Value = string.Join(",", arns) + dynamicArn });
            }

            public class Nested : Construct
            {
                public Nested(Construct scope, string id, Td taskDef) : base(scope, id)
                {
                    Arn = taskDef.TaskDefinitionArn;
                }

                public string Arn { get; }
            }
        }

        public class Generic<TStack> : Construct where TStack : Stack
        {
            public Generic(TStack stack, Td taskDef) : base(stack, "Generic")
            {
                new CfnOutput(stack, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
            }
        }

        public class PrimaryStack(Construct scope, string id, PartialStack other, Lambda.IFunction function) : Stack(scope, id)
        {
            private readonly string _arn = other.Own.TaskDefinitionArn;

            public string Arn => _arn + other.Foreign?.TaskDefinitionArn + function.FunctionArn;

            public PrimaryStack Self => this;

            public PrimaryStack Loop => Self.Loop;

            public Td Cycle => Cycle;
        }

        public class SelfReferentialProps : StackProps
        {
            public SelfReferentialStack? Previous { get; set; }
        }

        public class SelfReferentialStack : Stack
        {
            public SelfReferentialStack(Construct scope, string id, SelfReferentialProps props) : base(scope, id, props)
            {
                Me = props.Previous ?? this;
                TaskDef = Me.TaskDef ?? new FargateTaskDefinition(this, "TaskDef");
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = Me.TaskDef.TaskDefinitionArn });
            }

            public SelfReferentialStack Me { get; }

            public FargateTaskDefinition TaskDef { get; }
        }
        """;

    public const string Program = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;

        var app = new App();
        var first = new Stack(app, "First");
        var taskDef = new FargateTaskDefinition(first, "TaskDef");
        var second = new Stack(app, "Second");
        string arn = taskDef.TaskDefinitionArn;
        arn = arn + "";
        new CfnOutput(second, "Arn", new CfnOutputProps { Value = arn });
        Local(second);
        app.Synth();

        void Local(Stack stack) => new CfnOutput(stack, "Again", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
        """;
}
