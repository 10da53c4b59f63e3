using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// Fix All for the fixes that go through <c>CrossStackParameters</c> (ICDK001's SSM fix, ICDK003's pinning). They share
/// one edit, the helper: it is added once per project, however many documents and sites are fixed. Other keys fall
/// back to a plain batch of independent replacements.
/// </summary>
internal sealed class CrossStackFixAllProvider : FixAllProvider
{
    public static readonly CrossStackFixAllProvider ForCrossStackReferences = new(
        (CrossStackFixPlan.CreateAsync, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey, "Pass every flagged value through an SSM parameter"),
        (CrossStackFixPlan.CreateFamilyAsync, CrossStackVolatileReferenceFixer.FamilyEquivalenceKey, "Use the family of every flagged task definition"));

    public static readonly CrossStackFixAllProvider ForFamilyReferences = new(
        ((document, diagnostic, cancellationToken) => CrossStackFixPlan.CreatePinAsync(document, diagnostic.Location.SourceSpan, cancellationToken), UnpinnedFamilyReferenceFixer.PinRevisionEquivalenceKey, "Pin every flagged task definition to its revision"));

    private readonly (Func<Document, Diagnostic, CancellationToken, Task<CrossStackFixPlan?>> Planner, string EquivalenceKey, string Title)[] _fixes;

    private CrossStackFixAllProvider(params (Func<Document, Diagnostic, CancellationToken, Task<CrossStackFixPlan?>> Planner, string EquivalenceKey, string Title)[] fixes)
    {
        _fixes = fixes;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        var fix = Array.Find(_fixes, candidate => candidate.EquivalenceKey == fixAllContext.CodeActionEquivalenceKey);
        if (fix.Planner is null)
        {
            return WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext);
        }

        return Task.FromResult<CodeAction?>(CodeAction.Create(
            fix.Title,
            async cancellationToken =>
            {
                // Documents are planned in parallel (they share the compilation and its CDK model); the order of the
                // work stays the documents' order, so the helper lands in the same file every time.
                var work = await Task.WhenAll((await FixAllDiagnostics.ByDocumentAsync(fixAllContext).ConfigureAwait(false)).Select(async item =>
                {
                    var plans = new List<CrossStackFixPlan>();
                    foreach (var diagnostic in item.Diagnostics)
                    {
                        var plan = await fix.Planner(item.Document, diagnostic, cancellationToken).ConfigureAwait(false);
                        if (plan is not null && (plan.HelperMethod is not null || plan.DirectReplacement is not null))
                        {
                            plans.Add(plan);
                        }
                    }

                    return (item.Document.Id, (IReadOnlyList<CrossStackFixPlan>)plans);
                })).ConfigureAwait(false);

                return await CrossStackFixWriter.ApplySsmAsync(fixAllContext.Solution, work, cancellationToken).ConfigureAwait(false);
            },
            fix.EquivalenceKey));
    }
}
