using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// A stack's or construct's collection of strings that its own code fills with volatile reads of its own constructs:
/// <c>SharedEnvironment[$"{name}_TASK_ARN"] = td.TaskDefinitionArn</c>, <c>Arns.Add(api.TaskDefinitionArn)</c>. Another
/// stack that renders the collection (a function's <c>Environment = jobs.SharedEnvironment</c>) or an element of it
/// imports those values, as it would a string relay (<see cref="RelayedReads"/>).
/// </summary>
internal sealed class RelayedCollections
{
    private readonly SourceDeclarations _declarations;
    private readonly CdkTypes _types;
    private readonly RelayedReads _relays;
    private readonly CollectionElements _elements;
    private readonly ConcurrentDictionary<(ISymbol Member, VolatileCatalogue Catalogue), CollectionRelay> _answers = new(MemberCatalogueKeyComparer.Instance);
    private HashSet<string>? _names;

    public RelayedCollections(SourceDeclarations declarations, CdkTypes types, RelayedReads relays, CollectionElements elements)
    {
        _declarations = declarations;
        _types = types;
        _relays = relays;
        _elements = elements;
    }

    /// <summary>The cheap syntactic test: is a member of this name declared in a stack or construct class as a collection of strings?</summary>
    public bool MayRelay(string name, CancellationToken cancellationToken)
    {
        var names = _names;
        if (names is null)
        {
            names = CollectNames(cancellationToken);
            Interlocked.CompareExchange(ref _names, names, null);
        }

        return names.Contains(name);
    }

    /// <summary>
    /// What <paramref name="member"/> relays: a catalogue member its class's code reads into it, and whether every element
    /// is such a read; <see cref="CollectionRelay.None"/> when it is no string collection of a stack or construct class,
    /// or none of what its class is seen to put into it is such a read.
    /// </summary>
    public CollectionRelay RelayOf(ISymbol member, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var key = (member.OriginalDefinition, catalogue);
        if (_answers.TryGetValue(key, out var known))
        {
            return known;
        }

        return _answers.GetOrAdd(key, Resolve(key.OriginalDefinition, catalogue, cancellationToken));
    }

    private CollectionRelay Resolve(ISymbol member, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (member is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol) || member.IsStatic
            || !IsStringCollection(SymbolFacts.ValueType(member)) || !_types.Is(member.ContainingType, CdkTypeKind.Construct))
        {
            return CollectionRelay.None;
        }

        // What its class is seen to put in is in it, whatever else code may add: enough to relay. Every element relays
        // only when nothing else can be added.
        var (elements, all) = _elements.Seen(member, cancellationToken);
        ISymbol? relayed = null;
        foreach (var element in elements)
        {
            var read = _relays.OwnVolatileRead(element, catalogue, cancellationToken);
            relayed ??= read;
            all &= read is not null;
        }

        return relayed is null ? CollectionRelay.None : new CollectionRelay(relayed, all);
    }

    /// <summary><c>string[]</c>, or a .NET collection whose type arguments are all <c>string</c> (a list, a dictionary of them).</summary>
    private static bool IsStringCollection(ITypeSymbol? type)
        => SymbolFacts.IsCollectionOf(type, element => element.SpecialType == SpecialType.System_String);

    private HashSet<string> CollectNames(CancellationToken cancellationToken)
    {
        var declarations = _declarations.Get(cancellationToken);
        var constructClasses = declarations.ConstructClassNames;
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (name, declaringType) in declarations.StringCollectionMembers)
        {
            if (constructClasses.Contains(declaringType))
            {
                names.Add(name);
            }
        }

        return names;
    }
}

/// <summary>What a collection of strings relays: the catalogue member read into it, and whether every element is one.</summary>
internal readonly struct CollectionRelay
{
    public CollectionRelay(ISymbol? member, bool everyElement)
    {
        Member = member;
        EveryElement = everyElement;
    }

    public static CollectionRelay None => default;

    public ISymbol? Member { get; }

    public bool EveryElement { get; }
}
