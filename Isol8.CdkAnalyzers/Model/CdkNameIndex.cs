using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The names under which a value of the CDK types that matter here can appear in the syntax: the type names (CDK's,
/// the source's subclasses and <c>using</c> aliases) and the members that hold or return such a type (CDK's and the
/// source's). Built lazily, once per compilation, from declarations only: no method body is bound. Rules ask it
/// first, so an expression whose syntax cannot name such a value costs no semantic query.
/// </summary>
internal sealed class CdkNameIndex
{
    private readonly SourceDeclarations _declarations;
    private readonly ImmutableArray<string> _seedTypeNames;
    private readonly ImmutableArray<string> _seedMemberNames;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxNode, Dictionary<string, (TypeSyntax Type, ExpressionSyntax? Initializer)>> _locals = new();
    private Names? _names;

    /// <param name="declarations">The source's declarations, collected once per compilation for every index.</param>
    /// <param name="seedTypeNames">The type names that count wherever they are declared: CDK's, and a catalogue's own.</param>
    /// <param name="seedMemberNames">The members of metadata (CDK) that hold or return such a type.</param>
    public CdkNameIndex(SourceDeclarations declarations, ImmutableArray<string> seedTypeNames, ImmutableArray<string> seedMemberNames)
    {
        _declarations = declarations;
        _seedTypeNames = seedTypeNames;
        _seedMemberNames = seedMemberNames;
    }

    /// <summary>Could <paramref name="expression"/> hold a value of one of the indexed types? False only when its syntax rules it out.</summary>
    public bool MightHold(ExpressionSyntax expression, CancellationToken cancellationToken)
        => MightHold(expression, GetNames(cancellationToken), 0);

    private bool MightHold(ExpressionSyntax expression, Names names, int depth)
    {
        if (depth > 8)
        {
            return true;
        }

        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return MightHold(parenthesized.Expression, names, depth + 1);
            case PostfixUnaryExpressionSyntax postfix:
                return MightHold(postfix.Operand, names, depth + 1);
            case CastExpressionSyntax cast:
                return names.Types.Contains(CdkSyntax.TypeName(cast.Type) ?? string.Empty) || MightHold(cast.Expression, names, depth + 1);
            case BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AsExpression } asExpression:
                return asExpression.Right is TypeSyntax asType && names.Types.Contains(CdkSyntax.TypeName(asType) ?? string.Empty);
            case BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.CoalesceExpression } coalesce:
                return MightHold(coalesce.Left, names, depth + 1) || MightHold(coalesce.Right, names, depth + 1);
            case ConditionalExpressionSyntax conditional:
                return MightHold(conditional.WhenTrue, names, depth + 1) || MightHold(conditional.WhenFalse, names, depth + 1);
            case ConditionalAccessExpressionSyntax access:
                return MightHold(access.WhenNotNull, names, depth + 1);
            case MemberAccessExpressionSyntax member:
                return names.Members.Contains(member.Name.Identifier.ValueText);
            case MemberBindingExpressionSyntax binding:
                return names.Members.Contains(binding.Name.Identifier.ValueText);
            case InvocationExpressionSyntax invocation:
                return invocation.Expression switch
                {
                    MemberAccessExpressionSyntax method => names.Members.Contains(method.Name.Identifier.ValueText),
                    IdentifierNameSyntax method => names.Members.Contains(method.Identifier.ValueText),
                    _ => true,
                };
            case BaseObjectCreationExpressionSyntax creation:
                return creation is not ObjectCreationExpressionSyntax explicitCreation || names.Types.Contains(CdkSyntax.TypeName(explicitCreation.Type) ?? string.Empty);
            case IdentifierNameSyntax identifier:
                return IdentifierMightHold(identifier, names, depth);
            case ElementAccessExpressionSyntax:
            case ThisExpressionSyntax:
                return true;
            default:
                return false;
        }
    }

    /// <summary>A local or parameter in scope by that name decides by its declared type or initializer; otherwise the member names do.</summary>
    private bool IdentifierMightHold(IdentifierNameSyntax identifier, Names names, int depth)
    {
        var name = identifier.Identifier.ValueText;
        foreach (var ancestor in identifier.Ancestors())
        {
            switch (ancestor)
            {
                case BlockSyntax or SwitchSectionSyntax or CompilationUnitSyntax:
                    if (LocalsOf(ancestor).TryGetValue(name, out var declared))
                    {
                        var (type, initializer) = declared;
                        return type.IsVar
                            ? initializer is null || MightHold(initializer, names, depth + 1)
                            : names.Types.Contains(CdkSyntax.TypeName(type) ?? string.Empty);
                    }

                    break;
                case ForEachStatementSyntax forEach when forEach.Identifier.ValueText == name:
                    return forEach.Type.IsVar || names.Types.Contains(CdkSyntax.TypeName(forEach.Type) ?? string.Empty);
                case BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax or TypeDeclarationSyntax
                    when CdkSyntax.ParameterOf(ancestor, name) is { } parameter:
                    // An implicitly typed lambda parameter could be anything.
                    return parameter.Type is null || names.Types.Contains(CdkSyntax.TypeName(parameter.Type) ?? string.Empty);
            }
        }

        // Pattern and out variables are rare enough to be checked on the semantic model.
        return names.Members.Contains(name) || identifier.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 };
    }

    /// <summary>The locals a block declares in its own statements, with their type and initializer; built once per block.</summary>
    private Dictionary<string, (TypeSyntax Type, ExpressionSyntax? Initializer)> LocalsOf(SyntaxNode block)
        => _locals.GetOrAdd(block, b =>
        {
            var locals = new Dictionary<string, (TypeSyntax, ExpressionSyntax?)>(StringComparer.Ordinal);
            foreach (var node in b.ChildNodes())
            {
                if ((node is GlobalStatementSyntax global ? global.Statement : node) is LocalDeclarationStatementSyntax { Declaration: var declaration })
                {
                    foreach (var variable in declaration.Variables)
                    {
                        locals[variable.Identifier.ValueText] = (declaration.Type, variable.Initializer?.Value);
                    }
                }
            }

            return locals;
        });

    private Names GetNames(CancellationToken cancellationToken)
    {
        var names = _names;
        if (names is null)
        {
            names = Build(cancellationToken);
            Interlocked.CompareExchange(ref _names, names, null);
        }

        return names;
    }

    private Names Build(CancellationToken cancellationToken)
    {
        var types = new HashSet<string>(_seedTypeNames, StringComparer.Ordinal);
        var members = new HashSet<string>(_seedMemberNames, StringComparer.Ordinal);

        // The source: subclasses and aliases of those types (to a fixed point), then members declared with them.
        var source = _declarations.Get(cancellationToken);
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (name, bases) in source.Subclasses)
            {
                if (!types.Contains(name) && bases.Any(types.Contains))
                {
                    changed |= types.Add(name);
                }
            }

            foreach (var (name, target) in source.Aliases)
            {
                if (!types.Contains(name) && types.Contains(target))
                {
                    changed |= types.Add(name);
                }
            }
        }

        foreach (var (name, typeName) in source.Members)
        {
            if (types.Contains(typeName))
            {
                members.Add(name);
            }
        }

        return new Names(types, members);
    }

    private sealed class Names
    {
        public Names(HashSet<string> types, HashSet<string> members)
        {
            Types = types;
            Members = members;
        }

        public HashSet<string> Types { get; }

        public HashSet<string> Members { get; }
    }
}
