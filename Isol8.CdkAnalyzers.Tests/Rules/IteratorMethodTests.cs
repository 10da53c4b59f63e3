using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A <c>foreach</c> over a source iterator's call (<c>foreach (var task in core.All())</c>, where <c>All</c> yields
/// the stack's task definitions): each element is owned where every <c>yield return</c> agrees, relative to the call,
/// as a method's result is. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.CollectionsBuiltInALocal_AreImportedWhereRead_AndReportedThere</c>.
/// </summary>
public class IteratorMethodTests
{
    private const string CoreStack = """
        public class CoreStack : Stack
        {
            private readonly ITaskDefinition _given;

            public CoreStack(Construct scope, string id, ITaskDefinition given) : base(scope, id)
            {
                Worker = new FargateTaskDefinition(this, "Worker");
                Batch = new FargateTaskDefinition(this, "Batch");
                _given = given;
                foreach (var own in All())
                {
                    new CfnOutput(this, "Own" + own.Node.Id, new CfnOutputProps { Value = own.TaskDefinitionArn });
                }
            }

            public FargateTaskDefinition Worker { get; }

            public FargateTaskDefinition Batch { get; }

            public IEnumerable<ITaskDefinition> All()
            {
                yield return Worker;
                if (Batch is not null)
                {
                    yield return Batch;
                }
            }

            public IEnumerable<ITaskDefinition> WithGiven()
            {
                yield return Worker;
                if (_given is not null)
                {
                    yield return _given;
                }
            }

            public virtual IEnumerable<ITaskDefinition> Overridable()
            {
                yield return Worker;
            }

            public IEnumerable<ITaskDefinition> Lazily() => new[] { Worker }.Where(task => task is not null);
        }
        """;

    [Fact]
    public Task LoopOverAnotherStacksIterator_Triggers()
        => VerifyAsync(
            """
            foreach (var task in core.All())
                    {
                        Out(task.Node.Id, {|#0:task.TaskDefinitionArn|});
                    }
            """,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'CoreStack'", "ReaderStack"));

    /// <summary>Silent for an iterator that also yields what its stack received, a virtual one, and a method that returns a query.</summary>
    [Fact]
    public Task LoopOverAnIteratorYieldingOtherwise_DoesNotTrigger()
        => VerifyAsync(
            """
            foreach (var task in core.WithGiven())
                    {
                        Out(task.Node.Id + "Given", task.TaskDefinitionArn);
                    }

                    foreach (var task in core.Overridable())
                    {
                        Out(task.Node.Id + "Overridable", task.TaskDefinitionArn);
                    }

                    foreach (var task in core.Lazily())
                    {
                        Out(task.Node.Id + "Lazily", task.TaskDefinitionArn);
                    }
            """);

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + "using System.Linq;\n" + CoreStack,
                CdkSources.Usings + CdkSources.ConsumerStack("ReaderStack", "CoreStack core", body),
            },
            withCdk: true,
            editorConfig: null,
            expected);
}
