using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// What a collection member holds (a field or property of a <c>List</c> or <c>Dictionary</c> of constructs,
/// <c>TaskDefs["api"]</c>): the elements of its initializer and what its own class adds through <c>this</c>
/// (<c>TaskDefs[name] = td</c>, <c>TaskDefs.Add(name, td)</c>, <c>Tasks.Add(td)</c>). Unknown (default) when any
/// other code may add to it: another receiver or class, a call it is handed to, an alias, a range.
/// Found with a text search of every tree, once per member, only when a construct is read from one.
/// </summary>
internal sealed class CollectionElements
{
    private readonly Compilation _compilation;
    private readonly ValueSources _sources;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ExpressionSyntax>> _elements = new(SymbolEqualityComparer.Default);

    public CollectionElements(Compilation compilation, ValueSources sources)
    {
        _compilation = compilation;
        _sources = sources;
    }

    /// <summary>The expressions put into <paramref name="member"/>; default when the model cannot list them all.</summary>
    public ImmutableArray<ExpressionSyntax> Of(ISymbol member, CancellationToken cancellationToken)
    {
        var key = member.OriginalDefinition;
        if (_elements.TryGetValue(key, out var known))
        {
            return known;
        }

        return _elements.GetOrAdd(key, Collect(key, followExposed: true, cancellationToken));
    }

    private ImmutableArray<ExpressionSyntax> Collect(ISymbol member, bool followExposed, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.IsEmpty || member.IsStatic || member.ContainingType is not { } owner)
        {
            return default;
        }

        var elements = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var value in _sources.OfMember(member, null, cancellationToken))
        {
            if (!AddCreated(value, elements) && !(followExposed && AddExposed(value, member, elements, cancellationToken)))
            {
                return default;
            }
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var token in _sources.Text.TokensNamed(tree.GetRoot(cancellationToken), member.Name, cancellationToken))
            {
                if (token.Parent is IdentifierNameSyntax name
                    && SymbolEqualityComparer.Default.Equals(_sources.SemanticModelFor(tree, null).GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, member)
                    && !AddUse(name, owner, elements))
                {
                    return default;
                }
            }
        }

        return elements.ToImmutable();
    }

    /// <summary>A member that exposes another collection member of its class (<c>TaskDefs => _taskDefs</c>): that one's elements (one level, so no cycle).</summary>
    private bool AddExposed(ExpressionSyntax value, ISymbol member, ImmutableArray<ExpressionSyntax>.Builder elements, CancellationToken cancellationToken)
    {
        var exposed = CdkSyntax.WalkDownParenthesesAndCasts(value);
        if (exposed is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })
            || _sources.SemanticModelFor(exposed.SyntaxTree, null).GetSymbolInfo(exposed, cancellationToken).Symbol?.OriginalDefinition is not { } inner
            || inner is not (IFieldSymbol or IPropertySymbol)
            || SymbolEqualityComparer.Default.Equals(inner, member)
            || !SymbolEqualityComparer.Default.Equals(inner.ContainingType, member.ContainingType)
            || Collect(inner, followExposed: false, cancellationToken) is not { IsDefault: false } innerElements)
        {
            return false;
        }

        elements.AddRange(innerElements);
        return true;
    }

    /// <summary>A new collection's elements (<c>new() { ["a"] = x }</c>, <c>new List&lt;T&gt; { x }</c>, <c>[x, y]</c>); false for anything else.</summary>
    private static bool AddCreated(ExpressionSyntax value, ImmutableArray<ExpressionSyntax>.Builder elements)
    {
        switch (CdkSyntax.WalkDownParenthesesAndCasts(value))
        {
            case BaseObjectCreationExpressionSyntax creation:
                if (creation.ArgumentList is { Arguments.Count: > 0 } arguments
                    && !(arguments.Arguments.Count == 1 && arguments.Arguments[0].Expression.IsKind(SyntaxKind.NumericLiteralExpression)))
                {
                    // Copied from another collection: its elements are not these.
                    return false;
                }

                foreach (var element in creation.Initializer?.Expressions ?? default)
                {
                    switch (element)
                    {
                        case InitializerExpressionSyntax { Expressions.Count: 2 } pair:
                            elements.Add(pair.Expressions[1]);
                            break;
                        case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax } indexed:
                            elements.Add(indexed.Right);
                            break;
                        case AssignmentExpressionSyntax or InitializerExpressionSyntax:
                            return false;
                        default:
                            elements.Add(element);
                            break;
                    }
                }

                return true;
            case CollectionExpressionSyntax collection:
                foreach (var element in collection.Elements)
                {
                    if (element is not ExpressionElementSyntax { Expression: var item })
                    {
                        return false;
                    }

                    elements.Add(item);
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A use of the member: true when it adds nothing or adds through <c>this</c> in its own class (the element is
    /// collected); false when it may add something the model cannot see.
    /// </summary>
    private static bool AddUse(IdentifierNameSyntax name, INamedTypeSymbol owner, ImmutableArray<ExpressionSyntax>.Builder elements)
    {
        ExpressionSyntax reference = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        var throughThis = (reference == name || ((MemberAccessExpressionSyntax)reference).Expression is ThisExpressionSyntax) && IsIn(owner, reference);
        switch (reference.Parent)
        {
            case AssignmentExpressionSyntax assignment when assignment.Left == reference:
                // Set to a new collection: its own class's assignments are among the member's sources already.
                return IsIn(owner, reference);
            case ElementAccessExpressionSyntax element when element.Expression == reference:
                if (element.Parent is AssignmentExpressionSyntax set && set.Left == element)
                {
                    if (!throughThis || !set.IsKind(SyntaxKind.SimpleAssignmentExpression))
                    {
                        return false;
                    }

                    elements.Add(set.Right);
                }

                return true;
            case MemberAccessExpressionSyntax call when call.Expression == reference && call.Parent is InvocationExpressionSyntax invocation:
                switch (call.Name.Identifier.ValueText)
                {
                    case "Add" or "TryAdd" or "Insert" or "Push" or "Enqueue" when invocation.ArgumentList.Arguments.Count > 0 && throughThis:
                        elements.Add(invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1].Expression);
                        return true;
                    case "Add" or "TryAdd" or "Insert" or "Push" or "Enqueue" or "AddRange" or "InsertRange":
                        return false;
                    default:
                        return true;
                }

            case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or AccessorDeclarationSyntax } when IsIn(owner, reference):
            case ReturnStatementSyntax when reference.FirstAncestorOrSelf<AccessorDeclarationSyntax>() is not null && IsIn(owner, reference):
                // Exposed by a member of its class (TaskDefs => _taskDefs): what is added through that one is found with its uses.
                return true;
            case ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or AssignmentExpressionSyntax:
                // Handed to a call, or aliased: whoever holds it may add to it.
                return false;
            default:
                return true;
        }
    }

    private static bool IsIn(INamedTypeSymbol owner, SyntaxNode node)
    {
        foreach (var declaration in owner.DeclaringSyntaxReferences)
        {
            if (declaration.SyntaxTree == node.SyntaxTree && declaration.Span.Contains(node.Span))
            {
                return true;
            }
        }

        return false;
    }
}
