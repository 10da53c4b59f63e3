using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The ownership model's collections: what a <c>foreach</c> loops over (a member, a parameter, a local holding one,
/// a dictionary's <c>Values</c> or its pairs) and who owns the elements of a collection read by index or in a loop.
/// </summary>
internal sealed partial class OwnershipResolver
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, Owner> _yieldSummaries = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// The <c>foreach</c> a variable is declared by (<see cref="LoopDeclaring"/>), bound once for the questions below;
    /// null for any other local.
    /// </summary>
    private IForEachLoopOperation? LoopOf(ILocalSymbol local, SemanticModel? semanticModel, System.Threading.CancellationToken cancellationToken)
        => local.DeclaringSyntaxReferences.Length == 1
            && LoopDeclaring(local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken)) is { } loop
            && _sources.SemanticModelFor(loop.SyntaxTree, semanticModel).GetOperation(loop, cancellationToken) is IForEachLoopOperation operation
                ? operation
                : null;

    /// <summary>
    /// The array or collection member a <c>foreach</c> variable loops over (<c>foreach (var worker in platform.Workers)</c>,
    /// <c>foreach (var task in pool.TaskDefs.Values)</c>, <c>foreach (var task in pool.Tasks.Where(…))</c>): its
    /// elements' owner is the variable's. An array built in place is not followed: handing another stack's construct
    /// into it is reported where it is handed over.
    /// </summary>
    private IOperation? LoopedMember(ILocalSymbol local, IForEachLoopOperation loop, System.Threading.CancellationToken cancellationToken)
        => CollectionBehind(loop.Collection, cancellationToken) is { } looped
            && (looped.Type is IArrayTypeSymbol || (SymbolFacts.IsDotnetCollection(looped.Type) && _types.Is(local.Type, CdkTypeKind.Construct)))
                ? looped
                : null;

    /// <summary>
    /// The call of a source iterator a <c>foreach</c> variable loops over (<c>foreach (var task in core.All())</c>, where
    /// <c>All</c> yields <c>Worker</c> and <c>Batch</c>); null for anything else, a deconstructed element among them
    /// (it is a part of what is yielded).
    /// </summary>
    private IInvocationOperation? LoopedIterator(ILocalSymbol local, IForEachLoopOperation loop)
        => loop.Syntax is ForEachStatementSyntax
            && OperationFlow.Unwrap(loop.Collection) is IInvocationOperation { TargetMethod.DeclaringSyntaxReferences.IsEmpty: false } call
            && _types.Is(local.Type, CdkTypeKind.Construct)
                ? call
                : null;

    /// <summary>What every <c>yield return</c> of a source iterator gives, relative to its call, worked out once per method.</summary>
    private Owner YieldedSummary(IMethodSymbol method, ResolutionWalk walk)
        => ResolveOnce(method, _yieldSummaries, static (owners, iterator, resolving) => owners.ResolveSources(ValueSources.OfYields(iterator, resolving.CancellationToken), resolving), summaryMethod: method, walk);

    /// <summary>
    /// The <c>foreach</c> whose element <paramref name="declaration"/> declares: the loop variable, or the value of a
    /// deconstructed pair (<c>foreach (var (name, taskDef) in byName)</c>, <c>foreach ((string name, ITaskDefinition taskDef) in …)</c>).
    /// </summary>
    private static CommonForEachStatementSyntax? LoopDeclaring(SyntaxNode declaration)
        => CdkSyntax.LoopDeclaring(declaration, out var part) is { } loop && (part.Position < 0 || part is { Position: 1, Count: 2 }) ? loop : null;

    /// <summary>
    /// <c>pair.Value</c> of a <c>foreach</c> over a dictionary (<c>foreach (var pair in pool.TaskDefs)</c>, or over one a
    /// stack received), or of a lambda a query calls with its pairs (<c>pool.TaskDefs.Select(pair =&gt; pair.Value)</c>): an element of it.
    /// </summary>
    private Owner OwnerOfPairValue(IPropertyReferenceOperation value, ResolutionWalk walk)
        => PairSource(value, walk) is { } looped && SymbolFacts.IsDotnetCollection(looped.Type) && _types.Is(value.Type, CdkTypeKind.Construct)
            ? OwnerOfElements(looped, walk)
            : Owner.Unknown;

    /// <summary>The collection whose pairs <c>pair.Value</c> reads (<see cref="OwnerOfPairValue"/>); null when the pair comes from elsewhere.</summary>
    private IOperation? PairSource(IPropertyReferenceOperation value, ResolutionWalk walk)
        => OperationFlow.Unwrap(value.Instance!) switch
        {
            ILocalReferenceOperation { Local: var pair } reference
                when LoopOf(pair, reference.SemanticModel, walk.CancellationToken) is { Syntax: ForEachStatementSyntax } loop
                => CollectionBehind(loop.Collection, walk.CancellationToken),
            IParameterReferenceOperation { Parameter: var pair } when SymbolFacts.IsLambdaParameter(pair)
                => CollectionBehind(LambdaElementSource(pair, walk), walk.CancellationToken),
            _ => null,
        };

    /// <summary>
    /// The expressions put into the collection member an element is read from (<c>handlers["api"]</c>, a <c>foreach</c>
    /// variable or its pair's <c>Value</c>, a query's lambda parameter or picked element), wherever they were put in,
    /// for a question about what the elements are rather than whose (a version kept as an <c>IFunction</c>). Default
    /// for any other value, and when the elements cannot all be seen (<see cref="CollectionElements.Of"/>).
    /// </summary>
    private ImmutableArray<ExpressionSyntax> ElementsReadFrom(IOperation element, ResolutionWalk walk)
    {
        var cancellationToken = walk.CancellationToken;
        var collection = element switch
        {
            ILocalReferenceOperation { Local: var local } reference
                => LoopOf(local, reference.SemanticModel, cancellationToken) is { } loop ? LoopedMember(local, loop, cancellationToken) : null,
            IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } indexed } => indexed,
            IPropertyReferenceOperation { Property.Name: "Value", Instance: ILocalReferenceOperation or IParameterReferenceOperation } pairValue
                when IsKeyValuePair(pairValue.Property.ContainingType) => PairSource(pairValue, walk),
            IParameterReferenceOperation { Parameter: var parameter } when SymbolFacts.IsLambdaParameter(parameter)
                => CollectionBehind(LambdaElementSource(parameter, walk), cancellationToken),
            IInvocationOperation invocation when _queries.KindOf(invocation.TargetMethod) == CollectionQueries.Kind.PicksAnElement
                => CollectionBehind(CollectionQueries.SourceOf(invocation), cancellationToken),
            _ => null,
        };

        return collection is not null && HeldCollection(Unalias(OperationFlow.Unwrap(collection), cancellationToken)) is { } held
            ? _collections.Of(held.Member, cancellationToken)
            : default;
    }

    /// <summary>
    /// A local that only ever holds one collection (<c>var workers = props.Workers;</c>): that collection's member or
    /// parameter reference, so that its elements are found as if read from it (the collection's own search checks that
    /// nothing adds through the local), or a lazy query over one that keeps its elements. Any other operation as it
    /// is; null for a local holding anything else.
    /// </summary>
    private IOperation? Unalias(IOperation collection, System.Threading.CancellationToken cancellationToken)
    {
        if (collection is not ILocalReferenceOperation { Local: var local } reference)
        {
            return collection;
        }

        var sources = _sources.OfLocal(local, reference.Syntax, reference.SemanticModel, cancellationToken);
        if (sources.IsDefault || sources.Length != 1
            || _sources.SemanticModelFor(sources[0].SyntaxTree, reference.SemanticModel).GetOperation(CdkSyntax.WithoutSuppression(sources[0]), cancellationToken) is not { } source)
        {
            return null;
        }

        var held = OperationFlow.Unwrap(source);
        if (held is IInvocationOperation query && _queries.KindOf(query.TargetMethod) == CollectionQueries.Kind.KeepsTheElements)
        {
            // var running = props.Workers.Where(…): a query the local keeps, read later. Only a lazy one (an interface: a
            // sequence nothing can add to); a copy (ToList, ToArray) may be added to through the local.
            return query.Type is { TypeKind: TypeKind.Interface } ? held : null;
        }

        return held is IPropertyReferenceOperation { Arguments.Length: 0 } or IFieldReferenceOperation or IParameterReferenceOperation
            && (SymbolFacts.IsDotnetCollection(held.Type) || held.Type is IArrayTypeSymbol)
            ? held
            : null;
    }

    /// <summary>Is <paramref name="type"/> a <c>KeyValuePair&lt;,&gt;</c>, a dictionary's element?</summary>
    public bool IsKeyValuePair(INamedTypeSymbol? type) => SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, _keyValuePair.Value);

    /// <summary>
    /// An element of a collection member (<c>pool.TaskDefs["api"]</c>, a <c>foreach</c> over it): owned where every
    /// element put into it is, relative to the instance it is read from, as a member's value is.
    /// </summary>
    private Owner OwnerOfElements(IOperation collectionOperation, ResolutionWalk walk)
    {
        if (Unalias(OperationFlow.Unwrap(collectionOperation), walk.CancellationToken) is not { } collection)
        {
            return Owner.Unknown;
        }

        if (collection is IParameterReferenceOperation { Parameter: var parameter } && SymbolFacts.IsDotnetCollection(parameter.Type))
        {
            // A collection a stack's constructor received (IEnumerable<ITaskDefinition> taskDefs): filled before the
            // stack existed, unless the constructor adds to it.
            return ElementsReceived(OwnerOfParameter(parameter, walk), parameter, walk);
        }

        if (HeldCollection(collection) is not { Instance: { } instance } held)
        {
            return Owner.Unknown;
        }

        var key = held.Member.OriginalDefinition;
        var receiver = OperationFlow.Unwrap(instance);
        if (receiver is not IInstanceReferenceOperation && !_types.Is(receiver.Type, CdkTypeKind.Construct))
        {
            // A props object or another plain value a stack's constructor received: what its collection holds was put
            // in before the stack existed, as a plain member's value was, unless code may add to it afterwards.
            return ElementsReceived(OwnerOf(receiver, walk), key, walk);
        }

        var relative = ResolveOnce(key, _elementOwners, static (owners, collection, resolving) => owners.ResolveSources(owners._collections.Of(collection, resolving.CancellationToken), resolving), summaryMethod: null, walk);
        if (receiver is IInstanceReferenceOperation)
        {
            return relative;
        }

        if (relative.Kind is OwnerKind.Unknown or OwnerKind.Foreign)
        {
            return Owner.Unknown;
        }

        var receiverOwner = OwnerOf(receiver, walk);
        return receiverOwner.Kind is OwnerKind.Unknown or OwnerKind.Imported or OwnerKind.Stable ? Owner.Unknown : relative.Bind(receiverOwner);
    }

    /// <summary>A read of a field or property (no indexer) that holds a .NET collection; null for anything else.</summary>
    private static IMemberReferenceOperation? HeldCollection(IOperation? collection)
        => collection is IPropertyReferenceOperation { Arguments.Length: 0 } or IFieldReferenceOperation && SymbolFacts.IsDotnetCollection(collection.Type)
            ? (IMemberReferenceOperation)collection
            : null;

    /// <summary>
    /// The elements of a collection held by <paramref name="holder"/>: another stack's when the holder reached this one
    /// through its constructor and nothing may add to the collection afterwards; unknown otherwise.
    /// </summary>
    private Owner ElementsReceived(Owner holder, ISymbol collection, ResolutionWalk walk)
        => holder.Kind == OwnerKind.Foreign && !_collections.MayBeFilledAfterCreation(collection, walk.CancellationToken) ? holder : Owner.Unknown;
}
