using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>Writes the SSM rewrite of one or many flagged expressions, adding the helper once per project.</summary>
internal static class CrossStackFixWriter
{
    private static readonly SyntaxAnnotation RewrittenSite = new("Isol8.CdkAnalyzers.CrossStackSite");

    public static async Task<Solution> ApplySsmAsync(Solution solution, IReadOnlyList<(DocumentId Document, IReadOnlyList<CrossStackFixPlan> Plans)> work, CancellationToken cancellationToken)
    {
        // One helper per project: an existing one, or a new one in the first document fixed.
        var helperNamespaces = new Dictionary<ProjectId, string?>();
        var helperHosts = new Dictionary<DocumentId, string>();
        foreach (var (documentId, plans) in work)
        {
            var firstHelperCall = plans.FirstOrDefault(plan => plan.HelperMethod is not null);
            if (firstHelperCall is null || helperNamespaces.ContainsKey(documentId.ProjectId))
            {
                continue;
            }

            var document = solution.GetDocument(documentId)!;
            if (await CrossStackParametersHelper.FindAsync(document.Project, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                helperNamespaces[documentId.ProjectId] = existing.ContainingNamespace.IsGlobalNamespace ? null : existing.ContainingNamespace.ToDisplayString();
                continue;
            }

            helperNamespaces[documentId.ProjectId] = CrossStackParametersHelper.NamespaceFor(firstHelperCall.Node);
            helperHosts[documentId] = CdkFixOptions.SsmParameterPrefix(document.Project, firstHelperCall.Node.SyntaxTree);
        }

        // First every document's syntax edit, then the clean-up of all of them against that one solution: cleaning up
        // one document after another would bind each against a new compilation (Fix All over 100 documents: seconds).
        var edited = new List<DocumentId>();
        foreach (var (documentId, plans) in work)
        {
            if (plans.Count == 0)
            {
                continue;
            }

            var document = solution.GetDocument(documentId)!;
            var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!;
            var generator = SyntaxGenerator.GetGenerator(document);
            helperNamespaces.TryGetValue(documentId.ProjectId, out var helperNamespace);
            var helperType = HelperTypeName(helperNamespace);
            var replacements = new Dictionary<Microsoft.CodeAnalysis.Text.TextSpan, CrossStackFixPlan>();
            foreach (var plan in plans)
            {
                replacements[plan.Node.Span] = plan;
            }

            var newRoot = root.ReplaceNodes(
                root.DescendantNodes().OfType<ExpressionSyntax>().Where(node => replacements.TryGetValue(node.Span, out var plan) && node.IsEquivalentTo(plan.Node)),
                (original, _) =>
                {
                    var plan = replacements[original.Span];
                    var replacement = plan.HelperMethod is null
                        ? plan.DirectReplacement!
                        : (ExpressionSyntax)generator.InvocationExpression(generator.MemberAccessExpression(helperType, plan.HelperMethod), HelperArguments(generator, plan));
                    return replacement
                        .WithTriviaFrom(original)
                        .WithAdditionalAnnotations(Formatter.Annotation, RewrittenSite);
                });

            if (helperHosts.TryGetValue(documentId, out var prefix))
            {
                newRoot = CrossStackParametersHelper.AddTo(newRoot, newRoot.GetAnnotatedNodes(RewrittenSite).First(), prefix);
            }

            solution = solution.WithDocumentSyntaxRoot(documentId, newRoot);
            edited.Add(documentId);
        }

        var snapshot = solution;
        var cleaned = await Task.WhenAll(edited.Select(async documentId =>
        {
            var document = await DocumentCleanup.CleanUpAsync(snapshot.GetDocument(documentId)!, cancellationToken).ConfigureAwait(false);
            return (documentId, Root: (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
        })).ConfigureAwait(false);
        foreach (var (documentId, root) in cleaned)
        {
            solution = solution.WithDocumentSyntaxRoot(documentId, root);
        }

        return solution;
    }

    /// <summary>The plan's arguments, and <c>keepOldExport: true</c> when the fix removes an import that deployed consumers hold.</summary>
    private static IEnumerable<SyntaxNode> HelperArguments(SyntaxGenerator generator, CrossStackFixPlan plan)
    {
        foreach (var argument in plan.HelperArguments)
        {
            yield return generator.Argument(argument);
        }

        if (plan.KeepsOldExport)
        {
            yield return generator.Argument(CrossStackHelper.KeepOldExportParameter, RefKind.None, generator.TrueLiteralExpression());
        }
    }

    /// <summary>The code action that writes one plan: the SSM helper call, or its direct replacement.</summary>
    public static CodeAction Action(string title, Document document, CrossStackFixPlan plan, string equivalenceKey)
        => CodeAction.Create(
            title,
            cancellationToken => ApplySsmAsync(document.Project.Solution, new[] { (document.Id, (IReadOnlyList<CrossStackFixPlan>)new[] { plan }) }, cancellationToken),
            equivalenceKey);

    /// <summary><c>global::Namespace.CrossStackParameters</c>, marked to be simplified and to bring its <c>using</c>.</summary>
    private static NameSyntax HelperTypeName(string? helperNamespace)
    {
        var name = helperNamespace is null
            ? (NameSyntax)SyntaxFactory.AliasQualifiedName(SyntaxFactory.IdentifierName(SyntaxFactory.Token(SyntaxKind.GlobalKeyword)), SyntaxFactory.IdentifierName(CrossStackParametersHelper.TypeName))
            : SyntaxFactory.ParseName("global::" + helperNamespace + "." + CrossStackParametersHelper.TypeName);
        return name.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
    }
}
