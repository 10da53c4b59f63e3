using System.Collections.Generic;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// Fix All for ICDK002. Declaring a member's concrete type is one edit however many accesses need it, so the
/// accesses are grouped; the family literal is a plain batch of independent replacements.
/// </summary>
internal sealed class TaskDefinitionMemberFixAllProvider : FixAllProvider
{
    public static readonly TaskDefinitionMemberFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
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
}
