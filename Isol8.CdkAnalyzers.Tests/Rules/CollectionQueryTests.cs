using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// Another stack's collection read through LINQ or <c>List</c> queries: an element a query picks, a lambda a query
/// calls with each element, a query that filters or copies on the way. The synthesized proof (each read imports the
/// task definition, and the SSM fix deploys) is in <c>CrossStackVolatileReferenceFixSynthesisTests</c>'
/// <c>ElementOfAnotherStacks…Member</c> theories.
/// </summary>
public class CollectionQueryTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Linq;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.IAM;
        using Constructs;

        """;

    private const string PoolStack = """
        public class PoolStack : Stack
        {
            public PoolStack(Construct scope, string id) : base(scope, id)
            {
                foreach (var name in new[] { "api", "worker" })
                {
                    var task = new FargateTaskDefinition(this, name);
                    Workers.Add(task);
                    ByName[name] = task;
                }

                Tasks = new[] { new FargateTaskDefinition(this, "A"), new FargateTaskDefinition(this, "B") };
            }

            public List<FargateTaskDefinition> Workers { get; } = new();

            public Dictionary<string, FargateTaskDefinition> ByName { get; } = new();

            public FargateTaskDefinition[] Tasks { get; }

            public string[] Own() => Workers.Select(w => w.TaskDefinitionArn).ToArray();
        }
        """;

    private static DiagnosticResult Expected(int location, string member = "TaskDefinitionArn")
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'PoolStack'", "ReaderStack");

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                Usings + PoolStack,
                Usings + """
                public class ReaderProps : StackProps
                {
                    public PoolStack Pool { get; init; } = null!;

                    public IReadOnlyList<ITaskDefinition> Watched { get; init; } = null!;
                }

                public class ReaderStack : Stack
                {
                    public ReaderStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                    {
                        var role = new Role(this, "Role", new RoleProps { AssumedBy = new ServicePrincipal("events.amazonaws.com") });
                        var pool = props.Pool;
                        BODY
                    }

                    private static string Each(IEnumerable<ITaskDefinition> tasks, System.Func<ITaskDefinition, string> read) => string.Join(",", tasks.Select(read));
                }
                """.Replace("BODY", body, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    [Fact]
    public Task ProjectedByALambdaOverAnotherStacksCollection_Triggers()
        => VerifyAsync(
            """
            role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ecs:RunTask" }, Resources = pool.Workers.Select(w => {|#0:w.TaskDefinitionArn|}).ToArray() }));
                    role.AddToPolicy(new PolicyStatement(new PolicyStatementProps { Actions = new[] { "ecs:RunTask" }, Resources = pool.Tasks.Where(t => t.Node.Id != "A").OrderBy(t => t.Node.Id).Select(t => {|#1:t.TaskDefinitionArn|}).ToArray() }));
                    var arns = props.Watched.ToDictionary(t => t.Node.Id, t => {|#2:t.TaskDefinitionArn|});
                    pool.Workers.ForEach(w => new CfnOutput(this, w.Node.Id, new CfnOutputProps { Value = {|#3:w.TaskDefinitionArn|} }));
                    var byKey = pool.ByName.Select(pair => {|#4:pair.Value.TaskDefinitionArn|}).ToList();
                    var byValue = pool.ByName.Values.Select(td => {|#5:td.TaskDefinitionArn|}).ToList();
            """,
            Expected(0),
            Expected(1),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2).WithArguments("TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "ReaderStack"),
            Expected(3),
            Expected(4),
            Expected(5));

    [Fact]
    public Task PickedByAQueryFromAnotherStacksCollection_Triggers()
        => VerifyAsync(
            """
            new CfnOutput(this, "First", new CfnOutputProps { Value = {|#0:pool.Workers.First().TaskDefinitionArn|} });
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = {|#1:pool.ByName.Values.Single(t => t.Node.Id == "api").TaskDefinitionArn|} });
                    new CfnOutput(this, "Found", new CfnOutputProps { Value = {|#2:pool.Workers.Find(w => w.Node.Id == "worker")!.TaskDefinitionArn|} });
                    new CfnOutput(this, "Last", new CfnOutputProps { Value = {|#3:pool.Tasks.Skip(1).LastOrDefault()?.TaskDefinitionArn|} ?? "" });
                    foreach (var task in pool.Workers.Where(w => w.Node.Id != "api"))
                    {
                        new CfnOutput(this, "Each" + task.Node.Id, new CfnOutputProps { Value = {|#4:task.TaskDefinitionArn|} });
                    }
            """,
            Expected(0),
            Expected(1),
            Expected(2),
            Expected(3),
            Expected(4));

    /// <summary>
    /// The owner's own query (<c>PoolStack.Own</c>), a query over this stack's own constructs, an aggregate's running
    /// value that is this stack's own, and a read that stays in .NET code: silent.
    /// </summary>
    [Fact]
    public Task QueriesOverOwnElementsOrKeptInCode_DoNotTrigger()
        => VerifyAsync(
            """
            var own = new FargateTaskDefinition(this, "Own");
                    var first = new[] { own, new FargateTaskDefinition(this, "Other") }.Select(t => t.TaskDefinitionArn).First();
                    var folded = pool.Workers.Aggregate<FargateTaskDefinition, ITaskDefinition>(own, (acc, w) =>
                    {
                        new CfnOutput(this, "Acc" + w.Node.Id, new CfnOutputProps { Value = acc.TaskDefinitionArn });
                        return acc;
                    });
                    var count = pool.Workers.Count(w => w.TaskDefinitionArn.Length > 0);
            """);

    /// <summary>
    /// Where the model cannot place the elements, it stays silent: a projection's result, a lambda given to the app's
    /// own method (it may call it with anything).
    /// </summary>
    [Fact]
    public Task QueriesWhoseElementsAreNotKnown_DoNotTrigger()
        => VerifyAsync(
            """
            var projected = pool.Workers.Select(w => (ITaskDefinition)w).Select(t => t.TaskDefinitionArn).ToList();
                    var each = Each(pool.Workers, t => t.TaskDefinitionArn);
            """);

    /// <summary>A collection that a class other than its own adds to holds what the model cannot see: silent.</summary>
    [Fact]
    public Task CollectionFilledFromOutsideItsClass_DoesNotTrigger()
        => VerifyAsync(
            """
            pool.Workers.Add(new FargateTaskDefinition(this, "Mine"));
                    var arns = pool.Workers.Select(w => w.TaskDefinitionArn).ToList();
                    new CfnOutput(this, "First", new CfnOutputProps { Value = pool.Workers.First().TaskDefinitionArn });
            """);
}
