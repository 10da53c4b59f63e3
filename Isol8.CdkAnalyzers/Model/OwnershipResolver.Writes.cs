using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Values that travel in tuples and <c>out</c> parameters: <c>(Batch, BatchFn) = Build("batch")</c>,
/// <c>var (task, fn) = Build("batch")</c>, <c>Build("batch").Task</c>, <c>CreateWorker(env, out var fn)</c>,
/// <c>compute.Pair.Task</c>. A method's tuple is summarized element by element, and an <c>out</c> parameter by what the
/// method writes to it, each once per compilation and bound to the call as a method's result is; a member's tuple
/// element by element, relative to the instance, as a member's value is.
/// </summary>
internal sealed partial class OwnershipResolver
{
    private readonly ConcurrentDictionary<TupleElement, Owner> _returnedElements = new();
    private readonly ConcurrentDictionary<TupleElement, Owner> _memberElements = new();
    private readonly ConcurrentDictionary<IParameterSymbol, Owner> _outParameters = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// What a deconstruction or an <c>out</c> argument writes to <paramref name="target"/> (a variable on a
    /// deconstruction's left side, or an argument); null when <paramref name="target"/> is no such target. A <c>ref</c>
    /// argument, a type's <c>Deconstruct</c> and a library's <c>out</c> parameter give an unknown value.
    /// <paramref name="written"/>, the local being resolved, picks its element out of a <c>var (task, fn)</c> declaration.
    /// </summary>
    private Owner? OwnerOfOtherWrite(IOperation target, ISymbol? written, ResolutionWalk walk)
    {
        var reference = target is IDeclarationExpressionOperation { Expression: var declared } ? declared : target;
        if (reference is ITupleOperation declaredTuple)
        {
            if (written is not ILocalSymbol local || DeclaredElement(declaredTuple, local) is not { } element)
            {
                return Owner.Unknown;
            }

            reference = element;
        }

        var path = ImmutableArray.CreateBuilder<int>();
        for (var node = reference; node.Parent is { } parent; node = parent)
        {
            switch (parent)
            {
                case IDeclarationExpressionOperation:
                    continue;
                case ITupleOperation tuple:
                    path.Insert(0, tuple.Elements.IndexOf(node));
                    continue;
                case IDeconstructionAssignmentOperation deconstruction when deconstruction.Target == node && path.Count > 0:
                    // A type's own Deconstruct has no tuple to read an element of: OwnerOfTupleElement leaves it unknown.
                    return OwnerOfTupleElement(deconstruction.Value, path.ToImmutable(), 0, walk);
                case IArgumentOperation { Parameter: { RefKind: RefKind.Out or RefKind.Ref } parameter } argument when path.Count == 0:
                    return parameter.RefKind == RefKind.Out && argument.Parent is IInvocationOperation call ? OwnerOfOutArgument(call, parameter, walk) : Owner.Unknown;
            }

            return null;
        }

        return null;
    }

