using System.Collections.Concurrent;
using System.Collections.Generic;
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
/// The member holds the same token, so another stack that reads it imports the volatile value all the same.
/// </summary>
internal sealed class RelayedReads
{
    private const int MaxChain = 4;

    private readonly SourceDeclarations _declarations;
    private readonly CdkTypes _types;
    private readonly ValueSources _sources;
    private readonly OwnershipResolver _owners;

    // Each member's answer per catalogue (the options can add members).
    private readonly ConcurrentDictionary<(ISymbol Member, VolatileCatalogue Catalogue), StrongBox<ISymbol?>> _relayed = new(MemberKeyComparer.Instance);
    private HashSet<string>? _names;

    public RelayedReads(SourceDeclarations declarations, CdkTypes types, ValueSources sources, OwnershipResolver owners)
    {
        _declarations = declarations;
        _types = types;
        _sources = sources;
        _owners = owners;
    }

    /// <summary>
    /// The cheap syntactic test: is a string member of this name declared in a stack or construct class? The names
    /// come from the declarations the name indexes collect, once per compilation; no method body is read.
    /// </summary>
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
    /// The catalogue member that <paramref name="member"/> relays, when it is a string member of a stack or construct
    /// class whose every value is a volatile read of a construct created under it; null otherwise.
    /// </summary>
    public ISymbol? RelayedMember(ISymbol member, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        => RelayedMember(member, catalogue, depth: 0, cancellationToken);

    private ISymbol? RelayedMember(ISymbol member, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        var key = (member.OriginalDefinition, catalogue);
        if (_relayed.TryGetValue(key, out var known))
        {
            return known.Value;
        }

        // A chain of relays deeper than this (or a cycle of them) is not followed: no relay. Only an answer that no
        // depth cut could have shortened is kept.
        if (depth > MaxChain)
        {
            return null;
        }

        var relayed = Resolve(key.OriginalDefinition, catalogue, depth, cancellationToken);
        if (relayed is not null || depth == 0)
        {
            _relayed.TryAdd(key, new StrongBox<ISymbol?>(relayed));
        }

        return relayed;
    }

    private ISymbol? Resolve(ISymbol member, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        if (member.ContainingType is { TypeKind: TypeKind.Interface } contract && !member.IsStatic && !member.DeclaringSyntaxReferences.IsEmpty)
        {
            return ThroughImplementations(member, contract, catalogue, depth, cancellationToken);
        }

        // A static member is one value for every instance of the class: the rule cannot tell which stack set it.
        if (member is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol)
            || SymbolFacts.ValueType(member)?.SpecialType != SpecialType.System_String || member.IsStatic || member.DeclaringSyntaxReferences.IsEmpty
            || !_types.Is(member.ContainingType, CdkTypeKind.Construct))
        {
            return null;
        }

        var sources = _sources.OfMember(member, null, cancellationToken);
        if (sources.IsDefaultOrEmpty)
        {
            return null;
        }

        ISymbol? relayed = null;
        foreach (var source in sources)
        {
            if (sources.Length > 1 && IsEmptyString(source))
            {
                // public string ApiArn { get; private set; } = ""; set to the read later: the empty start only quiets the compiler.
                continue;
            }

            if (CdkSyntax.WalkDownParenthesesAndCasts(source) is not MemberAccessExpressionSyntax access)
            {
                return null;
            }

            // A catalogue read (api.TaskDefinitionArn), or a relay of one (Worker.TaskDefinitionArn, itself a string
            // member of the construct Worker relaying its task definition's ARN).
            var semanticModel = _sources.SemanticModelFor(access.SyntaxTree, null);
            var volatileRead = VolatileValues.Read(access, semanticModel, catalogue, cancellationToken);
            var read = volatileRead ?? semanticModel.GetOperation(access, cancellationToken) as IMemberReferenceOperation;
            if (read is not { Instance: { } receiver } || read is not (IPropertyReferenceOperation or IFieldReferenceOperation)
                || (volatileRead is not null ? read.Member : RelayedMember(read.Member, catalogue, depth + 1, cancellationToken)) is not { } relayedHere)
            {
                return null;
            }

            // Relayed from a construct created under this stack or construct; one it received belongs to another
            // stack, whose own reads the rule examines where they are.
            var owner = _owners.OwnerOf(receiver, new ResolutionWalk(cancellationToken, semanticModel));
            if (owner.Kind != OwnerKind.This && !owner.IsThisStack)
            {
                return null;
            }

            relayed ??= relayedHere;
        }

        return relayed;
    }

    /// <summary>
    /// A member of the app's own interface (<c>IContainerOutputs.WorkerArn</c>) relays when every class in source that
    /// implements the interface implements the member as a relay; the same catalogue member, or the first one's.
    /// </summary>
    private ISymbol? ThroughImplementations(ISymbol member, INamedTypeSymbol contract, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        ISymbol? relayed = null;
        foreach (var implementor in SymbolFacts.SourceTypesDerivedFrom(_sources.Compilation, contract, cancellationToken))
        {
            if (implementor.FindImplementationForInterfaceMember(member) is not { } implementation
                || RelayedMember(implementation, catalogue, depth + 1, cancellationToken) is not { } relayedHere)
            {
                return null;
            }

            relayed ??= relayedHere;
        }

        return relayed;
    }

    /// <summary><c>""</c> or <c>string.Empty</c>.</summary>
    private static bool IsEmptyString(ExpressionSyntax value)
        => value is LiteralExpressionSyntax { Token.ValueText.Length: 0 } literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            || value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: PredefinedTypeSyntax { Keyword.ValueText: "string" } or IdentifierNameSyntax { Identifier.ValueText: "String" } };

    /// <summary>
    /// The string members declared in a class that derives from <c>Stack</c> or <c>Construct</c> by name, through the
    /// source's own subclasses (<c>class AppStack : Stack</c>, <c>class ContainerStack : AppStack</c>) to a fixed point.
    /// </summary>
    private HashSet<string> CollectNames(CancellationToken cancellationToken)
    {
        var declarations = _declarations.Get(cancellationToken);
        var constructClasses = new HashSet<string>(System.StringComparer.Ordinal) { KnownCdkNames.StackTypeName, KnownCdkNames.ConstructTypeName };
        foreach (var (alias, target) in declarations.Aliases)
        {
            if (target is KnownCdkNames.StackTypeName or KnownCdkNames.ConstructTypeName)
            {
                constructClasses.Add(alias);
            }
        }

        for (var added = true; added;)
        {
            added = false;
            foreach (var (name, bases) in declarations.Subclasses)
            {
                if (!constructClasses.Contains(name) && bases.Any(constructClasses.Contains))
                {
                    constructClasses.Add(name);
                    added = true;
                }
            }
        }

        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var (name, declaringType) in declarations.StringMembers)
        {
            if (constructClasses.Contains(declaringType))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private sealed class MemberKeyComparer : IEqualityComparer<(ISymbol Member, VolatileCatalogue Catalogue)>
    {
        public static readonly MemberKeyComparer Instance = new();

        public bool Equals((ISymbol Member, VolatileCatalogue Catalogue) x, (ISymbol Member, VolatileCatalogue Catalogue) y)
            => SymbolEqualityComparer.Default.Equals(x.Member, y.Member) && ReferenceEquals(x.Catalogue, y.Catalogue);

        public int GetHashCode((ISymbol Member, VolatileCatalogue Catalogue) key) => SymbolEqualityComparer.Default.GetHashCode(key.Member);
    }
}
