using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.CodeFixes.Rules;

/// <summary>
/// ICDK001 fixes. First (recommended): pass the value through an SSM parameter published by the owner's stack.
/// Second, for a task definition ARN used as a string: use the family, which resolves to the latest ACTIVE revision.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CrossStackVolatileReferenceFixer))]
[Shared]
public sealed class CrossStackVolatileReferenceFixer : CodeFixProvider
{
    public const string SsmParameterEquivalenceKey = "ICDK001.SsmParameter";
    public const string FamilyEquivalenceKey = "ICDK001.Family";

    /// <summary>Fix All, with the recommended fix when it is asked for none (<c>dotnet format analyzers</c>).</summary>
    private static readonly FixAllProvider FixAll = new RecommendedFixAllProvider(CrossStackFixAllProvider.ForCrossStackReferences, SsmParameterEquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CrossStackVolatileReference);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = await CrossStackFixPlan.CreateAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
            if (plan is null)
            {
                continue;
            }

            if (plan.HelperMethod is not null)
            {
                context.RegisterCodeFix(
                    CrossStackFixWriter.Action("Pass the value through an SSM parameter published by the owning stack", context.Document, plan, SsmParameterEquivalenceKey),
                    diagnostic);
            }

            if (plan.FamilyPlan is not null)
            {
                var title = plan.FamilyIsLiteral
                    ? "Use the family " + plan.FamilyReplacement + " (resolves to the latest ACTIVE revision, not this one)"
                    : "Use the task definition's Family (resolves to the latest ACTIVE revision, not this one)";
                context.RegisterCodeFix(CrossStackFixWriter.Action(title, context.Document, plan.FamilyPlan, FamilyEquivalenceKey), diagnostic);
            }
        }
    }
}
