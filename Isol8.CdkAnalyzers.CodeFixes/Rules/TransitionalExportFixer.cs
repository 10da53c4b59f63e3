using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Shared;
using Isol8.CdkAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Isol8.CdkAnalyzers.CodeFixes.Rules;

/// <summary>
/// ICDK007: remove the transitional export once every consumer has deployed: drop <c>keepOldExport: true</c> (for
/// <c>TaskDefinitionFamily</c>, the call itself, leaving the family), or the named export kept beside its parameter.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TransitionalExportFixer))]
[Shared]
public sealed class TransitionalExportFixer : CodeFixProvider
{
    public const string RemoveExportEquivalenceKey = "ICDK007.RemoveExport";

    /// <summary>Fix All, with the recommended fix when it is asked for none (<c>dotnet format analyzers</c>).</summary>
    private static readonly FixAllProvider FixAll = new RecommendedFixAllProvider(WellKnownFixAllProviders.BatchFixer, RemoveExportEquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TransitionalExport);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var (target, replacement) = diagnostic.Properties.GetValueOrDefault(TransitionalExportAnalyzer.FormProperty) switch
            {
                nameof(TransitionalExportForm.KeepOldExportArgument) => WithoutArgument(node as ArgumentSyntax),
                nameof(TransitionalExportForm.FamilyKeepingOldExport) => FamilyAlone(node as ArgumentSyntax),
                _ => (node.FirstAncestorOrSelf<ExpressionStatementSyntax>(), null),
            };
            if (target is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Remove the old export (every consumer has deployed)",
                    cancellationToken => RemoveAsync(context.Document, target, replacement, cancellationToken),
                    RemoveExportEquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The call without <c>keepOldExport: true</c>.</summary>
    private static (SyntaxNode? Target, SyntaxNode? Replacement) WithoutArgument(ArgumentSyntax? argument)
        => argument?.Parent is ArgumentListSyntax arguments ? (arguments, arguments.WithArguments(arguments.Arguments.Remove(argument))) : (null, null);

    /// <summary><c>TaskDefinitionFamily(owner, family, keepOldExport: true)</c> becomes <c>family</c>.</summary>
    private static (SyntaxNode? Target, SyntaxNode? Replacement) FamilyAlone(ArgumentSyntax? argument)
        => argument?.Parent is ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation, Arguments.Count: 3 } arguments
            ? (invocation, arguments.Arguments[1].Expression.WithTriviaFrom(invocation))
            : (null, null);

    private static async Task<Document> RemoveAsync(Document document, SyntaxNode target, SyntaxNode? replacement, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var newRoot = replacement is null
            ? root!.RemoveNode(target, SyntaxRemoveOptions.KeepNoTrivia)!
            : root!.ReplaceNode(target, replacement.WithAdditionalAnnotations(Formatter.Annotation));
        return await DocumentCleanup.CleanUpAsync(document.WithSyntaxRoot(newRoot), cancellationToken).ConfigureAwait(false);
    }
}
