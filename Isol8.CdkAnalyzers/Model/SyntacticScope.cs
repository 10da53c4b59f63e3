using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The cheap answer to the common case, read off the syntax: a construct created under <c>this</c>
/// (<c>var td = new FargateTaskDefinition(this, …)</c>, or a member of the class only ever assigned so) and used
/// only under <c>this</c> (<c>new FargateService(this, …)</c>, <c>td.AddContainer(…)</c>) cannot cross a stack
/// boundary. The rules skip such uses before they ask the semantic model; anything else goes to the full model.
/// </summary>
internal sealed class SyntacticScope
{
    /// <summary>How many locals and members the syntax follows from a value before it gives up (and leaves it to the model).</summary>
    public const int MaxDepth = 6;

    private readonly ConcurrentDictionary<(SyntaxNode Scope, string Name), LocalState> _locals = new();
    private readonly ConcurrentDictionary<(TypeDeclarationSyntax Type, string Name), ImmutableArray<ExpressionSyntax>> _members = new();
    private readonly TextSearch _text;
    private readonly System.Func<(SyntaxNode Scope, string Name), LocalState> _localStateOf;
    private readonly System.Func<(TypeDeclarationSyntax Type, string Name), ImmutableArray<ExpressionSyntax>> _memberValuesOf;

    public SyntacticScope(TextSearch text)
    {
        _text = text;
        _localStateOf = key => LocalState.Of(_text, key.Scope, key.Name);
        _memberValuesOf = key => MemberValues(_text, key.Type, key.Name);
    }

    /// <summary>Is the value of <paramref name="owned"/> created under <c>this</c>, and <paramref name="use"/> used only under <c>this</c>?</summary>
    public bool IsSameScopeUse(ExpressionSyntax owned, ExpressionSyntax use)
        => IsCreatedUnderThis(owned, 0) && IsUsedUnderThis(use, 0);

