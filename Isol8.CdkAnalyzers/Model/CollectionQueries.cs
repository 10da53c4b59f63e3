using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The .NET queries over a collection that the ownership model reads through: LINQ's (<c>System.Linq.Enumerable</c>)
/// and <c>List&lt;T&gt;</c>'s. One per compilation: the two types are looked up on first use. The name index asks the
/// names alone (<see cref="MayPickAnElement"/>), before any binding.
/// </summary>
internal sealed class CollectionQueries
{
    private const int MaxChain = 8;

    private readonly Lazy<INamedTypeSymbol?> _enumerable;
    private readonly Lazy<INamedTypeSymbol?> _list;

    public CollectionQueries(Compilation compilation)
    {
        _enumerable = new Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName("System.Linq.Enumerable"));
        _list = new Lazy<INamedTypeSymbol?>(() => compilation.GetTypeByMetadataName("System.Collections.Generic.List`1"));
    }

    /// <summary>What a query does with the elements of its source.</summary>
    public enum Kind
    {
        /// <summary>No method of <c>Enumerable</c> or <c>List&lt;T&gt;</c>.</summary>
        NotAQuery,

        /// <summary>Anything else: an aggregate, a test, a projection of a kind not followed.</summary>
        Other,

        /// <summary>Filters, orders or copies them: its result holds some of the same elements (<c>Where</c>, <c>ToList</c>).</summary>
        KeepsTheElements,

        /// <summary>Returns one of them (<c>First</c>, <c>ElementAt</c>, <c>Find</c>).</summary>
        PicksAnElement,

        /// <summary>Builds each element of its result with a lambda (<c>Select</c>, <c>ToDictionary</c>'s element selector).</summary>
        Projects,
    }

    /// <summary>The kind of <paramref name="method"/>, in either form an extension method is bound in.</summary>
    public Kind KindOf(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        var containingType = definition.ContainingType?.OriginalDefinition;
        if (definition.IsStatic && definition.IsExtensionMethod && SymbolEqualityComparer.Default.Equals(containingType, _enumerable.Value))
        {
            return definition.Name switch
            {
                "Where" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Skip" or "SkipLast" or "SkipWhile"
                    or "Take" or "TakeLast" or "TakeWhile" or "Reverse" or "Distinct" or "DistinctBy" or "Except" or "ExceptBy"
                    or "Intersect" or "IntersectBy" or "ToArray" or "ToList" or "ToHashSet" or "AsEnumerable" => Kind.KeepsTheElements,
                "Select" or "ToDictionary" => Kind.Projects,
                _ when PicksFromEnumerable(definition.Name) => Kind.PicksAnElement,
                _ => Kind.Other,
            };
        }

        if (!definition.IsStatic && SymbolEqualityComparer.Default.Equals(containingType, _list.Value))
        {
            return definition.Name switch
            {
                "FindAll" => Kind.KeepsTheElements,
                _ when PicksFromList(definition.Name) => Kind.PicksAnElement,
                _ => Kind.Other,
            };
        }

        return Kind.NotAQuery;
    }

    /// <summary>
    /// The expressions a query builds its elements from (<c>specs.Select(s =&gt; new Worker(this, s.Name)).ToList()</c>:
    /// <c>new Worker(this, s.Name)</c>; <c>ToDictionary(s =&gt; s.Name, s =&gt; NewTask(s))</c>: <c>NewTask(s)</c>), read
    /// through the queries that keep the elements; default for anything else (a copy of another collection).
    /// </summary>
    public ImmutableArray<ExpressionSyntax> ProjectedElements(ExpressionSyntax value, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var current = CdkSyntax.WalkDownParenthesesAndCasts(value);
        for (var depth = 0; depth < MaxChain; depth++)
        {
            if (current is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol { ReducedFrom: not null } method)
            {
                return default;
            }

            switch (KindOf(method))
            {
                case Kind.KeepsTheElements:
                    current = CdkSyntax.WalkDownParenthesesAndCasts(access.Expression);
                    continue;
                case Kind.Projects when SelectorOf(invocation, method) is { } selector:
                    return selector is LambdaExpressionSyntax lambda ? CdkSyntax.ReturnedValues(lambda.Body) : default;
                case Kind.Projects when method.Name == "ToDictionary":
                    // ToDictionary(t => t.Node.Id): the source's elements are its values.
                    current = CdkSyntax.WalkDownParenthesesAndCasts(access.Expression);
                    continue;
                default:
                    return default;
            }
        }

        return default;
    }

    /// <summary>The sequence a query reads: a LINQ method's first argument, a <c>List</c> method's receiver.</summary>
    public static IOperation? SourceOf(IInvocationOperation query)
        => query.TargetMethod.IsStatic ? OperationFlow.ExplicitArgument(query, 0) : query.Instance;

    /// <summary>
    /// The query's source, when <paramref name="argument"/> is a delegate the query calls with the source's elements: its
    /// first parameter is typed as the element type (<c>TSource</c>, <c>List&lt;T&gt;</c>'s <c>T</c>), so not
    /// <c>Aggregate</c>'s seeded running value (<c>TAccumulate</c>). Null otherwise.
    /// </summary>
    public static IOperation? SourceCallingWithElements(IInvocationOperation query, IArgumentOperation argument)
        => argument.Parameter?.OriginalDefinition.Type is INamedTypeSymbol { DelegateInvokeMethod.Parameters: { Length: > 0 } delegateParameters }
            && ElementTypeParameter(query.TargetMethod) is { } elementType
            && SymbolEqualityComparer.Default.Equals(delegateParameters[0].Type, elementType)
                ? SourceOf(query)
                : null;

    private static ITypeSymbol? ElementTypeParameter(IMethodSymbol method)
    {
        var definition = method.OriginalDefinition;
        if (definition.IsStatic)
        {
            return definition.Parameters.Length > 0 && definition.Parameters[0].Type is INamedTypeSymbol { TypeArguments.Length: 1 } source
                ? source.TypeArguments[0]
                : null;
        }

        return definition.ContainingType.TypeArguments.Length == 1 ? definition.ContainingType.TypeArguments[0] : null;
    }

    /// <summary>Could a call of a method so named return an element of a collection?</summary>
    public static bool MayPickAnElement(string name) => PicksFromEnumerable(name) || PicksFromList(name);

    /// <summary>The argument that builds each element: <c>Select</c>'s selector, <c>ToDictionary</c>'s element selector.</summary>
    private static ExpressionSyntax? SelectorOf(InvocationExpressionSyntax invocation, IMethodSymbol method)
    {
        var wanted = method.Name == "Select" ? "selector" : "elementSelector";
        var arguments = invocation.ArgumentList.Arguments;
        for (var index = 0; index < arguments.Count; index++)
        {
            var name = arguments[index].NameColon?.Name.Identifier.ValueText
                ?? (index < method.Parameters.Length ? method.Parameters[index].Name : null);
            if (name == wanted)
            {
                return arguments[index].Expression;
            }
        }

        return null;
    }

    private static bool PicksFromEnumerable(string name)
        => name is "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault" or "ElementAt"
            or "ElementAtOrDefault" or "MinBy" or "MaxBy";

    private static bool PicksFromList(string name) => name is "Find" or "FindLast";
}
