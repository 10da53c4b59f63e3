using System.Linq;
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
    /// A lazy query kept in a local and read later (looped over, an element picked from it) yields the collection's
    /// elements; a copy kept in a local (<c>ToList</c>, <c>ToArray</c>) may be added to through it: silent, even when
    /// nothing is added.
    /// </summary>
    [Fact]
    public Task QueryKeptInALocal_TriggersWhenLazy()
        => VerifyAsync(
            """
            var running = pool.ByName.Values.Where(t => t.Node.Id != "api").OrderBy(t => t.Node.Id);
                    foreach (var task in running)
                    {
                        new CfnOutput(this, "Each" + task.Node.Id, new CfnOutputProps { Value = {|#0:task.TaskDefinitionArn|} });
                    }

                    var first = running.First();
                    new CfnOutput(this, "First", new CfnOutputProps { Value = {|#1:first.TaskDefinitionArn|} });
                    var copy = pool.Workers.Where(w => w.Node.Id != "api").ToList();
                    copy.Add(new FargateTaskDefinition(this, "Mine"));
                    new CfnOutput(this, "Copied", new CfnOutputProps { Value = copy.Last().TaskDefinitionArn });
                    var array = pool.Workers.ToArray();
                    new CfnOutput(this, "Array", new CfnOutputProps { Value = array.First().TaskDefinitionArn });
            """,
            Expected(0),
            Expected(1));

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

    private const string PlatformStack = """
        public class Service : Construct
        {
            public Service(Construct scope, string id) : base(scope, id) => Task = new FargateTaskDefinition(this, "Task");

            public FargateTaskDefinition Task { get; }
        }

        public class PlatformStack : Stack
        {
            public PlatformStack(Construct scope, string id, string[] names, ITaskDefinition[] received) : base(scope, id)
            {
                Services = names.Select(name => new Service(this, name)).ToList();
                Tasks = names.Select(name => NewTask(name)).ToArray();
                ByName = names.ToDictionary(name => name, name => NewTask("ByName" + name));
                Sorted = names.Select(name => NewTask("Sorted" + name)).OrderBy(task => task.Node.Id).ToList();
                Built = names.Select(name =>
                {
                    var task = NewTask("Built" + name);
                    return task;
                }).ToArray();
                Indexed = names.Select(name => NewTask("Indexed" + name)).ToDictionary(task => task.Node.Id);
                Copied = received.ToList();
                Grouped = names.Select(NewTask).ToArray();
                Mixed = names.Select(name => name == "a" ? NewTask("Mixed" + name) : received[0]).ToList();
            }

            public IReadOnlyList<Service> Services { get; }

            public FargateTaskDefinition[] Tasks { get; }

            public IReadOnlyDictionary<string, FargateTaskDefinition> ByName { get; }

            public IReadOnlyList<FargateTaskDefinition> Sorted { get; }

            public FargateTaskDefinition[] Built { get; }

            public IReadOnlyDictionary<string, FargateTaskDefinition> Indexed { get; }

            public IReadOnlyList<ITaskDefinition> Copied { get; }

            public FargateTaskDefinition[] Grouped { get; }

            public IReadOnlyList<ITaskDefinition> Mixed { get; }

            private FargateTaskDefinition NewTask(string id) => new FargateTaskDefinition(this, id);
        }
        """;

    private static Task VerifyPlatformAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                Usings + PlatformStack,
                Usings + CdkSources.ConsumerStack("ReaderStack", "PlatformStack platform", body),
            },
            withCdk: true,
            editorConfig: null,
            expected.Select(result => result.WithArguments("TaskDefinitionArn", "stack 'PlatformStack'", "ReaderStack")).ToArray());

    /// <summary>A collection member the owner builds with LINQ from its configuration: the lambda's values are its elements (a <c>ToDictionary</c> with no element selector keeps them).</summary>
    [Fact]
    public Task CollectionsTheOwnerBuildsWithLinq_Trigger()
        => VerifyPlatformAsync(
            """
            new CfnOutput(this, "Services", new CfnOutputProps { Value = Fn.Join(",", platform.Services.Select(service => {|#0:service.Task.TaskDefinitionArn|}).ToArray()) });
                    new CfnOutput(this, "Task", new CfnOutputProps { Value = {|#1:platform.Tasks[0].TaskDefinitionArn|} });
                    new CfnOutput(this, "ByName", new CfnOutputProps { Value = {|#2:platform.ByName["b"].TaskDefinitionArn|} });
                    new CfnOutput(this, "Sorted", new CfnOutputProps { Value = {|#3:platform.Sorted[0].TaskDefinitionArn|} });
                    new CfnOutput(this, "Built", new CfnOutputProps { Value = {|#4:platform.Built.First().TaskDefinitionArn|} });
                    new CfnOutput(this, "Indexed", new CfnOutputProps { Value = {|#5:platform.Indexed["Indexeda"].TaskDefinitionArn|} });
            """,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(1),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(3),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(4),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(5));

    /// <summary>A copy of what the stack received, a method group, a lambda whose values disagree: elements of unknown owner, silent.</summary>
    [Fact]
    public Task CollectionsBuiltFromWhatTheModelCannotPlace_DoNotTrigger()
        => VerifyPlatformAsync(
            """
            new CfnOutput(this, "Copied", new CfnOutputProps { Value = platform.Copied[0].TaskDefinitionArn });
                    new CfnOutput(this, "Grouped", new CfnOutputProps { Value = platform.Grouped[0].TaskDefinitionArn });
                    new CfnOutput(this, "Mixed", new CfnOutputProps { Value = platform.Mixed[0].TaskDefinitionArn });
            """);
}
