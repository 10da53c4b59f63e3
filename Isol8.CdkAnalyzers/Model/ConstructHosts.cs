using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The stack class the app's own construct class runs in: the stack every <c>new Worker(scope, …)</c> in the source
/// puts it under (<c>this</c> in a stack class, a construct created under it, or a construct class that is itself
/// hosted so), when they all agree. Code in the construct class then uses and creates values in that stack. A class
/// with source subclasses, or created under scopes that disagree or cannot be told, has no host.
/// </summary>
internal sealed class ConstructHosts
{
    /// <summary>How many construct classes deep a host is looked for (a <c>Worker</c> created in a <c>Service</c> created in a stack is two).</summary>
    private const int MaxNesting = 3;

    private readonly CdkTypes _types;
    private readonly ValueSources _sources;
    private readonly SourceDeclarations _declarations;
    private readonly ConcurrentDictionary<INamedTypeSymbol, StrongBox<INamedTypeSymbol?>> _hosts = new(SymbolEqualityComparer.Default);

    public ConstructHosts(CdkTypes types, ValueSources sources, SourceDeclarations declarations)
    {
        _types = types;
        _sources = sources;
        _declarations = declarations;
    }

    /// <summary>The stack class <paramref name="constructClass"/>'s instances are all created in; null when unknown.</summary>
    public INamedTypeSymbol? HostOf(INamedTypeSymbol constructClass, OwnershipResolver owners, CancellationToken cancellationToken)
        => HostOf(constructClass, owners, nesting: 0, cancellationToken);

    private INamedTypeSymbol? HostOf(INamedTypeSymbol constructClass, OwnershipResolver owners, int nesting, CancellationToken cancellationToken)
    {
        if (_hosts.TryGetValue(constructClass, out var known))
        {
            return known.Value;
        }

        if (nesting > MaxNesting)
        {
            // Not cached: a shallower question may still find it.
            return null;
        }

        var host = Find(constructClass, owners, nesting, cancellationToken, out var complete);
        if (complete)
        {
            _hosts.TryAdd(constructClass, new StrongBox<INamedTypeSymbol?>(host));
        }

        return host;
    }

    private INamedTypeSymbol? Find(INamedTypeSymbol constructClass, OwnershipResolver owners, int nesting, CancellationToken cancellationToken, out bool complete)
    {
        complete = true;
        if (constructClass.DeclaringSyntaxReferences.IsEmpty || constructClass.IsAbstract || _declarations.HasSourceSubclass(constructClass.Name, cancellationToken))
        {
            return null;
        }

        INamedTypeSymbol? host = null;
        foreach (var (creation, semanticModel) in _sources.CreationsOf(constructClass, cancellationToken))
        {
            var here = creation.ArgumentList is { Arguments.Count: > 0 } arguments
                ? HostAt(arguments.Arguments[0].Expression, semanticModel, owners, nesting, cancellationToken, ref complete)
                : null;
            if (here is null || (host is not null && !SymbolEqualityComparer.Default.Equals(host, here)))
            {
                return null;
            }

            host = here;
        }

        return host;
    }

    /// <summary>The stack class a construct created under <paramref name="scope"/> lands in.</summary>
    private INamedTypeSymbol? HostAt(ExpressionSyntax scope, SemanticModel semanticModel, OwnershipResolver owners, int nesting, CancellationToken cancellationToken, ref bool complete)
    {
        var operation = semanticModel.GetOperation(scope, cancellationToken);
        var walk = new ResolutionWalk(cancellationToken, semanticModel);
        var owner = owners.OwnerOf(operation, walk);
        complete &= !walk.Truncated;
        if (owner.Kind == OwnerKind.Stack)
        {
            return owner.StackType;
        }

        if (owner.Kind != OwnerKind.This
            || SymbolFacts.EnclosingMember(semanticModel.GetEnclosingSymbol(scope.SpanStart, cancellationToken)) is not { IsStatic: false, ContainingType: { } creator })
        {
            return null;
        }

        if (_types.Is(creator, CdkTypeKind.Stack))
        {
            return creator;
        }

        if (!_types.Is(creator, CdkTypeKind.Construct))
        {
            return null;
        }

        var host = HostOf(creator, owners, nesting + 1, cancellationToken);
        complete &= host is not null || _hosts.ContainsKey(creator);
        return host;
    }
}
