using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// Code in a nested stack: its parent's values reach it as nested-stack parameters, but a construct of an unrelated
/// top-level stack is imported into the nested template directly. The nested stack's parent is the one stack class
/// that creates it with <c>this</c>. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.NestedStack_ImportsFromAnUnrelatedStack_NotFromItsParent</c>.
/// </summary>
public class NestedStackConsumerTests
{
    /// <summary>A nested stack class <c>Inner</c> reading <c>container</c>'s ARN, created by <paramref name="creations"/>, with <paramref name="declarations"/> beside it.</summary>
    private static Task VerifyAsync(string creations, string declarations, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class Inner : NestedStack
                {
                    public Inner(Construct scope, string id, ContainerStack container) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = READ });
                    }
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                    {
                        CREATIONS
                    }
                }
                """.Replace("READ", expected.Length > 0 ? "{|#0:container.TaskDef.TaskDefinitionArn|}" : "container.TaskDef.TaskDefinitionArn", System.StringComparison.Ordinal)
                    .Replace("CREATIONS", creations, System.StringComparison.Ordinal) + declarations,
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            expected);

    [Fact]
    public Task CreatedByAnUnrelatedStack_ReadingAnotherStack_Triggers()
        => VerifyAsync(
            """new Inner(this, "Inner", container);""",
            string.Empty,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "Inner"));

    /// <summary>Its parent cannot be told: created under a scope other than <c>this</c>, by two stack classes, or subclassed.</summary>
    [Theory]
    [InlineData("new Inner(new Construct(this, \"Group\"), \"Inner\", container);", "")]
    [InlineData("new Inner(this, \"Inner\", container);", "public class OtherStack : Stack { public OtherStack(Construct scope, string id, ContainerStack container) : base(scope, id) { new Inner(this, \"Inner\", container); } }")]
    [InlineData("new Inner(this, \"Inner\", container);", "public class Derived : Inner { public Derived(Construct scope, string id, ContainerStack container) : base(scope, id, container) { } }")]
    public Task ParentUnknown_DoesNotTrigger(string creations, string declarations)
        => VerifyAsync(creations, declarations);

    /// <summary>Created by the owner's own class: the value is a nested-stack parameter, not an import.</summary>
    [Fact]
    public Task CreatedByTheOwnersClass_DoesNotTrigger()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class Inner : NestedStack
                {
                    public Inner(Construct scope, string id, OwnerStack owner) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = owner.TaskDef.TaskDefinitionArn });
                    }
                }

                public class OwnerStack : Stack
                {
                    public OwnerStack(Construct scope, string id) : base(scope, id)
                    {
                        TaskDef = new FargateTaskDefinition(this, "TaskDef");
                        new Inner(this, "Inner", this);
                    }

                    public FargateTaskDefinition TaskDef { get; }
                }
                """,
            },
            withCdk: true,
            editorConfig: null);
}
