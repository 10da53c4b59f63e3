using System.Collections.Concurrent;
using System.Collections.Generic;
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
    private readonly CollectionQueries _queries;
    private readonly ConcurrentDictionary<ISymbol, (ImmutableArray<ExpressionSyntax>, bool)> _seen = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, bool> _filledAfterCreation = new(SymbolEqualityComparer.Default);
    private readonly System.Lazy<ImmutableArray<INamedTypeSymbol>> _readOnlyCollections;

    public CollectionElements(Compilation compilation, ValueSources sources, CollectionQueries queries)
    {
        _compilation = compilation;
        _queries = queries;
        _sources = sources;
        _readOnlyCollections = new System.Lazy<ImmutableArray<INamedTypeSymbol>>(() => ReadOnlyCollectionTypes(compilation));
    }

    /// <summary>The expressions put into <paramref name="member"/>; default when the model cannot list them all.</summary>
    public ImmutableArray<ExpressionSyntax> Of(ISymbol member, CancellationToken cancellationToken)
        => Seen(member, cancellationToken) is (var elements, true) ? elements : default;

    /// <summary>
    /// The expressions its own class's code is seen to put into <paramref name="member"/>, and whether they are all it
    /// can hold (<see cref="Of"/>'s answer): what else may be added does not take these out.
    /// </summary>
    public (ImmutableArray<ExpressionSyntax> Elements, bool Complete) Seen(ISymbol member, CancellationToken cancellationToken)
    {
        var key = member.OriginalDefinition;
        if (_seen.TryGetValue(key, out var known))
        {
            return known;
        }

        var elements = Collect(key, followExposed: true, cancellationToken, out var complete);
        return _seen.GetOrAdd(key, (elements, complete));
    }

    private ImmutableArray<ExpressionSyntax> Collect(ISymbol member, bool followExposed, CancellationToken cancellationToken, out bool complete)
    {
        complete = false;
        if (member.DeclaringSyntaxReferences.IsEmpty || member.IsStatic || member.ContainingType is not { } owner)
        {
            return ImmutableArray<ExpressionSyntax>.Empty;
        }

        complete = true;
        var elements = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var value in _sources.OfMember(member, null, cancellationToken))
        {
            complete &= AddCreated(value, elements) || AddProjected(value, elements, cancellationToken) || AddFilledLocal(value, owner, elements, cancellationToken)
                || (followExposed && AddExposed(value, member, elements, cancellationToken));
        }

        var readOnly = IsReadOnly(member);
        foreach (var name in UsesOf(member, within: null, cancellationToken))
        {
            complete &= AddUse(name, owner, readOnly, elements);
        }

        return elements.ToImmutable();
    }

    /// <summary>
    /// May code add to <paramref name="holder"/> once its value is set, through any receiver, <c>this</c> included, or
    /// through an alias a mutable one is handed to? For a member (a props object's <c>Workers</c>), anywhere; for a
    /// parameter (a stack constructor's <c>watched</c>), in its method. If not, what it holds was put in before the
    /// object carrying it, or the call, was made. Cached per member or parameter.
    /// </summary>
    public bool MayBeFilledAfterCreation(ISymbol holder, CancellationToken cancellationToken)
    {
        var key = holder.OriginalDefinition;
        if (_filledAfterCreation.TryGetValue(key, out var known))
        {
            return known;
        }

        var filled = key switch
        {
            IParameterSymbol { ContainingSymbol.DeclaringSyntaxReferences: { Length: 1 } method }
                => AnyUseMayAdd(UsesOf(key, method[0].GetSyntax(cancellationToken), cancellationToken), IsReadOnly(key)),
            IParameterSymbol => true,
            _ => key.DeclaringSyntaxReferences.IsEmpty || AnyUseMayAdd(UsesOf(key, within: null, cancellationToken), IsReadOnly(key)),
        };
        return _filledAfterCreation.GetOrAdd(key, filled);
    }

    private static bool AnyUseMayAdd(IEnumerable<IdentifierNameSyntax> uses, bool readOnly)
    {
        foreach (var name in uses)
        {
            // Given its value in an object initializer (new Props { Workers = … }): that is where the elements come from.
            if (name.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax } set && set.Left == name)
            {
                continue;
            }

            if (!AddUse(name, owner: null, readOnly, elements: null))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The identifiers bound to <paramref name="symbol"/> under <paramref name="within"/>, or in every tree when it is
    /// null (a text search for its name first).
    /// </summary>
    private IEnumerable<IdentifierNameSyntax> UsesOf(ISymbol symbol, SyntaxNode? within, CancellationToken cancellationToken)
    {
        foreach (var tree in within is null ? _compilation.SyntaxTrees : new[] { within.SyntaxTree })
        {
            foreach (var token in _sources.Text.TokensNamed(within ?? tree.GetRoot(cancellationToken), symbol.Name, cancellationToken))
            {
                if (token.Parent is IdentifierNameSyntax name
                    && SymbolEqualityComparer.Default.Equals(_sources.SemanticModelFor(tree, null).GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, symbol))
                {
                    yield return name;
                }
            }
        }
    }

    /// <summary>
    /// Is the member (or parameter) typed as a collection nothing can add to through it (<c>IReadOnlyDictionary</c>,
    /// <c>IReadOnlyList</c>, <c>IEnumerable</c>, an immutable collection)? Handing it on then adds nothing.
    /// </summary>
    private bool IsReadOnly(ISymbol holder)
    {
        var type = (holder switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            IParameterSymbol parameter => parameter.Type,
            _ => null,
        })?.OriginalDefinition;
        if (type is null)
        {
            return false;
        }

        foreach (var readOnly in _readOnlyCollections.Value)
        {
            if (SymbolEqualityComparer.Default.Equals(type, readOnly))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<INamedTypeSymbol> ReadOnlyCollectionTypes(Compilation compilation)
    {
        var types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in ReadOnlyCollectionTypeNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                types.Add(type);
            }
        }

        return types.ToImmutable();
    }

    private static readonly string[] ReadOnlyCollectionTypeNames =
    {
        "System.Collections.Generic.IEnumerable`1", "System.Collections.Generic.IReadOnlyCollection`1", "System.Collections.Generic.IReadOnlyList`1",
        "System.Collections.Generic.IReadOnlyDictionary`2", "System.Collections.Immutable.ImmutableArray`1", "System.Collections.Immutable.ImmutableList`1",
        "System.Collections.Immutable.ImmutableDictionary`2", "System.Collections.Immutable.IImmutableList`1", "System.Collections.Immutable.IImmutableDictionary`2",
    };

    /// <summary>A member that exposes another collection member of its class (<c>TaskDefs => _taskDefs</c>): that one's elements (one level, so no cycle).</summary>
    private bool AddExposed(ExpressionSyntax value, ISymbol member, ImmutableArray<ExpressionSyntax>.Builder elements, CancellationToken cancellationToken)
    {
        var exposed = CdkSyntax.WalkDownParenthesesAndCasts(value);
        if (exposed is not (IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax })
            || _sources.SemanticModelFor(exposed.SyntaxTree, null).GetSymbolInfo(exposed, cancellationToken).Symbol?.OriginalDefinition is not { } inner
            || inner is not (IFieldSymbol or IPropertySymbol)
            || SymbolEqualityComparer.Default.Equals(inner, member)
            || !SymbolEqualityComparer.Default.Equals(inner.ContainingType, member.ContainingType)
            || Collect(inner, followExposed: false, cancellationToken, out var complete) is var innerElements && !complete)
        {
            return false;
        }

        elements.AddRange(innerElements);
        return true;
    }

    /// <summary>
    /// A collection its class's code builds in a local and then keeps (<c>var tasks = new List&lt;…&gt;(); … tasks.Add(td);
    /// … Tasks = tasks;</c>): the local's first elements and what is added through it in its body. False when the local
    /// is set again, handed on, or kept anywhere else: whoever holds it then may add what the model cannot see.
    /// </summary>
    private bool AddFilledLocal(ExpressionSyntax value, INamedTypeSymbol owner, ImmutableArray<ExpressionSyntax>.Builder elements, CancellationToken cancellationToken)
    {
        if (value is not IdentifierNameSyntax kept || !IsIn(owner, kept)
            || _sources.SemanticModelFor(kept.SyntaxTree, null).GetSymbolInfo(kept, cancellationToken).Symbol is not ILocalSymbol local)
        {
            return false;
        }

        var found = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        if (!CollectLocal(local, kept, owner, found, out var complete, cancellationToken) || !complete)
        {
            return false;
        }

        elements.AddRange(found);
        return true;
    }

    /// <summary>
    /// What a local collection is seen to hold: the elements it is created with where it is declared and those added
    /// through it in the body that declares it (<c>var outputs = new Dictionary&lt;string, string&gt; { ["WorkerArn"] = … };
    /// outputs["Family"] = …;</c>), a dictionary's values. Default when it is not created in place or is set again. Not
    /// necessarily all it holds: a call it is handed to may add more.
    /// </summary>
    public ImmutableArray<ExpressionSyntax> SeenInLocal(ILocalSymbol local, CancellationToken cancellationToken)
    {
        var found = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        return CollectLocal(local, kept: null, local.ContainingType, found, out _, cancellationToken) ? found.ToImmutable() : default;
    }

    /// <summary>
    /// The elements a local is created with and those added through it in its body, but at <paramref name="kept"/>;
    /// false when it is not created in place or is set again. <paramref name="complete"/>: no use may add unseen.
    /// </summary>
    private bool CollectLocal(ILocalSymbol local, IdentifierNameSyntax? kept, INamedTypeSymbol? owner, ImmutableArray<ExpressionSyntax>.Builder found, out bool complete, CancellationToken cancellationToken)
    {
        complete = false;
        if (local.DeclaringSyntaxReferences.Length != 1
            || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } created } declarator
            || CdkSyntax.EnclosingBody(declarator) is not { } body
            || !AddCreated(created, found))
        {
            return false;
        }

        complete = true;
        var semanticModel = _sources.SemanticModelFor(body.SyntaxTree, null);
        foreach (var token in _sources.Text.TokensNamed(body, local.Name, cancellationToken))
        {
            if (token.Parent is not IdentifierNameSyntax use || use == kept
                || !SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(use, cancellationToken).Symbol, local))
            {
                continue;
            }

            if (use.Parent is AssignmentExpressionSyntax assignment && assignment.Left == use)
            {
                // Set again (tasks = other): what it holds where it is read is another collection.
                return false;
            }

            complete &= AddUse(use, owner, readOnly: false, found);
        }

        return true;
    }

    /// <summary>The elements of a collection created in place (<c>new[] { … }</c>, a dictionary's values); default for any other expression.</summary>
    public static ImmutableArray<ExpressionSyntax> CreatedWith(ExpressionSyntax value)
    {
        var elements = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        return AddCreated(value, elements) ? elements.ToImmutable() : default;
    }

    /// <summary>
    /// A collection a query builds (<c>specs.Select(s =&gt; new Worker(this, s.Name)).ToList()</c>,
    /// <c>specs.ToDictionary(s =&gt; s.Name, s =&gt; NewTask(s))</c>): the lambda's values are its elements.
    /// </summary>
    private bool AddProjected(ExpressionSyntax value, ImmutableArray<ExpressionSyntax>.Builder elements, CancellationToken cancellationToken)
    {
        if (CdkSyntax.WalkDownParenthesesAndCasts(value) is not InvocationExpressionSyntax
            || _queries.ProjectedElements(value, _sources.SemanticModelFor(value.SyntaxTree, null), cancellationToken) is not { IsDefaultOrEmpty: false } projected)
        {
            return false;
        }

        elements.AddRange(projected);
        return true;
    }

    /// <summary>A new collection's elements (<c>new() { ["a"] = x }</c>, <c>new List&lt;T&gt; { x }</c>, <c>[x, y]</c>, <c>new[] { x }</c>); false for anything else.</summary>
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
            case ImplicitArrayCreationExpressionSyntax { Initializer.Expressions: var items }:
                // IReadOnlyList<IVersion> Versions set to new[] { fn.CurrentVersion }: an array kept as a collection.
                elements.AddRange(items);
                return true;
            case ArrayCreationExpressionSyntax { Initializer.Expressions: var items }:
                elements.AddRange(items);
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
    /// collected); false when it may add something the model cannot see. With no <paramref name="owner"/> (and no
    /// <paramref name="elements"/>), every add counts as unseen. A <paramref name="readOnly"/> member handed on adds nothing.
    /// </summary>
    private static bool AddUse(IdentifierNameSyntax name, INamedTypeSymbol? owner, bool readOnly, ImmutableArray<ExpressionSyntax>.Builder? elements)
    {
        ExpressionSyntax reference = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name;
        var throughThis = elements is not null && (reference == name || ((MemberAccessExpressionSyntax)reference).Expression is ThisExpressionSyntax) && IsIn(owner, reference);
        if (readOnly && !(reference.Parent is AssignmentExpressionSyntax setting && setting.Left == reference))
        {
            return true;
        }

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

                    elements!.Add(set.Right);
                }

                return true;
            case MemberAccessExpressionSyntax call when call.Expression == reference && call.Parent is InvocationExpressionSyntax invocation:
                switch (call.Name.Identifier.ValueText)
                {
                    case "Add" or "TryAdd" or "Insert" or "Push" or "Enqueue" when invocation.ArgumentList.Arguments.Count > 0 && throughThis:
                        elements!.Add(invocation.ArgumentList.Arguments[invocation.ArgumentList.Arguments.Count - 1].Expression);
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
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax alias }:
                // var workers = props.Workers: the same collection under another name, which must add nothing either.
                return LocalAliasAddsNothing(alias);
            case ArgumentSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax or ReturnStatementSyntax or AssignmentExpressionSyntax:
                // Handed to a call, or aliased: whoever holds it may add to it.
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// Does nothing add through the local <paramref name="alias"/> declares, in the body it is declared in (by its name:
    /// a same-named local elsewhere in the body makes it look as if something may)? An alias of the alias may.
    /// </summary>
    private static bool LocalAliasAddsNothing(VariableDeclaratorSyntax alias)
    {
        if (alias.Parent?.Parent is not LocalDeclarationStatementSyntax || CdkSyntax.EnclosingBody(alias) is not { } body)
        {
            return false;
        }

        var name = alias.Identifier.ValueText;
        foreach (var node in body.DescendantNodes())
        {
            if (node is IdentifierNameSyntax use && use.Identifier.ValueText == name
                && (use.Parent is EqualsValueClauseSyntax || !AddUse(use, owner: null, readOnly: false, elements: null)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIn(INamedTypeSymbol? owner, SyntaxNode node)
    {
        if (owner is null)
        {
            return false;
        }

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
