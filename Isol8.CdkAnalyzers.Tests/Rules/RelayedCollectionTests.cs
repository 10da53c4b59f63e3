using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A collection of strings that a stack fills with its own task definitions' ARNs (<c>SharedEnvironment[name + "_ARN"] =
/// td.TaskDefinitionArn</c>) relays them: another stack that gives it to a construct imports each one. A scratch app's
/// scheduler function took such a dictionary as its environment, two imports, unreported. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.CollectionRelays_AreImportedWhereAConstructTakesThem</c>.
/// </summary>
public class RelayedCollectionTests
{
    private const string JobsStack = """
        using System.Collections.Generic;
        using System.Linq;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        public class JobsStack : Stack
        {
            public JobsStack(Construct scope, string id) : base(scope, id)
            {
                foreach (var name in new[] { "ingest", "report" })
                {
                    var task = new FargateTaskDefinition(this, name);
                    Environment[name.ToUpperInvariant() + "_ARN"] = task.TaskDefinitionArn;
                    Arns.Add(task.TaskDefinitionArn);
                    Families.Add(task.Family);
                }

                Environment["STAGE"] = "prod";
                Imported.Add(TaskDefinition.FromTaskDefinitionArn(this, "Imported", "arn:aws:ecs:eu-west-1:123456789012:task-definition/legacy:3").TaskDefinitionArn);
            }

            public List<string> Imported { get; } = new();

            public Dictionary<string, string> Environment { get; } = new();

            public List<string> Arns { get; } = new();

            public List<string> Families { get; } = new();

            public void Own()
                => new CfnOutput(this, "Own", new CfnOutputProps { Value = Fn.Join(",", Arns.ToArray()) });
        }

        """;

    private static DiagnosticResult Expected(int location, string member)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'JobsStack'", "SchedulerStack");

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                JobsStack + """
                public class SchedulerStack : Stack
                {
                    public SchedulerStack(Construct scope, string id, JobsStack jobs) : base(scope, id)
                    {
                        BODY
                    }
                }
                """.Replace("BODY", body, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    [Fact]
    public Task CollectionGivenToAConstruct_Triggers()
        => VerifyAsync(
            """
            new Function(this, "Scheduler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x"), Environment = {|#0:jobs.Environment|} });
                    new CfnOutput(this, "Arns", new CfnOutputProps { Value = Fn.Join(",", {|#1:jobs.Arns|}.ToArray()) });
                    new CfnOutput(this, "First", new CfnOutputProps { Value = {|#2:jobs.Arns|}[0] });
            """,
            Expected(0, "Environment"),
            Expected(1, "Arns"),
            Expected(2, "Arns"));

    /// <summary>
    /// An element by key of a collection that also holds other values (<c>["STAGE"] = "prod"</c>), a collection of
    /// stable values or of an imported reference's ARN, a use that stays in .NET code, one handed to a stack's
    /// constructor (whose own code is checked), and the owner's own use: silent.
    /// </summary>
    [Fact]
    public Task ElementsThatMayBeOthers_StableCollections_AndUsesInCode_DoNotTrigger()
        => Verify.VerifyAsync(
            new[]
            {
                JobsStack + """
                public class SchedulerStack : Stack
                {
                    public SchedulerStack(Construct scope, string id, JobsStack jobs) : base(scope, id)
                    {
                        new CfnOutput(this, "Stage", new CfnOutputProps { Value = jobs.Environment["STAGE"] });
                        new CfnOutput(this, "Families", new CfnOutputProps { Value = Fn.Join(",", jobs.Families.ToArray()) });
                        new CfnOutput(this, "Count", new CfnOutputProps { Value = jobs.Arns.Count.ToString() });
                        new CfnOutput(this, "Imported", new CfnOutputProps { Value = Fn.Join(",", jobs.Imported.ToArray()) });
                        if (jobs.Environment.ContainsKey("INGEST_ARN"))
                        {
                            new CfnOutput(this, "Has", new CfnOutputProps { Value = "yes" });
                        }
                    }
                }

                public static class Wiring
                {
                    public static void Build(App app)
                    {
                        var jobs = new JobsStack(app, "Jobs");
                        new ConsumerStack(app, "Consumer", new ConsumerProps { Arns = jobs.Arns });
                    }
                }

                public class ConsumerProps : StackProps
                {
                    public IList<string> Arns { get; init; } = null!;
                }

                public class ConsumerStack : Stack
                {
                    public ConsumerStack(Construct scope, string id, ConsumerProps props) : base(scope, id, props)
                    {
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null);
}
