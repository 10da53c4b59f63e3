using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The syntactic gate of the plain-object relays (<see cref="MayRelay"/>): every read of a plain type's string member
/// passes it before the semantic model is asked, so it reads text only, once per type and member name.
/// </summary>
internal sealed partial class RelayedReads
{
    // Per type name, where the source names it; per type name, member name and catalogue, the syntactic test.
    private readonly ConcurrentDictionary<string, Mentions> _mentions = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Type, string Member, VolatileCatalogue Catalogue), bool> _mayBeFilled = new();

    /// <summary>
    /// The syntactic test for a plain object's member, before any method body is bound: does a stack class's code
    /// create or hold a type of this name (<see cref="Mentions"/>), and does every value the text shows the member
    /// given look like a stack's own volatile read (<see cref="LooksLikeAFill"/>)? Those values are its arguments in
    /// <c>new T(…)</c> of a positional record, and assignments to the name anywhere but in another type's object
    /// initializer (so a same-named member set otherwise elsewhere silences it too). Cached per type name, member name
    /// and catalogue.
    /// </summary>
    private bool MayBeFilledByAStack(string typeName, string memberName, Names names, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var key = (typeName, memberName, catalogue);
        if (_mayBeFilled.TryGetValue(key, out var known))
        {
            return known;
        }

        var mentions = MentionsOf(typeName, names.StackClasses, cancellationToken);
        var mayBe = mentions.InStackCode && AllLookLikeFills(typeName, memberName, mentions, names, catalogue, cancellationToken);
        _mayBeFilled.TryAdd(key, mayBe);
        return mayBe;
    }

    private bool AllLookLikeFills(string typeName, string memberName, Mentions mentions, Names names, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        foreach (var record in mentions.Records)
        {
            var parameters = record.ParameterList!.Parameters;
            for (var ordinal = 0; ordinal < parameters.Count; ordinal++)
            {
                if (parameters[ordinal].Identifier.ValueText != memberName)
                {
                    continue;
                }

                foreach (var creation in mentions.Creations)
                {
                    var argument = PlainObjectFills.ArgumentFor(creation.ArgumentList?.Arguments ?? default, memberName, ordinal);
                    if (argument is null || !LooksLikeAFill(argument.Expression, names, catalogue))
                    {
                        return false;
                    }
                }
            }
        }

        var holder = new[] { typeName };
        foreach (var tree in _sources.Compilation.SyntaxTrees)
        {
            foreach (var token in _sources.Text.AssignedTokensNamed(tree.GetRoot(cancellationToken), memberName, cancellationToken))
            {
                if (CdkSyntax.AssignmentNamedBy(token) is { } assignment && !PlainObjectFills.IsInOtherTypesInitializer(assignment, holder) && !LooksLikeAFill(assignment.Right, names, catalogue))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A member access in a stack class's code that reads a catalogue member or a stack's or construct's relay by name
    /// (<c>worker.TaskDefinitionArn</c>, <c>Worker.Arn</c>).
    /// </summary>
    private static bool LooksLikeAFill(ExpressionSyntax value, Names names, VolatileCatalogue catalogue)
        => CdkSyntax.WalkDownParenthesesAndCasts(value) is MemberAccessExpressionSyntax access
            && (catalogue.MayBeVolatile(access.Name.Identifier.ValueText) || names.OfConstructs.Contains(access.Name.Identifier.ValueText))
            && PlainObjectFills.IsInStackCode(value, names.StackClasses);

    /// <summary>
    /// Where the source names a type: its <c>new T(…)</c> creations, its positional record declarations, and whether a
    /// stack class's code creates it or declares a field, property or local of it (which a target-typed <c>new(…)</c>
    /// may fill). A props type that stacks only receive is not in stack code. A text search for the name in every
    /// tree, once per name.
    /// </summary>
    private Mentions MentionsOf(string typeName, HashSet<string> stackClasses, CancellationToken cancellationToken)
    {
        if (_mentions.TryGetValue(typeName, out var known))
        {
            return known;
        }

        var mentions = new Mentions();
        foreach (var tree in _sources.Compilation.SyntaxTrees)
        {
            foreach (var token in _sources.Text.TokensNamed(tree.GetRoot(cancellationToken), typeName, cancellationToken))
            {
                if (token.Parent is RecordDeclarationSyntax { ParameterList: not null } record && record.Identifier == token)
                {
                    mentions.Records.Add(record);
                    continue;
                }

                var type = token.Parent is IdentifierNameSyntax name ? CdkSyntax.TypeSyntaxEndingWith(name) : null;
                SyntaxNode? role = type?.Parent switch
                {
                    ObjectCreationExpressionSyntax creation when creation.Type == type => creation,
                    PropertyDeclarationSyntax property when property.Type == type => (SyntaxNode)property,
                    VariableDeclarationSyntax variable when variable.Type == type => variable,
                    _ => null,
                };
                if (role is ObjectCreationExpressionSyntax created)
                {
                    mentions.Creations.Add(created);
                }

                mentions.InStackCode |= role is not null && PlainObjectFills.IsInStackCode(role, stackClasses);
            }
        }

        return _mentions.GetOrAdd(typeName, mentions);
    }

    private sealed class Mentions
    {
        public List<ObjectCreationExpressionSyntax> Creations { get; } = new();

        public List<RecordDeclarationSyntax> Records { get; } = new();

        public bool InStackCode { get; set; }
    }
}
