using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// A stack's or construct's string member that relays a volatile read of a construct created under it: <c>ApiArn</c>
/// set to <c>api.TaskDefinitionArn</c> in the constructor, or <c>public string WorkerArn => Worker.TaskDefinitionArn;</c>.
/// The member holds the same token, so another stack that reads it imports the volatile value all the same. A plain
/// object's string member that one stack class fills with such reads relays too (<see cref="FillerOf"/>).
/// </summary>
internal sealed partial class RelayedReads
{
    private const int MaxChain = 4;

    private readonly SourceDeclarations _declarations;
    private readonly CdkTypes _types;
    private readonly ValueSources _sources;
    private readonly OwnershipResolver _owners;
    private readonly ConsumerResolver _consumers;
    private readonly PlainObjectFills _fills;

    // Each member's answer per catalogue (the options can add members).
    private readonly ConcurrentDictionary<(ISymbol Member, VolatileCatalogue Catalogue), Relay> _relayed = new(MemberCatalogueKeyComparer.Instance);
    private Names? _names;

    public RelayedReads(SourceDeclarations declarations, CdkTypes types, ValueSources sources, OwnershipResolver owners, ConsumerResolver consumers, PlainObjectFills fills)
    {
        _fills = fills;
        _declarations = declarations;
        _types = types;
        _sources = sources;
        _owners = owners;
        _consumers = consumers;
    }