    /// <summary>Is <paramref name="expression"/> <c>this</c>, or a construct created with <c>this</c> as its scope?</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public bool IsCreatedUnderThis(ExpressionSyntax expression, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        switch (CdkSyntax.WalkDownParenthesesAndCasts(expression))
        {
            case ThisExpressionSyntax:
                return true;
            case ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }:
                return arguments[0].Expression is ThisExpressionSyntax;
            case MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } member:
                return MemberIsCreatedUnderThis(member, member.Name.Identifier.ValueText, depth);
            case IdentifierNameSyntax identifier:
                var body = CdkSyntax.EnclosingBody(identifier);
                var local = body is null ? LocalState.None : _locals.GetOrAdd((body, identifier.Identifier.ValueText), _localStateOf);
                if (local.IsLocal)
                {
                    return local.Declarator?.Initializer is { } initializer && IsCreatedUnderThis(initializer.Value, depth + 1);
                }

                return CdkSyntax.ParameterInScope(identifier) is null && MemberIsCreatedUnderThis(identifier, identifier.Identifier.ValueText, depth);
            default:
                return false;
        }
    }

    /// <summary>Does every way <paramref name="use"/>'s value leaves its expression end under <c>this</c>?</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public bool IsUsedUnderThis(ExpressionSyntax use, int depth)
    {
        if (depth > MaxDepth)
        {
            return false;
        }

        SyntaxNode current = use;
        while (current.Parent is { } parent)
        {
            switch (parent)
            {
                case ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax or BinaryExpressionSyntax
                    or InterpolationSyntax or InterpolatedStringExpressionSyntax or ArgumentListSyntax or InitializerExpressionSyntax
                    or ImplicitArrayCreationExpressionSyntax or ArrayCreationExpressionSyntax or ConditionalExpressionSyntax
                    or ArgumentSyntax:
                    current = parent;
                    continue;
                case AssignmentExpressionSyntax assignment when assignment.Right == current && assignment.Parent is InitializerExpressionSyntax:
                    current = parent;
                    continue;
                case ObjectCreationExpressionSyntax creation:
                    // Given to a construct, through its arguments or its object initializer: it is used where the construct's scope is.
                    if (creation.ArgumentList is { Arguments.Count: > 0 } arguments && (current == arguments || current == creation.Initializer))
                    {
                        return IsCreatedUnderThis(arguments.Arguments[0].Expression, depth + 1);
                    }

                    current = parent;
                    continue;
                case InvocationExpressionSyntax invocation when current == invocation.ArgumentList:
                    return invocation.Expression switch
                    {
                        IdentifierNameSyntax => true,
                        MemberAccessExpressionSyntax member => IsCreatedUnderThis(member.Expression, depth + 1),
                        _ => false,
                    };
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax local }:
                    return LocalUsesAreUnderThis(local, depth);
                case ExpressionStatementSyntax:
                    // Assigned to a member of the class, or discarded: the stack's own code keeps it.
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    private bool LocalUsesAreUnderThis(VariableDeclaratorSyntax local, int depth)
    {
        var body = CdkSyntax.EnclosingBody(local);
        if (body is null)
        {
            return false;
        }

        var name = local.Identifier.ValueText;
        foreach (var token in _text.TokensNamed(body, name, default))
        {
            if (token.Parent is not IdentifierNameSyntax use)
            {
                continue;
            }

            // The name after a dot is another member; a receiver (environment.Add(…)) reads through the local, it does not pass it on.
            var isMemberName = use.Parent is MemberAccessExpressionSyntax named && named.Name == use;
            var isReceiver = use.Parent is MemberAccessExpressionSyntax receiver && receiver.Expression == use;
            if (!isMemberName && !isReceiver && !IsUsedUnderThis(use, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    private bool MemberIsCreatedUnderThis(ExpressionSyntax reference, string name, int depth)
        => CdkSyntax.EnclosingType(reference) is { } type && MemberIsCreatedUnderThis(type, name, depth);

    /// <summary>
    /// Does every value the declaring class's own code gives <paramref name="member"/> (a field or property declared
    /// once, in source) come from a construct created under <c>this</c>? The ownership model's answer is then "this
    /// instance" without binding the class's constructor; anything else is left to it.
    /// </summary>
    public bool MemberIsCreatedUnderThis(ISymbol member)
        => member.DeclaringSyntaxReferences is { Length: 1 } references
            && references[0].GetSyntax() is PropertyDeclarationSyntax or VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax }
            && CdkSyntax.EnclosingType(references[0].GetSyntax()) is { } type
            && MemberIsCreatedUnderThis(type, member.Name, 0);

    private bool MemberIsCreatedUnderThis(TypeDeclarationSyntax type, string name, int depth)
    {
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return false;
        }

        var values = _members.GetOrAdd((type, name), _memberValuesOf);
        if (values.IsDefaultOrEmpty)
        {
            return false;
        }

        foreach (var value in values)
        {
            if (!IsCreatedUnderThis(value, depth + 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>What a type's own code gives a field or property: initializers, getter, assignments; default when one is not a plain assignment.</summary>
    private static ImmutableArray<ExpressionSyntax> MemberValues(TextSearch text, TypeDeclarationSyntax type, string name)
    {
        var values = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var member in type.Members)
        {
            var declarations = member switch
            {
                PropertyDeclarationSyntax property when property.Identifier.ValueText == name => new SyntaxNode[] { property },
                FieldDeclarationSyntax field => field.Declaration.Variables.Where(v => v.Identifier.ValueText == name),
                _ => Enumerable.Empty<SyntaxNode>(),
            };
            foreach (var declaration in declarations)
            {
                if (CdkSyntax.DeclaredValue(declaration, out var isGetter) is { } value)
                {
                    if (isGetter)
                    {
                        return ImmutableArray.Create(value);
                    }

                    values.Add(value);
                }
            }
        }

        foreach (var assignment in text.AssignmentsTo(type, name, default))
        {
            if (!assignment.IsKind(SyntaxKind.SimpleAssignmentExpression))
            {
                return default;
            }

            values.Add(assignment.Right);
        }

        // (Worker, Name) = Build(), Create(out _worker): a value the syntax cannot tell; the ownership model reads it.
        return text.OtherWriteTargetsNamed(type, name, default).Any() ? default : values.ToImmutable();
    }

    /// <summary>Whether a name is a local of a body, and its one plain declaration when it has one and is never reassigned.</summary>
    private readonly struct LocalState
    {
        public static LocalState None => default;

        private LocalState(bool isLocal, VariableDeclaratorSyntax? declarator)
        {
            IsLocal = isLocal;
            Declarator = declarator;
        }

        public bool IsLocal { get; }

        public VariableDeclaratorSyntax? Declarator { get; }

        public static LocalState Of(TextSearch text, SyntaxNode body, string name)
        {
            VariableDeclaratorSyntax? declarator = null;
            var declarations = 0;
            var reassigned = false;
            foreach (var token in text.TokensNamed(body, name, default))
            {
                switch (token.Parent)
                {
                    case VariableDeclaratorSyntax { Parent.Parent: LocalDeclarationStatementSyntax } found:
                        declarator = found;
                        declarations++;
                        break;
                    case IdentifierNameSyntax { Parent: AssignmentExpressionSyntax assignment } target when assignment.Left == target:
                        reassigned = true;
                        break;
                    case IdentifierNameSyntax target when OtherWrites.TargetNamedBy(target) is not null:
                        // (worker, name) = …, Create(out worker): written again, by something the syntax does not show.
                        reassigned = true;
                        break;
                }
            }

            return declarations == 0 ? None : new LocalState(isLocal: true, declarations == 1 && !reassigned ? declarator : null);
        }
    }
}
