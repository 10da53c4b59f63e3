using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.CodeFixes.Rules;

/// <summary>
/// ICDK003: pin the revision where the task definition's owner is known. <c>taskDef.Family</c> becomes the ARN:
/// through the SSM helper (the ICDK001 fix) when another stack owns the task definition, directly when the same one does.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnpinnedFamilyReferenceFixer))]
[Shared]
public sealed class UnpinnedFamilyReferenceFixer : CodeFixProvider
{
    public const string PinRevisionEquivalenceKey = "ICDK003.PinRevision";

    /// <summary>Fix All, with the recommended fix when it is asked for none (<c>dotnet format analyzers</c>).</summary>
    private static readonly FixAllProvider FixAll = new RecommendedFixAllProvider(CrossStackFixAllProvider.ForFamilyReferences, PinRevisionEquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnpinnedFamilyReference);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = await CrossStackFixPlan.CreatePinAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (plan is null || (plan.HelperMethod is null && plan.DirectReplacement is null))
            {
                continue;
            }

            var title = plan.HelperMethod is null ? "Pin the revision: use the task definition ARN" : "Pin the revision: pass the task definition ARN through an SSM parameter";
            context.RegisterCodeFix(
                CrossStackFixWriter.Action(title, context.Document, plan, PinRevisionEquivalenceKey),
                diagnostic);
        }
    }
}
