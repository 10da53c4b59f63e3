using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The ownership model's queries over a collection: an element that LINQ picks (<c>props.Workers.First()</c>), the
/// parameter of a lambda that LINQ or <c>List.ForEach</c> calls with each element
/// (<c>props.Workers.Select(w =&gt; w.TaskDefinitionArn)</c>), and a query that only filters, orders or copies the
/// elements (<c>Where</c>, <c>OrderBy</c>, <c>ToList</c>) on the way. Each element is owned where the collection's are.
/// </summary>
internal sealed partial class OwnershipResolver
{
    /// <summary>
    /// What a query call returns: the element of its source it picks (<c>First</c>, <c>ElementAt</c>, <c>Find</c>), or an
    /// array whose elements a lambda builds (<c>specs.Select(s =&gt; NewTask(s)).ToArray()</c>: an array is owned where
    /// its elements are); unknown for any other.
    /// </summary>
    private Owner OwnerOfQueryResult(IInvocationOperation invocation, CollectionQueries.Kind kind, ResolutionWalk walk)
    {
        switch (kind)
        {
            case CollectionQueries.Kind.PicksAnElement when _types.Is(invocation.Type, CdkTypeKind.Construct):
                return OwnerOfElementsIn(CollectionQueries.SourceOf(invocation), walk);
            case CollectionQueries.Kind.KeepsTheElements when invocation.Type is IArrayTypeSymbol
                && invocation.Syntax is ExpressionSyntax array
                && _queries.ProjectedElements(array, _sources.SemanticModelFor(array.SyntaxTree, walk.SiteModel), walk.CancellationToken) is { IsDefaultOrEmpty: false } elements:
                return ResolveSources(elements, walk);
            default:
                return Owner.Unknown;
        }
    }

    /// <summary>
    /// A lambda's first parameter, when the lambda is given to a query that calls it with each element of its source
    /// (<c>Select</c>, <c>Where</c>, <c>ToDictionary</c>, <c>List.ForEach</c>): owned where those elements are.
    /// </summary>
    private Owner OwnerOfLambdaElement(IParameterSymbol parameter, ResolutionWalk walk)
        => LambdaElementSource(parameter, walk) is { } source && _types.Is(parameter.Type, CdkTypeKind.Construct)
            ? OwnerOfElementsIn(source, walk)
            : Owner.Unknown;

    /// <summary>
    /// The source a lambda's first parameter takes its values from, when the lambda is an argument of a query that
    /// calls it with the source's elements (<see cref="CollectionQueries.SourceCallingWithElements"/>).
    /// </summary>
    private IOperation? LambdaElementSource(IParameterSymbol parameter, ResolutionWalk walk)
    {
        if (parameter.Ordinal != 0
            || parameter.DeclaringSyntaxReferences.Length != 1
            || parameter.DeclaringSyntaxReferences[0].GetSyntax(walk.CancellationToken) is not ParameterSyntax declaration)
        {
            return null;
        }

        var lambda = declaration.Parent as LambdaExpressionSyntax ?? declaration.Parent?.Parent as LambdaExpressionSyntax;
        if (lambda?.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax call } } argumentSyntax
            || _sources.SemanticModelFor(call.SyntaxTree, walk.SiteModel).GetOperation(call, walk.CancellationToken) is not IInvocationOperation invocation
            || _queries.KindOf(invocation.TargetMethod) == CollectionQueries.Kind.NotAQuery)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Syntax == argumentSyntax)
            {
                return CollectionQueries.SourceCallingWithElements(invocation, argument);
            }
        }

        return null;
    }

    /// <summary>
    /// The owner of every element of <paramref name="sequence"/>, read through the queries that keep its elements:
    /// an array's (its value's owner), or a collection member's or parameter's (<see cref="OwnerOfElements"/>).
    /// </summary>
    private Owner OwnerOfElementsIn(IOperation? sequence, ResolutionWalk walk)
        => CollectionBehind(sequence, walk.CancellationToken) switch
        {
            { Type: IArrayTypeSymbol } array => OwnerOf(array, walk),
            { } collection when SymbolFacts.IsDotnetCollection(collection.Type) => OwnerOfElements(collection, walk),
            _ => Owner.Unknown,
        };

    /// <summary>
    /// The member or parameter whose elements <paramref name="sequence"/> yields: directly, through a local that only
    /// ever holds it, a dictionary's <c>Values</c>, or queries that keep its elements (<c>Where</c>, <c>ToList</c>). Null
    /// for anything else: a collection built in place, the result of a projection.
    /// </summary>
    private IOperation? CollectionBehind(IOperation? sequence, System.Threading.CancellationToken cancellationToken)
    {
        for (var depth = 0; sequence is not null && depth < ResolutionWalk.MaxDepth; depth++)
        {
            var value = Unalias(OperationFlow.Unwrap(sequence), cancellationToken);
            switch (value)
            {
                case IPropertyReferenceOperation { Property.Name: "Values", Instance: { } dictionary } values when SymbolFacts.IsDotnetCollection(values.Property.ContainingType):
                    sequence = dictionary;
                    continue;
                case IInvocationOperation invocation when _queries.KindOf(invocation.TargetMethod) == CollectionQueries.Kind.KeepsTheElements:
                    sequence = CollectionQueries.SourceOf(invocation);
                    continue;
                case IPropertyReferenceOperation { Arguments.Length: 0 } or IFieldReferenceOperation or IParameterReferenceOperation:
                    return value;
                default:
                    return null;
            }
        }

        return null;
    }
}
