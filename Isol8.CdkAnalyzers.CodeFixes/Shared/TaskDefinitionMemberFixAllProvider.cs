using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// Fix All for ICDK002. Declaring a member's concrete type is one edit however many accesses need it, so the
/// accesses are grouped; the declared family goes through the cross-stack helper, added once per project.
/// </summary>
internal sealed class TaskDefinitionMemberFixAllProvider : FixAllProvider
{
    public static readonly TaskDefinitionMemberFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey == TaskDefinitionInterfaceMemberFixer.DeclaredFamilyEquivalenceKey)
        {
            // One edit shared by every site: the helper, added once per project.
            return Task.FromResult<CodeAction?>(CodeAction.Create(
                "Use the declared family everywhere",
                async cancellationToken => await TaskDefinitionInterfaceMemberFixer.UseDeclaredFamiliesAsync(fixAllContext.Solution, await PlansAsync(fixAllContext, plan => plan.DeclaredFamily is not null, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
                TaskDefinitionInterfaceMemberFixer.DeclaredFamilyEquivalenceKey));
        }

        if (fixAllContext.CodeActionEquivalenceKey != TaskDefinitionInterfaceMemberFixer.ConcreteTypeEquivalenceKey)
        {
            return WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
        }

        return Task.FromResult<CodeAction?>(CodeAction.Create(
            "Declare every such member with its concrete task definition type",
            async cancellationToken =>
            {
                var work = new List<(DocumentId, TaskDefinitionMemberFixPlan)>();
                foreach (var (document, diagnostics) in await FixAllDiagnostics.ByDocumentAsync(fixAllContext).ConfigureAwait(false))
                {
                    foreach (var diagnostic in diagnostics)
                    {
                        var plan = await TaskDefinitionMemberFixPlan.CreateAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
                        if (plan?.ConcreteType is not null)
                        {
                            work.Add((document.Id, plan));
                        }
                    }
                }

                return await TaskDefinitionInterfaceMemberFixer.ExposeConcreteTypesAsync(fixAllContext.Solution, work, cancellationToken).ConfigureAwait(false);
            },
            TaskDefinitionInterfaceMemberFixer.ConcreteTypeEquivalenceKey));
    }

    private static async Task<IReadOnlyList<(DocumentId, TaskDefinitionMemberFixPlan)>> PlansAsync(FixAllContext fixAllContext, System.Func<TaskDefinitionMemberFixPlan, bool> fixable, CancellationToken cancellationToken)
    {
        var work = new List<(DocumentId, TaskDefinitionMemberFixPlan)>();
        foreach (var (document, diagnostics) in await FixAllDiagnostics.ByDocumentAsync(fixAllContext).ConfigureAwait(false))
        {
            foreach (var diagnostic in diagnostics)
            {
                var plan = await TaskDefinitionMemberFixPlan.CreateAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
                if (plan is not null && fixable(plan))
                {
                    work.Add((document.Id, plan));
                }
            }
        }

        return work;
    }
}
