using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// Keeps a fix from adding a <c>using</c> that makes the file's own names ambiguous. Roslyn's import adder looks only at
/// the names it adds: <c>using Amazon.CDK.AWS.SSM;</c> beside <c>using Amazon.CDK;</c> turns every <c>CfnParameter</c>
/// the file already has into error CS0104, since both namespaces declare one (so do ECS and SecretsManager a
/// <c>Secret</c>, ECS and EKS a <c>Cluster</c>). A name whose namespace would clash keeps its qualification instead;
/// the simplifier still shortens it as far as it binds.
/// </summary>
internal static class ImportConflicts
{
    public static async Task<Document> KeepQualifiedWhereAUsingWouldClashAsync(Document document, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var annotated = root?.GetAnnotatedNodes(Simplifier.AddImportsAnnotation).ToList();
        if (root is null || annotated is null || annotated.Count == 0)
        {
            return document;
        }

        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (model is null)
        {
            return document;
        }

        var clashes = new Dictionary<INamespaceSymbol, bool>(SymbolEqualityComparer.Default);
        var keepQualified = new List<SyntaxNode>();
        foreach (var node in annotated)
        {
            foreach (var namespaceSymbol in NamespacesNamedIn(node, model, cancellationToken))
            {
                if (!clashes.TryGetValue(namespaceSymbol, out var clash))
                {
                    clash = WouldClash(root, model, namespaceSymbol, cancellationToken);
                    clashes.Add(namespaceSymbol, clash);
                }

                if (clash)
                {
                    keepQualified.Add(node);
                    break;
                }
            }
        }

        return keepQualified.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(keepQualified, static (_, rewritten) => rewritten.WithoutAnnotations(Simplifier.AddImportsAnnotation)));
    }

    /// <summary>The namespaces a <c>using</c> for <paramref name="node"/> would bring: those of its <c>global::</c> names.</summary>
    private static IEnumerable<INamespaceSymbol> NamespacesNamedIn(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var qualified in node.DescendantNodesAndSelf().OfType<AliasQualifiedNameSyntax>())
        {
            var symbol = model.GetSymbolInfo(WholeName(qualified), cancellationToken).Symbol;
            if (OutermostType(symbol as INamedTypeSymbol ?? symbol?.ContainingType)?.ContainingNamespace is { IsGlobalNamespace: false } namespaceSymbol)
            {
                yield return namespaceSymbol;
            }
        }
    }

    /// <summary><c>global::A.B.T</c> or <c>global::A.B.T.Member</c> from its <c>global::A</c>.</summary>
    private static SyntaxNode WholeName(SyntaxNode name)
    {
        var whole = name;
        while (whole.Parent is QualifiedNameSyntax qualified && qualified.Left == whole
            || whole.Parent is MemberAccessExpressionSyntax access && access.Expression == whole)
        {
            whole = whole.Parent;
        }

        return whole;
    }

    /// <summary>
    /// Would importing <paramref name="namespaceSymbol"/> change what a simple name of the file means? Only a name that
    /// binds to a type, a namespace or an alias, or to nothing, can: a local or a member is found before any import.
    /// </summary>
    private static bool WouldClash(SyntaxNode root, SemanticModel model, INamespaceSymbol namespaceSymbol, CancellationToken cancellationToken)
    {
        foreach (var name in root.DescendantNodes().OfType<SimpleNameSyntax>())
        {
            if (IsQualified(name) || namespaceSymbol.GetTypeMembers(name.Identifier.ValueText).IsEmpty)
            {
                continue;
            }

            var symbol = model.GetSymbolInfo(name, cancellationToken).Symbol ?? model.GetAliasInfo(name, cancellationToken);
            if (symbol is null or ITypeSymbol or INamespaceSymbol or IAliasSymbol && !IsIn(symbol, namespaceSymbol))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsQualified(SimpleNameSyntax name)
        => name.Parent is QualifiedNameSyntax qualified && qualified.Right == name
            || name.Parent is AliasQualifiedNameSyntax aliasQualified && aliasQualified.Name == name
            || name.Parent is MemberAccessExpressionSyntax access && access.Name == name
            || name.Parent is MemberBindingExpressionSyntax;

    private static bool IsIn(ISymbol? symbol, INamespaceSymbol namespaceSymbol)
        => SymbolEqualityComparer.Default.Equals(OutermostType(symbol as INamedTypeSymbol)?.ContainingNamespace, namespaceSymbol);

    /// <summary>The type a nested type is declared in, at the top: the one a namespace holds.</summary>
    private static INamedTypeSymbol? OutermostType(INamedTypeSymbol? type)
    {
        while (type?.ContainingType is { } outer)
        {
            type = outer;
        }

        return type;
    }
}
