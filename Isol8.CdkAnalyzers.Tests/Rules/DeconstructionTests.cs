using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A tuple literal deconstructed into locals (<c>var (worker, name) = (props.Compute.Worker, "worker");</c>): each local
/// holds the element in its place, as a local set to it would. A deconstruction of anything but a tuple literal (a
/// method's tuple, a type's <c>Deconstruct</c>) is not followed.
/// </summary>
public class DeconstructionTests
{
    [Fact]
    public Task TupleLiteralDeconstructedIntoLocals_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class ReaderProps : StackProps
                {
                    public ContainerStack Container { get; init; } = null!;
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ReaderProps props) : base(scope, id, props)
                    {
                        var (worker, name) = (props.Container.TaskDef, "worker");
                        new CfnOutput(this, name, new CfnOutputProps { Value = {|#0:worker.TaskDefinitionArn|} });
                        (ITaskDefinition other, var label) = (props.Container.TaskDef, "other");
                        new CfnOutput(this, label, new CfnOutputProps { Value = {|#1:other.TaskDefinitionArn|} });
                        var (own, ownName) = (new FargateTaskDefinition(this, "Own"), "own");
                        new CfnOutput(this, ownName, new CfnOutputProps { Value = own.TaskDefinitionArn });
                        var (made, madeName) = Make(props);
                        new CfnOutput(this, madeName, new CfnOutputProps { Value = made.TaskDefinitionArn });
                    }

                    private static (ITaskDefinition, string) Make(ReaderProps props) => (props.Container.TaskDef, "made");
                }
                """,
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(1).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));
}