    /// <summary>The local <paramref name="local"/> among a <c>var (…)</c> declaration's variables, nested or not.</summary>
    private static IOperation? DeclaredElement(ITupleOperation declared, ILocalSymbol local)
    {
        foreach (var element in declared.Elements)
        {
            switch (element)
            {
                case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local):
                    return reference;
                case ITupleOperation nested when DeclaredElement(nested, local) is { } found:
                    return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The element at <paramref name="path"/> (from <paramref name="at"/> on) of the tuple <paramref name="value"/> is: of
    /// a tuple literal, of a source method's result or member (one level), of what a local holds. Anything else is unknown.
    /// </summary>
    private Owner OwnerOfTupleElement(IOperation value, ImmutableArray<int> path, int at, ResolutionWalk walk)
    {
        var index = path[at];
        var last = at == path.Length - 1;
        if (index < 0 || !walk.TryEnter())
        {
            return Owner.Unknown;
        }

        try
        {
            switch (OperationFlow.Unwrap(value))
            {
                case ITupleOperation tuple when index < tuple.Elements.Length:
                    return last ? OwnerOf(tuple.Elements[index], walk) : OwnerOfTupleElement(tuple.Elements[index], path, at + 1, walk);
                case IInvocationOperation { TargetMethod: { DeclaringSyntaxReferences.IsEmpty: false } method } call when last:
                    return BindSummary(call, ReturnedElementSummary(method.OriginalDefinition, index, walk), walk);
                case ILocalReferenceOperation { Local: var local } reference:
                    return OwnerOfLocal(local, reference.Syntax, reference.SemanticModel, walk, path.RemoveRange(0, at));
                case { Type: INamedTypeSymbol { IsRecord: true } record } positional when last && DeconstructedProperty(record, index) is { } property:
                    return OwnerOfPositionalProperty(property, positional, walk);
                case IMemberReferenceOperation { Member: IPropertySymbol { Parameters.IsEmpty: true } or IFieldSymbol { ContainingType.IsTupleType: false }, Type.IsTupleType: true } held when last:
                    // compute.Pair.Task, var (task, _) = compute.Pair: the element of what the member is given.
                    return OwnerOfMember(held.Member, held.Instance, walk, index);
                default:
                    return Owner.Unknown;
            }
        }
        finally
        {
            walk.Exit();
        }
    }

    /// <summary>
    /// The property a positional record's own <c>Deconstruct</c> gives at <paramref name="index"/> (<c>var (compute, env)
    /// = config;</c>): only when the compiler wrote it and it is the record's one <c>Deconstruct</c>.
    /// </summary>
    private static IPropertySymbol? DeconstructedProperty(INamedTypeSymbol record, int index)
    {
        IMethodSymbol? deconstruct = null;
        foreach (var member in record.GetMembers("Deconstruct"))
        {
            if (deconstruct is not null || member is not IMethodSymbol { IsImplicitlyDeclared: true } method)
            {
                return null;
            }

            deconstruct = method;
        }

        return deconstruct is not null && index < deconstruct.Parameters.Length
            ? record.GetMembers(deconstruct.Parameters[index].Name).OfType<IPropertySymbol>().FirstOrDefault()
            : null;
    }

    /// <summary>What <c>record.Property</c> would be owned by: a stack's identity for a stack, as <see cref="StackIdentityOf"/> gives it, or the member's owner.</summary>
    private Owner OwnerOfPositionalProperty(IPropertySymbol property, IOperation record, ResolutionWalk walk)
    {
        if (!_types.Is(property.Type, CdkTypeKind.Stack))
        {
            return OwnerOfMember(property, record, walk);
        }

        return property.Type is INamedTypeSymbol stackType && !SymbolEqualityComparer.Default.Equals(stackType, _types.Stack) && record is not IInstanceReferenceOperation
            ? Owner.HeldStack(stackType, property)
            : Owner.Unknown;
    }

    /// <summary>What every <c>return</c> of a source method gives in the tuple's element at <paramref name="index"/>, relative to its call.</summary>
    private Owner ReturnedElementSummary(IMethodSymbol method, int index, ResolutionWalk walk)
        => ResolveOnce(
            new TupleElement(method, index),
            method,
            _returnedElements,
            static (owners, element, resolving) => owners.ResolveSources(owners._sources.OfReturns((IMethodSymbol)element.Symbol, resolving.CancellationToken), resolving, element: ImmutableArray.Create(element.Index)),
            summaryMethod: method,
            walk);

    /// <summary>
    /// What a call's <c>out</c> argument receives: what the source method writes to that parameter, relative to the
    /// call; for a .NET dictionary's <c>TryGetValue</c>, an element of the dictionary.
    /// </summary>
    private Owner OwnerOfOutArgument(IInvocationOperation call, IParameterSymbol parameter, ResolutionWalk walk)
    {
        var method = call.TargetMethod;
        if (method.DeclaringSyntaxReferences.IsEmpty)
        {
            return method.Name == "TryGetValue" && call.Instance is { } dictionary && SymbolFacts.IsDotnetCollection(dictionary.Type)
                ? OwnerOfElements(dictionary, walk)
                : Owner.Unknown;
        }

        var summary = ResolveOnce(
            parameter.OriginalDefinition,
            _outParameters,
            static (owners, written, resolving) => owners.ResolveSources(owners._sources.OfOutParameter(written, resolving.CancellationToken), resolving, written: written),
            summaryMethod: method.OriginalDefinition,
            walk);
        return BindSummary(call, summary, walk);
    }

    /// <summary>The place of a tuple's field among its elements (<c>Task</c> or <c>Item1</c> of <c>(ITaskDefinition Task, IFunction Fn)</c>: 0); -1 for another field.</summary>
    private static int TupleIndex(IFieldSymbol field)
    {
        var elements = field.ContainingType.TupleElements;
        var item = field.CorrespondingTupleField ?? field;
        for (var index = 0; index < elements.Length; index++)
        {
            if (SymbolEqualityComparer.Default.Equals(elements[index].CorrespondingTupleField ?? elements[index], item))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>
    /// What every value the source gives a field or property puts in its tuple's element at <paramref name="index"/>,
    /// relative to the instance (<c>public (ITaskDefinition Task, IVersion Version) Pair { get; }</c> set to
    /// <c>(Nightly, fn.CurrentVersion)</c>); unknown for a member CDK declares.
    /// </summary>
    private Owner OwnMemberElementOwner(ISymbol member, int index, ResolutionWalk walk)
        => member.DeclaringSyntaxReferences.IsEmpty
            ? Owner.Unknown
            : ResolveOnce(
                new TupleElement(member.OriginalDefinition, index),
                member.OriginalDefinition,
                _memberElements,
                static (owners, element, resolving) => owners.ResolveSources(owners._sources.OfMember(element.Symbol, resolving.SiteModel, resolving.CancellationToken), resolving, element: ImmutableArray.Create(element.Index)),
                summaryMethod: null,
                walk);

    /// <summary>
    /// A source method or member and the place of an element of the tuple it returns or holds: the key of that
    /// element's summary.
    /// </summary>
    private readonly struct TupleElement : System.IEquatable<TupleElement>
    {
        public TupleElement(ISymbol symbol, int index)
        {
            Symbol = symbol;
            Index = index;
        }

        public ISymbol Symbol { get; }

        public int Index { get; }

        public bool Equals(TupleElement other) => Index == other.Index && SymbolEqualityComparer.Default.Equals(Symbol, other.Symbol);

        public override bool Equals(object? obj) => obj is TupleElement other && Equals(other);

        public override int GetHashCode() => (SymbolEqualityComparer.Default.GetHashCode(Symbol) * 31) + Index;
    }
}
