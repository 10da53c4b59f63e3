using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Shared;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Isol8.CdkAnalyzers.CodeFixes.Rules;

/// <summary>
/// ICDK004: replace a drifted family literal with the declared family: a reference to the owner's constant where
/// the family is declared with one, otherwise the literal with the template's holes filled from the user's literal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DriftedFamilyLiteralFixer))]
[Shared]
public sealed class DriftedFamilyLiteralFixer : CodeFixProvider
{
    public const string UseDeclaredFamilyEquivalenceKey = "ICDK004.UseDeclaredFamily";

    /// <summary>Fix All, with the recommended fix when it is asked for none (<c>dotnet format analyzers</c>).</summary>
    private static readonly FixAllProvider FixAll = new RecommendedFixAllProvider(WellKnownFixAllProviders.BatchFixer, UseDeclaredFamilyEquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DriftedFamilyLiteral);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || CdkModel.For(semanticModel.Compilation) is not { } model)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal)
            {
                continue;
            }

            var patterns = model.SettingsFor(context.Document.Project.AnalyzerOptions, literal.SyntaxTree).TaskDefinitionKeyPatterns;
            if (FamilyReferences.FindForValue(literal, semanticModel, model, patterns, context.CancellationToken) is not { Kind: FamilyReferenceKind.NearMiss, Declared: { } declared } reference)
            {
                continue;
            }

            var declaringModel = model.Sources.SemanticModelFor(declared.Declaration.SyntaxTree, semanticModel);
            var constant = declaringModel.GetSymbolInfo(declared.Declaration, context.CancellationToken).Symbol is IFieldSymbol { IsConst: true } field
                && semanticModel.IsAccessible(literal.SpanStart, field) ? field : null;
            // A template whose hole the literal leaves empty has no family to offer: what the hole holds is unknown.
            if (declared.Pattern.Fill(reference.HoleValues) is not { } family)
            {
                continue;
            }

            var title = constant is null ? "Use the declared family \"" + family + "\"" : "Use the declared family " + constant.ContainingType.Name + "." + constant.Name;
            context.RegisterCodeFix(
                CodeAction.Create(title, cancellationToken => ReplaceAsync(context.Document, literal, family, constant, cancellationToken), UseDeclaredFamilyEquivalenceKey),
                diagnostic);
        }
    }

    private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string family, IFieldSymbol? constant, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var generator = SyntaxGenerator.GetGenerator(document);
        var replacement = constant is null
            ? SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(family))
            : generator.MemberAccessExpression(generator.TypeExpression(constant.ContainingType), constant.Name).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        return await DocumentCleanup.CleanUpAsync(document.WithSyntaxRoot(root!.ReplaceNode(literal, replacement.WithTriviaFrom(literal).WithAdditionalAnnotations(Formatter.Annotation))), cancellationToken).ConfigureAwait(false);
    }
}
