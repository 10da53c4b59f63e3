using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// <c>dotnet format analyzers --diagnostics ID</c> starts Fix All from the first diagnostic it finds. When that one
/// has no fix, every rule's Fix All still fixes the others with the recommended fix and leaves the unfixable one.
/// </summary>
public class FixAllSkipsUnfixableTests
{
    private static async Task AssertFixesTheRestAsync(CodeFixProvider fixer, string id, int unfixable, params string[] sources)
        => await AssertFixesTheRestAsync(fixer, id, unfixable, compilerErrorsLeft: 0, sources);

    private static async Task AssertFixesTheRestAsync(CodeFixProvider fixer, string id, int unfixable, int compilerErrorsLeft, params string[] sources)
    {
        using var workspace = new WorkspaceFixer(sources);
        var before = (await workspace.DiagnosticsAsync(id)).Length;
        Assert.True(before > unfixable, "The app must have fixable diagnostics too.");

        Assert.True(await workspace.FixAllLikeDotnetFormatAsync(fixer, id), "Fix All returned no action.");
        Assert.Equal(unfixable, (await workspace.DiagnosticsAsync(id)).Length);
        Assert.Equal(compilerErrorsLeft, (await workspace.CompilationAsync()).GetDiagnostics().Count(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
    }

    [Fact]
    public Task ICDK001_FirstDiagnosticHasNoFix_TheOthersAreFixed()
        => AssertFixesTheRestAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, 1, CdkSources.Usings + CdkSources.ContainerStack + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new FargateService(this, "Service", new FargateServiceProps { Cluster = new Cluster(this, "Cluster"), TaskDefinition = container.TaskDef });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }
            """);

    [Fact]
    public Task ICDK003_FirstDiagnosticHasNoFix_TheOthersAreFixed()
        => AssertFixesTheRestAsync(new UnpinnedFamilyReferenceFixer(), DiagnosticIds.UnpinnedFamilyReference, 1, CdkSources.Usings + CdkSources.ContainerStack + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["LITERAL_TASK_DEFINITION"] = "isol8-openclaw",
                        ["OPENCLAW_TASK_DEFINITION"] = container.TaskDef.Family,
                    };
                }
            }
            """);

    /// <summary>ICDK002 on an imported task definition has no fix (its family is unknown); the declared one is fixed.</summary>
    [Fact]
    public Task ICDK002_FirstDiagnosticHasNoFix_TheOthersAreFixed()
        => AssertFixesTheRestAsync(new TaskDefinitionInterfaceMemberFixer(), DiagnosticIds.TaskDefinitionInterfaceMember, 1, compilerErrorsLeft: 1, CdkSources.Usings + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    Imported = TaskDefinition.FromTaskDefinitionArn(this, "Imported", "arn:aws:ecs:eu-west-1:123456789012:task-definition/other:3");
                    Declared = new FargateTaskDefinition(this, "Declared", new FargateTaskDefinitionProps { Family = "isol8-declared" });
                }

                public ITaskDefinition Imported { get; }

                public ITaskDefinition Declared { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var imported = container.Imported.Family;
                    var declared = container.Declared.Family;
                }
            }
            """);
}