    /// <summary>
    /// The cheap syntactic test: is a string member of this name declared in a stack or construct class, or in a plain
    /// type whose every fill the text shows looks like a stack's own volatile read (<see cref="MayBeFilledByAStack"/>)?
    /// The names come from the declarations the name indexes collect, once per compilation; no method body is bound.
    /// </summary>
    public bool MayRelay(string name, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var names = NamesOf(cancellationToken);
        if (names.OfConstructs.Contains(name) || names.OfMethodsGiven.Contains(name))
        {
            return true;
        }

        if (names.OfPlainTypes.TryGetValue(name, out var declaringTypes))
        {
            foreach (var declaringType in declaringTypes)
            {
                if (MayBeFilledByAStack(declaringType, name, names, catalogue, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private Names NamesOf(CancellationToken cancellationToken)
    {
        var names = _names;
        if (names is null)
        {
            names = CollectNames(cancellationToken);
            Interlocked.CompareExchange(ref _names, names, null);
        }

        return names;
    }

    /// <summary>
    /// The catalogue member that <paramref name="member"/> relays, when it is a string member of a stack or construct
    /// class whose every value is a volatile read of a construct created under it, or a plain object's member that one
    /// stack class fills so (<see cref="FillerOf"/>); null otherwise.
    /// </summary>
    public ISymbol? RelayedMember(ISymbol member, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        => RelayOf(member, catalogue, depth: 0, cancellationToken).Member;

    /// <summary>
    /// For a plain object's relay (<c>outputs.WorkerArn</c>), the stack class whose code filled it: its value came from an
    /// instance of that class, whichever object holds it. Null for a stack's or construct's own relay, which is owned
    /// where the object read is, and for no relay.
    /// </summary>
    public INamedTypeSymbol? FillerOf(ISymbol member, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        => RelayOf(member, catalogue, depth: 0, cancellationToken).Filler;

    private Relay RelayOf(ISymbol member, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        var key = (member.OriginalDefinition, catalogue);
        if (_relayed.TryGetValue(key, out var known))
        {
            return known;
        }

        // A chain of relays deeper than this (or a cycle of them) is not followed: no relay. Only an answer that no
        // depth cut could have shortened is kept.
        if (depth > MaxChain)
        {
            return Relay.None;
        }

        var relay = Resolve(key.OriginalDefinition, catalogue, depth, cancellationToken);
        if (relay.Member is not null || depth == 0)
        {
            _relayed.TryAdd(key, relay);
        }

        return relay;
    }

    private Relay Resolve(ISymbol member, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        if (member.ContainingType is { TypeKind: TypeKind.Interface } contract && !member.IsStatic && !member.DeclaringSyntaxReferences.IsEmpty)
        {
            return ThroughImplementations(member, contract, catalogue, depth, cancellationToken);
        }

        if (member is IMethodSymbol method)
        {
            return RelayMethod(method, catalogue, depth, cancellationToken);
        }

        // A static member is one value for every instance of the class: the rule cannot tell which stack set it.
        if (member is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol)
            || SymbolFacts.ValueType(member)?.SpecialType != SpecialType.System_String || member.IsStatic || member.DeclaringSyntaxReferences.IsEmpty)
        {
            return Relay.None;
        }

        if (!_types.Is(member.ContainingType, CdkTypeKind.Construct))
        {
            return FilledInStack(member, catalogue, depth, cancellationToken);
        }

        return RelayOfEvery(_sources.OfMember(member, null, cancellationToken), skipEmptyStart: true, catalogue, depth, cancellationToken);
    }

    /// <summary>
    /// A stack's or construct's method whose every <c>return</c> is a volatile read of a construct created under it:
    /// <c>public string ArnOf(string job) => _jobs[job].TaskDefinitionArn;</c>; or any method's whose every return is a
    /// volatile read of what its call gives it (<see cref="RelayOfGiven"/>). A method that another body may replace
    /// (virtual, abstract, partial) has no returns to read (<see cref="ValueSources.OfReturns"/>).
    /// </summary>
    private Relay RelayMethod(IMethodSymbol method, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        var returns = _sources.OfReturns(method, cancellationToken);
        var own = RelayOfEvery(returns, skipEmptyStart: false, catalogue, depth, cancellationToken);
        return own.Member is not null || method.Parameters.IsEmpty ? own : RelayOfGiven(method, returns, catalogue, depth, cancellationToken);
    }

    /// <summary>
    /// The relay whose every value in <paramref name="sources"/> is one of the instance's own volatile reads: the first's
    /// member. With <paramref name="skipEmptyStart"/>, a member's empty start (<c>= ""</c>) set to the read later is passed over.
    /// </summary>
    private Relay RelayOfEvery(ImmutableArray<ExpressionSyntax> sources, bool skipEmptyStart, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        if (sources.IsDefaultOrEmpty)
        {
            return Relay.None;
        }

        ISymbol? relayed = null;
        foreach (var source in sources)
        {
            if (skipEmptyStart && sources.Length > 1 && CdkSyntax.IsEmptyString(source))
            {
                // public string ApiArn { get; private set; } = ""; set to the read later: the empty start only quiets the compiler.
                continue;
            }

            if (OwnRelayedRead(source, catalogue, depth, cancellationToken) is not { } relayedHere)
            {
                return Relay.None;
            }

            relayed ??= relayedHere;
        }

        return new Relay(relayed, filler: null);
    }

    /// <summary>
    /// The catalogue member <paramref name="value"/> reads from a construct created under the instance whose code it
    /// is in (<c>api.TaskDefinitionArn</c>), or relays from one (<c>Worker.TaskDefinitionArn</c>, itself a string member
    /// of the construct <c>Worker</c> relaying its task definition's ARN); null for anything else. What a stack's own
    /// code puts in a string member or collection (<see cref="RelayedCollections"/>) relays when it is such a read.
    /// </summary>
    public ISymbol? OwnVolatileRead(ExpressionSyntax value, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        => OwnRelayedRead(value, catalogue, depth: 0, cancellationToken);

    private ISymbol? OwnRelayedRead(ExpressionSyntax value, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        var reads = new List<MemberAccessExpressionSyntax>();
        if (!AddReadsOf(value, reads))
        {
            return null;
        }

        ISymbol? first = null;
        foreach (var access in reads)
        {
            if (OwnMemberRead(access, catalogue, depth, cancellationToken) is not { } read)
            {
                return null;
            }

            first ??= read;
        }

        return first;
    }

    /// <summary>
    /// The member reads <paramref name="value"/> gives: itself, both branches of a <c>?:</c>
    /// (<c>weekly ? _weekly.TaskDefinitionArn : _nightly.TaskDefinitionArn</c>), or every arm of a <c>switch</c> that
    /// does not throw (an arm that throws gives no value). False when some part of it is no member read.
    /// </summary>
    private static bool AddReadsOf(ExpressionSyntax value, List<MemberAccessExpressionSyntax> reads)
    {
        switch (CdkSyntax.WalkDownParenthesesAndCasts(value))
        {
            case ConditionalExpressionSyntax conditional:
                return AddReadsOf(conditional.WhenTrue, reads) && AddReadsOf(conditional.WhenFalse, reads);
            case SwitchExpressionSyntax { Arms.Count: > 0 } choice:
                foreach (var arm in choice.Arms)
                {
                    if (arm.Expression is not ThrowExpressionSyntax && !AddReadsOf(arm.Expression, reads))
                    {
                        return false;
                    }
                }

                return true;
            case MemberAccessExpressionSyntax access:
                reads.Add(access);
                return true;
            default:
                return false;
        }
    }

    private ISymbol? OwnMemberRead(MemberAccessExpressionSyntax access, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        var semanticModel = _sources.SemanticModelFor(access.SyntaxTree, null);
        if (RelayedRead(access, semanticModel, catalogue, depth, cancellationToken) is not ({ Instance: { } receiver }, { } relayed))
        {
            return null;
        }

        // Relayed from a construct created under this stack or construct; one it received belongs to another stack,
        // whose own reads the rule examines where they are.
        var owner = _owners.OwnerOf(receiver, new ResolutionWalk(cancellationToken, semanticModel));
        return owner.Kind == OwnerKind.This || owner.IsThisStack ? relayed : null;
    }

    /// <summary>
    /// A field or property read through a receiver that is a volatile read (<c>api.TaskDefinitionArn</c>), or a read of
    /// a stack's or construct's own relay (<c>Worker.TaskDefinitionArn</c>, itself a string member of the construct
    /// <c>Worker</c> relaying its task definition's ARN): the read and the catalogue member. Null for anything else.
    /// </summary>
    private (IMemberReferenceOperation Read, ISymbol Relayed)? RelayedRead(MemberAccessExpressionSyntax access, SemanticModel semanticModel, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        var volatileRead = VolatileValues.Read(access, semanticModel, catalogue, cancellationToken);
        var read = volatileRead ?? semanticModel.GetOperation(access, cancellationToken) as IMemberReferenceOperation;
        return read is { Instance: not null } and (IPropertyReferenceOperation or IFieldReferenceOperation)
            && (volatileRead is not null ? read.Member : RelayOf(read.Member, catalogue, depth + 1, cancellationToken).OwnedByReceiver) is { } relayed
                ? (read, relayed)
                : null;
    }

    /// <summary>
    /// A member of the app's own interface (<c>IContainerOutputs.WorkerArn</c>) relays when every class in source that
    /// implements the interface implements the member as a relay of one kind (each owned where its object is, or all
    /// filled by one stack class); the same catalogue member, or the first one's.
    /// </summary>
    private Relay ThroughImplementations(ISymbol member, INamedTypeSymbol contract, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        Relay? agreed = null;
        foreach (var implementor in SymbolFacts.SourceTypesDerivedFrom(_sources.Compilation, contract, cancellationToken))
        {
            if (implementor.FindImplementationForInterfaceMember(member) is not { } implementation
                || RelayOf(implementation, catalogue, depth + 1, cancellationToken) is not { Member: not null, Given: null } relay
                || (agreed is { } first && !SymbolEqualityComparer.Default.Equals(first.Filler, relay.Filler)))
            {
                return Relay.None;
            }

            agreed ??= relay;
        }

        return agreed ?? Relay.None;
    }

    /// <summary>
    /// The string members declared in a class that derives from <c>Stack</c> or <c>Construct</c> by name, through the
    /// source's own subclasses (<c>class AppStack : Stack</c>, <c>class ContainerStack : AppStack</c>) to a fixed point;
    /// and those of other types that their declaration leaves to be filled in, by name, with their declaring types.
    /// </summary>
    private Names CollectNames(CancellationToken cancellationToken)
    {
        var declarations = _declarations.Get(cancellationToken);
        var constructClasses = declarations.ConstructClassNames;
        var names = new Names(declarations.StackClassNames, declarations.StringMethodsGiven);
        foreach (var (name, declaringType, hasOwnValue) in declarations.StringMembers)
        {
            if (constructClasses.Contains(declaringType))
            {
                names.OfConstructs.Add(name);
            }
            else if (!hasOwnValue)
            {
                if (!names.OfPlainTypes.TryGetValue(name, out var declaringTypes))
                {
                    names.OfPlainTypes.Add(name, declaringTypes = new HashSet<string>(System.StringComparer.Ordinal));
                }

                declaringTypes.Add(declaringType);
            }
        }

        return names;
    }

    private sealed class Names
    {
        public Names(HashSet<string> stackClasses, HashSet<string> methodsGiven)
        {
            StackClasses = stackClasses;
            OfMethodsGiven = methodsGiven;
        }

        /// <summary>String members of stack and construct classes.</summary>
        public HashSet<string> OfConstructs { get; } = new(System.StringComparer.Ordinal);

        /// <summary>
        /// String members of other types that their declaration does not give a value, with those types' names (once
        /// each: a type generated into many namespaces is one name).
        /// </summary>
        public Dictionary<string, HashSet<string>> OfPlainTypes { get; } = new(System.StringComparer.Ordinal);

        /// <summary>String methods that take arguments, in any type (<see cref="SourceDeclarations.Snapshot.StringMethodsGiven"/>).</summary>
        public HashSet<string> OfMethodsGiven { get; }

        /// <summary>The classes deriving from <c>Stack</c> by name.</summary>
        public HashSet<string> StackClasses { get; }
    }
}
