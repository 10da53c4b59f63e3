using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Rules;

/// <summary>
/// ICDK003: a value that identifies a task definition (an environment entry or string property named
/// <c>…TASK_DEFINITION…</c>) is a family: a concrete task definition's <c>.Family</c>, or a string matching a family
/// declared in the compilation. A family resolves to the latest ACTIVE revision.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnpinnedFamilyReferenceAnalyzer : CdkAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnpinnedFamilyReference);

    private protected override void Register(CompilationStartAnalysisContext context, CdkModel model)
        => context.RegisterSyntaxNodeAction(
            c =>
            {
                var settings = model.SettingsFor(c.Options, c.Node.SyntaxTree);
                var reference = FamilyReferences.Find(c.Node, c.SemanticModel, model, settings.TaskDefinitionKeyPatterns, c.CancellationToken);
                if (reference is { Kind: FamilyReferenceKind.FamilyMember or FamilyReferenceKind.DeclaredFamily })
                {
                    c.ReportDiagnostic(Diagnostic.Create(Descriptors.UnpinnedFamilyReference, reference.Value.GetLocation(), reference.Key, reference.Family));
                }
            },
            FamilyReferences.SiteKinds);
}
