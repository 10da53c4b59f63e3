using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Rules;

/// <summary>
/// ICDK004: a literal that identifies a task definition matches no family declared in the compilation but is a
/// few edits away from one (or has a template's fixed parts with a near miss): drift from a rename. A literal far
/// from every declared family is someone else's task definition and stays unreported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DriftedFamilyLiteralAnalyzer : CdkAnalyzer
{
    /// <summary>
    /// Diagnostic property: the family the literal should be (the declared one, holes filled from the literal); absent
    /// when the literal gives a hole no characters.
    /// </summary>
    public const string ReplacementProperty = "Replacement";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DriftedFamilyLiteral);

    private protected override void Register(CompilationStartAnalysisContext context, CdkModel model)
        => context.RegisterSyntaxNodeAction(
            c =>
            {
                var settings = model.SettingsFor(c.Options, c.Node.SyntaxTree);
                var reference = FamilyReferences.Find(c.Node, c.SemanticModel, model, settings.TaskDefinitionKeyPatterns, c.CancellationToken);
                if (reference is { Kind: FamilyReferenceKind.NearMiss, Declared: { } declared })
                {
                    // No replacement when the literal gives a hole no characters: the fix has nothing to fill it with.
                    var replacement = declared.Pattern.Fill(reference.HoleValues);
                    c.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.DriftedFamilyLiteral,
                        reference.Value.GetLocation(),
                        replacement is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, replacement),
                        reference.Family,
                        declared.Pattern.Constant ?? declared.Pattern.Display));
                }
            },
            FamilyReferences.SiteKinds);
}
