using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A collection member its class builds in a local and then keeps (<c>var tasks = new List&lt;…&gt;(); … tasks.Add(td);
/// Tasks = tasks;</c>): its elements are what the local started with and what was added through it. The synthesized
/// proof is <c>CrossStackVolatileReferenceSynthesisTests.CollectionsBuiltInALocal_AreImportedWhereRead_AndReportedThere</c>.
/// </summary>
public class CollectionBuiltInALocalTests
{
    private const string PoolStack = """
        public class WorkerPool : Construct
        {
            public WorkerPool(Construct scope, string id, string[] names, List<FargateTaskDefinition> given) : base(scope, id)
            {
                var tasks = new List<FargateTaskDefinition>();
                var byName = new Dictionary<string, FargateTaskDefinition> { ["seed"] = new FargateTaskDefinition(this, "Seed") };
                var reassigned = new List<FargateTaskDefinition>();
                var handed = new List<FargateTaskDefinition>();
                var keptTwice = new List<FargateTaskDefinition>();
                var copied = new List<FargateTaskDefinition>(given);
                foreach (var name in names)
                {
                    var taskDef = new FargateTaskDefinition(this, name);
                    tasks.Add(taskDef);
                    byName[name] = taskDef;
                    reassigned.Add(taskDef);
                    handed.Add(taskDef);
                    keptTwice.Add(taskDef);
                    copied.Add(taskDef);
                }

                Tasks = tasks;
                ByName = byName;
                reassigned = given;
                Reassigned = reassigned;
                Fill(handed);
                Handed = handed;
                KeptTwice = keptTwice;
                Registry.All = keptTwice;
                Copied = copied;
                Pinned = new[] { new FargateTaskDefinition(this, "Pinned") };
                Typed = new FargateTaskDefinition[] { new FargateTaskDefinition(this, "Typed") };
                Sized = new FargateTaskDefinition[1];
            }

            public IReadOnlyList<FargateTaskDefinition> Tasks { get; }

            public FargateTaskDefinition Primary => Tasks[0];

            public IReadOnlyDictionary<string, FargateTaskDefinition> ByName { get; }

            public IReadOnlyList<FargateTaskDefinition> Reassigned { get; }

            public IReadOnlyList<FargateTaskDefinition> Handed { get; }

            public IReadOnlyList<FargateTaskDefinition> KeptTwice { get; }

            public IReadOnlyList<FargateTaskDefinition> Copied { get; }

            public IReadOnlyList<FargateTaskDefinition> Pinned { get; }

            public IReadOnlyList<FargateTaskDefinition> Typed { get; }

            public IList<FargateTaskDefinition> Sized { get; }

            private static void Fill(List<FargateTaskDefinition> list) => list.Clear();
        }

        public static class Registry
        {
            public static List<FargateTaskDefinition> All { get; set; } = new();
        }

        public class ComputeStack : Stack
        {
            public ComputeStack(Construct scope, string id, List<FargateTaskDefinition> given) : base(scope, id)
            {
                Pool = new WorkerPool(this, "Pool", new[] { "api", "jobs" }, given);
                new CfnOutput(this, "Own", new CfnOutputProps { Value = Pool.Tasks[0].TaskDefinitionArn });
            }

            public WorkerPool Pool { get; }
        }
        """;

    private static DiagnosticResult Expected(int location)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments("TaskDefinitionArn", "stack 'ComputeStack'", "ReaderStack");

    /// <summary>
    /// Read by index, through a member that reads one, by key, or in a loop, and an array kept as a collection
    /// (<c>Pinned = new[] { … }</c>): each element is the pool's stack's.
    /// </summary>
    [Fact]
    public Task ElementsOfACollectionFilledInALocalAndKept_Trigger()
        => VerifyAsync(
            """
            Out("First", {|#0:compute.Pool.Tasks[0].TaskDefinitionArn|});
                    Out("Primary", {|#1:compute.Pool.Primary.TaskDefinitionArn|});
                    Out("Seed", {|#2:compute.Pool.ByName["seed"].TaskDefinitionArn|});
                    foreach (var task in compute.Pool.Tasks)
                    {
                        Out(task.Node.Id, {|#3:task.TaskDefinitionArn|});
                    }

                    Out("Pinned", {|#4:compute.Pool.Pinned[0].TaskDefinitionArn|});
                    Out("Typed", {|#5:compute.Pool.Typed[0].TaskDefinitionArn|});
            """,
            Expected(0),
            Expected(1),
            Expected(2),
            Expected(3),
            Expected(4),
            Expected(5));

    /// <summary>
    /// Silent where the local may hold what the model cannot see: set again, handed to a call, kept somewhere else
    /// too, or copied from a collection the pool was given; and an array created empty, filled elsewhere.
    /// </summary>
    [Fact]
    public Task ElementsOfALocalSetAgainHandedOnKeptTwiceOrCopied_DoNotTrigger()
        => VerifyAsync(
            """
            Out("Reassigned", compute.Pool.Reassigned[0].TaskDefinitionArn);
                    Out("Handed", compute.Pool.Handed[0].TaskDefinitionArn);
                    Out("KeptTwice", compute.Pool.KeptTwice[0].TaskDefinitionArn);
                    Out("Copied", compute.Pool.Copied[0].TaskDefinitionArn);
                    Out("Sized", compute.Pool.Sized[0].TaskDefinitionArn);
            """);

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + PoolStack,
                CdkSources.Usings + CdkSources.ConsumerStack("ReaderStack", "ComputeStack compute", body),
            },
            withCdk: true,
            editorConfig: null,
            expected);
}
