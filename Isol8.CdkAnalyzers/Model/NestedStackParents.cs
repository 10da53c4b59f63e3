using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The stack class a nested stack class is created in: the class of every <c>new Inner(this, …)</c> in the source,
/// when they all agree. Code in the nested stack that reads a construct of an unrelated top-level stack imports it
/// directly (CDK passes only its parent's values as parameters), so the rule can tell the two apart.
/// </summary>
internal sealed class NestedStackParents
{
    private readonly CdkTypes _types;
    private readonly ValueSources _sources;
    private readonly SourceDeclarations _declarations;
    private readonly ConcurrentDictionary<INamedTypeSymbol, System.Runtime.CompilerServices.StrongBox<INamedTypeSymbol?>> _parents = new(SymbolEqualityComparer.Default);

    public NestedStackParents(CdkTypes types, ValueSources sources, SourceDeclarations declarations)
    {
        _types = types;
        _sources = sources;
        _declarations = declarations;
    }

    /// <summary>The top-level stack class every creation of <paramref name="nestedStack"/> passes <c>this</c> of; null when unknown.</summary>
    public INamedTypeSymbol? ParentOf(INamedTypeSymbol nestedStack, CancellationToken cancellationToken)
    {
        if (!_parents.TryGetValue(nestedStack, out var known))
        {
            known = _parents.GetOrAdd(nestedStack, new System.Runtime.CompilerServices.StrongBox<INamedTypeSymbol?>(Find(nestedStack, cancellationToken)));
        }

        return known.Value;
    }

    private INamedTypeSymbol? Find(INamedTypeSymbol nestedStack, CancellationToken cancellationToken)
    {
        // A subclass runs this class's code under parents of its own.
        if (nestedStack.DeclaringSyntaxReferences.IsEmpty || _declarations.HasSourceSubclass(nestedStack.Name, cancellationToken))
        {
            return null;
        }

        INamedTypeSymbol? parent = null;
        foreach (var (creation, semanticModel) in _sources.CreationsOf(nestedStack, cancellationToken))
        {
            // Only `new Inner(this, …)` in an instance member of a top-level stack class names its parent.
            var creator = SymbolFacts.EnclosingMember(semanticModel.GetEnclosingSymbol(creation.SpanStart, cancellationToken));

            if (creation.ArgumentList is not { Arguments.Count: > 0 } arguments || arguments.Arguments[0].Expression is not ThisExpressionSyntax
                || creator is null || creator.IsStatic || !_types.IsTopLevelStack(creator.ContainingType)
                || (parent is not null && !SymbolEqualityComparer.Default.Equals(parent, creator.ContainingType)))
            {
                return null;
            }

            parent = creator.ContainingType;
        }

        return parent;
    }
}
