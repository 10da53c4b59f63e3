using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
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
    private const byte Undecided = 0;
    private const byte DoesNotHold = 1;
    private const byte Holds = 2;

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

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private bool MightHold(ExpressionSyntax expression, Names names, int depth)
    {
        if (depth > 8)
        {
            return true;
        }

        // By kind first: the common cases (a name, a member access) are decided before any type test.
        switch (expression.Kind())
        {
            case SyntaxKind.IdentifierName:
                return IdentifierMightHold((IdentifierNameSyntax)expression, names, depth);
            case SyntaxKind.SimpleMemberAccessExpression or SyntaxKind.PointerMemberAccessExpression:
                var access = (MemberAccessExpressionSyntax)expression;
                var member = access.Name.Identifier.ValueText;

                // pair.Value of a foreach over a dictionary: the pair's type is not in the names.
                return names.Members.Contains(member) || (member == "Value" && access.Expression is IdentifierNameSyntax pair && IsUntypedOrPairLoopVariable(pair));
            case SyntaxKind.MemberBindingExpression:
                return names.Members.Contains(((MemberBindingExpressionSyntax)expression).Name.Identifier.ValueText);
            case SyntaxKind.ParenthesizedExpression:
                return MightHold(((ParenthesizedExpressionSyntax)expression).Expression, names, depth + 1);
            case SyntaxKind.CastExpression:
                var cast = (CastExpressionSyntax)expression;
                return names.Types.Contains(CdkSyntax.TypeName(cast.Type) ?? string.Empty) || MightHold(cast.Expression, names, depth + 1);
            case SyntaxKind.AsExpression:
                return ((BinaryExpressionSyntax)expression).Right is TypeSyntax asType && names.Types.Contains(CdkSyntax.TypeName(asType) ?? string.Empty);
            case SyntaxKind.CoalesceExpression:
                var coalesce = (BinaryExpressionSyntax)expression;
                return MightHold(coalesce.Left, names, depth + 1) || MightHold(coalesce.Right, names, depth + 1);
            case SyntaxKind.ConditionalExpression:
                var conditional = (ConditionalExpressionSyntax)expression;
                return MightHold(conditional.WhenTrue, names, depth + 1) || MightHold(conditional.WhenFalse, names, depth + 1);
            case SyntaxKind.ConditionalAccessExpression:
                return MightHold(((ConditionalAccessExpressionSyntax)expression).WhenNotNull, names, depth + 1);
            case SyntaxKind.SwitchExpression:
                foreach (var arm in ((SwitchExpressionSyntax)expression).Arms)
                {
                    if (MightHold(arm.Expression, names, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            case SyntaxKind.InvocationExpression:
                return ((InvocationExpressionSyntax)expression).Expression switch
                {
                    // workers.First(), props.Workers.Find(…): an element of a collection, whose name says nothing.
                    MemberAccessExpressionSyntax method => names.Members.Contains(method.Name.Identifier.ValueText) || CollectionQueries.MayPickAnElement(method.Name.Identifier.ValueText),
                    IdentifierNameSyntax method => names.Members.Contains(method.Identifier.ValueText),
                    _ => true,
                };
            case SyntaxKind.ObjectCreationExpression:
                return names.Types.Contains(CdkSyntax.TypeName(((ObjectCreationExpressionSyntax)expression).Type) ?? string.Empty);
            case SyntaxKind.ImplicitObjectCreationExpression:
            case SyntaxKind.ElementAccessExpression:
            case SyntaxKind.ThisExpression:
                return true;
            default:
                return expression is PostfixUnaryExpressionSyntax postfix && MightHold(postfix.Operand, names, depth + 1);
        }
    }

    /// <summary>A local or parameter in scope by that name decides by its declared type or initializer; otherwise the member names do.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private bool IdentifierMightHold(IdentifierNameSyntax identifier, Names names, int depth)
    {
        // Walked afresh for every identifier: a pass meets most (scope, name) pairs once, and a cache of the answers
        // cost more to fill (a concurrent dictionary's locked adds) than the walk it saved.
        var name = identifier.Identifier.ValueText;
        var decided = identifier.Parent is { } parent ? DecideFrom(parent, name, names, depth) : Undecided;

        // Out variables are rare enough to be checked on the semantic model; a pattern variable decides by its pattern.
        return decided == Undecided
            ? names.Members.Contains(name) || identifier.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 } || PatternVariableMightHold(identifier, name, names)
                || DeconstructedLocalMightHold(identifier, name, names) || OutVariableMightHold(identifier, name, names)
            : decided == Holds;
    }

    /// <summary>
    /// A local an earlier statement of an enclosing block deconstructs into (<c>var (worker, name) = (…, …);</c>), by the
    /// type it is declared with; one declared <c>var</c> could be anything.
    /// </summary>
    private static bool DeconstructedLocalMightHold(IdentifierNameSyntax identifier, string name, Names names)
    {
        SyntaxNode child = identifier;
        for (var ancestor = identifier.Parent; ancestor is not null and not MemberDeclarationSyntax; child = ancestor, ancestor = ancestor.Parent)
        {
            if (ancestor is not BlockSyntax block)
            {
                continue;
            }

            foreach (var statement in CdkSyntax.StatementsBefore(block, child))
            {
                if (statement is ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: var target } }
                    && target is DeclarationExpressionSyntax or TupleExpressionSyntax
                    && DeconstructedType((ExpressionSyntax)target, name) is { } type)
                {
                    return type.IsVar || names.Types.Contains(CdkSyntax.TypeName(type) ?? string.Empty);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// A local an <c>out</c> argument declares earlier in the member (<c>Pick(container, out var worker);</c>), by the
    /// type it is declared with; one declared <c>var</c> could be anything. The member's <c>out</c> arguments come from
    /// a text search of its tree, done once: a walk of the statements before each use made the analysis a third slower.
    /// </summary>
    private bool OutVariableMightHold(IdentifierNameSyntax identifier, string name, Names names)
    {
        SyntaxNode scope = identifier.SyntaxTree.GetRoot();
        for (var ancestor = identifier.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor is MemberDeclarationSyntax and not GlobalStatementSyntax)
            {
                scope = ancestor;
                break;
            }
        }

        return _declarations.Text.OutVariableBefore(identifier, scope, name, default) is { Type: var type }
            && (type.IsVar || names.Types.Contains(CdkSyntax.TypeName(type) ?? string.Empty));
    }

    /// <summary>
    /// A pattern variable (<c>x is FargateTaskDefinition worker</c>, <c>x is { } worker</c>) by its pattern's type; one
    /// declared with no type (<c>{ } worker</c>, <c>var worker</c>) could be anything.
    /// </summary>
    private static bool PatternVariableMightHold(IdentifierNameSyntax identifier, string name, Names names)
        => CdkSyntax.PatternDesignationInScope(identifier, name)?.Parent switch
        {
            null => false,
            DeclarationPatternSyntax declared => names.Types.Contains(CdkSyntax.TypeName(declared.Type) ?? string.Empty),
            RecursivePatternSyntax { Type: { } type } => names.Types.Contains(CdkSyntax.TypeName(type) ?? string.Empty),
            _ => true,
        };

    /// <summary>What the locals and parameters in scope from <paramref name="scope"/> up say about <paramref name="name"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private byte DecideFrom(SyntaxNode scope, string name, Names names, int depth)
    {
        // By kind, not by type: this walk runs for every identifier handed to a call or an initializer.
        for (SyntaxNode? ancestor = scope; ancestor is not null; ancestor = ancestor.Parent)
        {
            var kind = ancestor.Kind();
            switch (kind)
            {
                case SyntaxKind.Block or SyntaxKind.SwitchSection or SyntaxKind.CompilationUnit:
                    if (_declarations.LocalIn(ancestor, name) is { Parent: VariableDeclarationSyntax { Type: var type } } variable)
                    {
                        var initializer = variable.Initializer?.Value;
                        return Decision(type.IsVar
                            ? initializer is null || MightHold(initializer, names, depth + 1)
                            : names.Types.Contains(CdkSyntax.TypeName(type) ?? string.Empty));
                    }

                    break;
                case SyntaxKind.ForEachStatement when ((ForEachStatementSyntax)ancestor).Identifier.ValueText == name:
                    var forEach = (ForEachStatementSyntax)ancestor;
                    return Decision(forEach.Type.IsVar || names.Types.Contains(CdkSyntax.TypeName(forEach.Type) ?? string.Empty));
                case SyntaxKind.ForEachVariableStatement when DeconstructedType(((ForEachVariableStatementSyntax)ancestor).Variable, name) is { } deconstructed:
                    // foreach (var (name, taskDef) in …), foreach ((string name, ITaskDefinition taskDef) in …)
                    return Decision(deconstructed.IsVar || names.Types.Contains(CdkSyntax.TypeName(deconstructed) ?? string.Empty));
                case var _ when CdkSyntax.DeclaresParameters(kind) && CdkSyntax.ParameterOf(ancestor, name) is { } parameter:
                    // An implicitly typed lambda parameter could be anything.
                    return Decision(parameter.Type is null || names.Types.Contains(CdkSyntax.TypeName(parameter.Type) ?? string.Empty));
            }

            if (CdkSyntax.IsTypeDeclaration(kind))
            {
                // The top-level statements' locals are not in scope in a type: only members are left.
                break;
            }
        }

        return Undecided;
    }

    private static byte Decision(bool holds) => holds ? Holds : DoesNotHold;

    /// <summary>The type <paramref name="name"/> is declared with in a deconstruction (<c>var</c> for <c>var (a, b)</c>); null when it is not declared there.</summary>
    private static TypeSyntax? DeconstructedType(ExpressionSyntax variable, string name)
    {
        switch (variable)
        {
            case DeclarationExpressionSyntax declaration:
                return DesignatedType(declaration.Designation, name, declaration.Type);
            case TupleExpressionSyntax tuple:
                foreach (var argument in tuple.Arguments)
                {
                    if (DeconstructedType(argument.Expression, name) is { } type)
                    {
                        return type;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static TypeSyntax? DesignatedType(VariableDesignationSyntax designation, string name, TypeSyntax type)
    {
        switch (designation)
        {
            case SingleVariableDesignationSyntax single:
                return single.Identifier.ValueText == name ? type : null;
            case ParenthesizedVariableDesignationSyntax parenthesized:
                foreach (var inner in parenthesized.Variables)
                {
                    if (DesignatedType(inner, name, type) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// Is <paramref name="identifier"/> the variable of an enclosing <c>foreach</c>, or a parameter of an enclosing lambda
    /// (<c>byName.Select(pair =&gt; pair.Value)</c>), declared <c>var</c>, untyped or as a <c>KeyValuePair</c>?
    /// </summary>
    private static bool IsUntypedOrPairLoopVariable(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        for (SyntaxNode? ancestor = identifier.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (ancestor is ForEachStatementSyntax loop && loop.Identifier.ValueText == name)
            {
                return loop.Type.IsVar || CdkSyntax.TypeName(loop.Type) == "KeyValuePair";
            }

            if (ancestor is LambdaExpressionSyntax && CdkSyntax.ParameterOf(ancestor, name) is { } parameter)
            {
                return parameter.Type is null || CdkSyntax.TypeName(parameter.Type) == "KeyValuePair";
            }

            if (CdkSyntax.IsTypeDeclaration(ancestor.Kind()))
            {
                break;
            }
        }

        return false;
    }

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
        var members = new HashSet<string>(_seedMemberNames, StringComparer.Ordinal);

        // The source: subclasses and aliases of those types, then members declared with them.
        var source = _declarations.Get(cancellationToken);
        var types = source.DerivedByName(_seedTypeNames);

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
