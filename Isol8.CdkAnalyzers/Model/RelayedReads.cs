using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// A stack's string member that relays a volatile read of the stack's own construct: <c>ApiArn</c> set to
/// <c>api.TaskDefinitionArn</c> in the constructor, or <c>public string WorkerArn => Worker.TaskDefinitionArn;</c>.
/// The member holds the same token, so another stack that reads it imports the volatile value all the same.
/// </summary>
internal sealed class RelayedReads
{
    private readonly Compilation _compilation;
    private readonly CdkTypes _types;
    private readonly ValueSources _sources;
    private readonly OwnershipResolver _owners;

    // Per catalogue (the options can add members): the names that might relay, and each member's answer.
    private readonly ConditionalWeakTable<VolatileCatalogue, HashSet<string>> _names = new();
    private readonly ConcurrentDictionary<(ISymbol Member, VolatileCatalogue Catalogue), StrongBox<ISymbol?>> _relayed = new(MemberKeyComparer.Instance);

    public RelayedReads(Compilation compilation, CdkTypes types, ValueSources sources, OwnershipResolver owners)
    {
        _compilation = compilation;
        _types = types;
        _sources = sources;
        _owners = owners;
    }

    /// <summary>
    /// The cheap syntactic test: is a member of this name given a catalogue member's read somewhere in the source
    /// (assigned it, initialized with it, or returning it from its getter)? The names are collected once per compilation.
    /// </summary>
    public bool MayRelay(string name, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (!_names.TryGetValue(catalogue, out var names))
        {
            names = _names.GetValue(catalogue, _ => CollectNames(catalogue, cancellationToken));
        }

        return names.Contains(name);
    }

    /// <summary>
    /// The catalogue member that <paramref name="member"/> relays, when it is a string member of a stack class whose
    /// every value is a volatile read of a construct of that stack's own; null otherwise.
    /// </summary>
    public ISymbol? RelayedMember(ISymbol member, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var key = (member.OriginalDefinition, catalogue);
        if (!_relayed.TryGetValue(key, out var known))
        {
            known = _relayed.GetOrAdd(key, new StrongBox<ISymbol?>(Resolve(key.OriginalDefinition, catalogue, cancellationToken)));
        }

        return known.Value;
    }

    private ISymbol? Resolve(ISymbol member, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var type = member switch
        {
            IPropertySymbol { Parameters.Length: 0 } property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };

        // A static member is one value for every instance of the class: the rule cannot tell which stack set it.
        if (type?.SpecialType != SpecialType.System_String || member.IsStatic || member.DeclaringSyntaxReferences.IsEmpty
            || !_types.IsTopLevelStack(member.ContainingType))
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
            if (CdkSyntax.WalkDownParenthesesAndCasts(source) is not MemberAccessExpressionSyntax access
                || !catalogue.MayBeVolatile(access.Name.Identifier.ValueText))
            {
                return null;
            }

            var semanticModel = _sources.SemanticModelFor(access.SyntaxTree, null);
            if (VolatileValues.Read(access, semanticModel, catalogue, cancellationToken) is not { Instance: { } receiver } read)
            {
                return null;
            }

            // Relayed from a construct this stack owns; a construct it received belongs to another stack, whose own
            // reads the rule examines where they are.
            var owner = _owners.OwnerOf(receiver, new ResolutionWalk(cancellationToken, semanticModel));
            if (owner.Kind != OwnerKind.This && !owner.IsThisStack)
            {
                return null;
            }

            relayed ??= read.Member;
        }

        return relayed;
    }

    private HashSet<string> CollectNames(VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var memberName in catalogue.MemberNames)
            {
                foreach (var token in _sources.Text.TokensNamed(root, memberName, cancellationToken))
                {
                    if (token.Parent is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax access } name && access.Name == name
                        && RelayName(access) is { } relay)
                    {
                        names.Add(relay);
                    }
                }
            }
        }

        return names;
    }

    /// <summary>The member a read is given to: <c>X = read</c>, <c>this.X = read</c>, <c>string X => read</c>, <c>get { return read; }</c>, <c>X = read</c> as an initializer.</summary>
    private static string? RelayName(ExpressionSyntax read)
    {
        var value = read;
        while (value.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            value = (ExpressionSyntax)value.Parent;
        }

        return value.Parent switch
        {
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment when assignment.Right == value && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => target.Identifier.ValueText,
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } target } assignment when assignment.Right == value && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => target.Name.Identifier.ValueText,
            ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            ArrowExpressionClauseSyntax { Parent: AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } } => property.Identifier.ValueText,
            ReturnStatementSyntax { Parent: BlockSyntax { Parent: AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } } } => property.Identifier.ValueText,
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax } declarator } => declarator.Identifier.ValueText,
            _ => null,
        };
    }

    private sealed class MemberKeyComparer : IEqualityComparer<(ISymbol Member, VolatileCatalogue Catalogue)>
    {
        public static readonly MemberKeyComparer Instance = new();

        public bool Equals((ISymbol Member, VolatileCatalogue Catalogue) x, (ISymbol Member, VolatileCatalogue Catalogue) y)
            => SymbolEqualityComparer.Default.Equals(x.Member, y.Member) && ReferenceEquals(x.Catalogue, y.Catalogue);

        public int GetHashCode((ISymbol Member, VolatileCatalogue Catalogue) key) => SymbolEqualityComparer.Default.GetHashCode(key.Member);
    }
}
