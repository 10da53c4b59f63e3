using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// Fix All for ICDK001. The SSM fixes share one edit, the helper: it is added once per project, however many
/// documents and sites are fixed. The family fix is a plain batch of independent replacements.
/// </summary>
internal sealed class CrossStackFixAllProvider : FixAllProvider
{
    public static readonly CrossStackFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey == CrossStackVolatileReferenceFixer.FamilyEquivalenceKey)
        {
            return WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
        }

        return Task.FromResult<CodeAction?>(CodeAction.Create(
            "Pass every flagged value through an SSM parameter",
            async cancellationToken =>
            {
                var diagnostics = await FixAllDiagnostics.ByDocumentAsync(fixAllContext).ConfigureAwait(false);
                var work = new List<(DocumentId, IReadOnlyList<CrossStackFixPlan>)>();
                foreach (var (document, documentDiagnostics) in diagnostics)
                {
                    var plans = new List<CrossStackFixPlan>();
                    foreach (var diagnostic in documentDiagnostics)
                    {
                        var plan = await CrossStackFixPlan.CreateAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false);
                        if (plan?.HelperMethod is not null)
                        {
                            plans.Add(plan);
                        }
                    }

                    work.Add((document.Id, plans));
                }

                return await CrossStackFixWriter.ApplySsmAsync(fixAllContext.Solution, work, cancellationToken).ConfigureAwait(false);
            },
            CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey));
    }
}
