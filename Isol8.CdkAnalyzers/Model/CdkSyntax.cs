using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>Syntactic questions the ownership model asks before it asks the semantic model.</summary>
internal static class CdkSyntax
{
    /// <summary>The code a local's value can come from or go to: the body of the member, local function or lambda, or the top-level statements.</summary>
    public static SyntaxNode? EnclosingBody(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case BaseMethodDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case LocalFunctionStatementSyntax:
                case AnonymousFunctionExpressionSyntax:
                case PropertyDeclarationSyntax:
                case CompilationUnitSyntax:
                    return current;
            }
        }

        return null;
    }

    /// <summary>
    /// The identifier tokens spelled <paramref name="name"/> under <paramref name="scope"/>, found by searching the
    /// text: walking every node of a large body costs far more than scanning its characters.
    /// </summary>
    public static IEnumerable<SyntaxToken> TokensNamed(SyntaxNode scope, string name, CancellationToken cancellationToken)
        => WordsAt(scope, name, SyntaxKind.IdentifierToken, assignedOnly: false, cancellationToken);

    /// <summary>
    /// The identifier tokens spelled <paramref name="name"/> that an assignment operator follows in the text
    /// (<c>name =</c>, <c>name ??=</c>, <c>name +=</c>): the targets of assignments, without resolving the many reads.
    /// </summary>
    public static IEnumerable<SyntaxToken> AssignedTokensNamed(SyntaxNode scope, string name, CancellationToken cancellationToken)
        => WordsAt(scope, name, SyntaxKind.IdentifierToken, assignedOnly: true, cancellationToken);

    /// <summary>The keyword tokens spelled <paramref name="keyword"/> under <paramref name="scope"/> (<c>const</c>), found the same way.</summary>
    public static IEnumerable<SyntaxToken> KeywordsNamed(SyntaxNode scope, string keyword, CancellationToken cancellationToken)
        => WordsAt(scope, keyword, SyntaxFacts.GetKeywordKind(keyword), assignedOnly: false, cancellationToken);

    private static IEnumerable<SyntaxToken> WordsAt(SyntaxNode scope, string name, SyntaxKind kind, bool assignedOnly, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            yield break;
        }

        var span = scope.Parent is null ? scope.FullSpan : scope.Span;
        foreach (var start in WordStarts(scope.SyntaxTree.GetText(cancellationToken), span, name, assignedOnly, cancellationToken))
        {
            var token = scope.FindToken(start);
            if (token.IsKind(kind) && token.ValueText == name && token.SpanStart == start)
            {
                yield return token;
            }
        }
    }

    /// <summary>
    /// Where <paramref name="name"/> stands as a whole word in <paramref name="span"/>. The text is searched in a pooled
    /// buffer: a substring per search (one per member and scope) cost more than the search itself.
    /// </summary>
    private static List<int> WordStarts(SourceText text, TextSpan span, string name, bool assignedOnly, CancellationToken cancellationToken)
    {
        var starts = new List<int>();
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(span.Length);
        try
        {
            text.CopyTo(span.Start, buffer, 0, span.Length);
            var chars = new ReadOnlySpan<char>(buffer, 0, span.Length);
            for (var offset = 0; offset <= chars.Length - name.Length;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var found = chars.Slice(offset).IndexOf(name.AsSpan());
                if (found < 0)
                {
                    break;
                }

                var index = offset + found;
                var end = index + name.Length;
                if ((index == 0 || !IsIdentifierPart(chars[index - 1])) && (end >= chars.Length || !IsIdentifierPart(chars[end]))
                    && (!assignedOnly || IsAssignmentOperatorAt(chars, end)))
                {
                    starts.Add(span.Start + index);
                }

                offset = end;
            }
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }

        return starts;
    }

    /// <summary>The assignments of any kind to <paramref name="name"/> or <c>this.name</c> under <paramref name="root"/>.</summary>
    public static IEnumerable<AssignmentExpressionSyntax> AssignmentsTo(SyntaxNode root, string name, CancellationToken cancellationToken)
    {
        foreach (var token in AssignedTokensNamed(root, name, cancellationToken))
        {
            var target = token.Parent is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access } && access.Name == token.Parent
                ? (SyntaxNode)access
                : token.Parent;
            if (target?.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target)
            {
                yield return assignment;
            }
        }
    }

    /// <summary>The expressions assigned to <paramref name="name"/> under <paramref name="root"/>, plain or <c>??=</c>.</summary>
    public static void CollectAssignments(SyntaxNode root, string name, List<AssignmentExpressionSyntax> assignments, CancellationToken cancellationToken)
    {
        foreach (var assignment in AssignmentsTo(root, name, cancellationToken))
        {
            if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression))
            {
                assignments.Add(assignment);
            }
        }
    }

    /// <summary>
    /// The value a field or property declaration gives its member: a property's getter expression (then
    /// <paramref name="isGetter"/>: it is the only value), or a property's or field variable's initializer.
    /// </summary>
    public static ExpressionSyntax? DeclaredValue(SyntaxNode declaration, out bool isGetter)
    {
        isGetter = false;
        switch (declaration)
        {
            case PropertyDeclarationSyntax property when GetterExpression(property) is { } getter:
                isGetter = true;
                return getter;
            case PropertyDeclarationSyntax property:
                return property.Initializer?.Value;
            case VariableDeclaratorSyntax variable:
                return variable.Initializer?.Value;
            default:
                return null;
        }
    }

    /// <summary>The parameter by that name that <paramref name="declaration"/> (a method, local function, lambda or primary constructor) declares.</summary>
    public static ParameterSyntax? ParameterOf(SyntaxNode declaration, string name)
    {
        if (declaration is SimpleLambdaExpressionSyntax simple)
        {
            return simple.Parameter.Identifier.ValueText == name ? simple.Parameter : null;
        }

        var parameters = declaration switch
        {
            BaseMethodDeclarationSyntax method => method.ParameterList,
            LocalFunctionStatementSyntax local => local.ParameterList,
            ParenthesizedLambdaExpressionSyntax lambda => lambda.ParameterList,
            TypeDeclarationSyntax type => type.ParameterList,
            _ => null,
        };
        if (parameters is not null)
        {
            foreach (var parameter in parameters.Parameters)
            {
                if (parameter.Identifier.ValueText == name)
                {
                    return parameter;
                }
            }
        }

        return null;
    }

    /// <summary>The parameter in scope that <paramref name="identifier"/> names, the innermost first.</summary>
    public static ParameterSyntax? ParameterInScope(IdentifierNameSyntax identifier)
    {
        foreach (var ancestor in identifier.Ancestors())
        {
            if (ParameterOf(ancestor, identifier.Identifier.ValueText) is { } parameter)
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>The simple name of a type as written (<c>Amazon.CDK.AWS.ECS.ITaskDefinition?</c> → <c>ITaskDefinition</c>).</summary>
    public static string? TypeName(TypeSyntax type)
        => type switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            GenericNameSyntax generic => generic.Identifier.ValueText,
            QualifiedNameSyntax qualified => TypeName(qualified.Right),
            AliasQualifiedNameSyntax alias => TypeName(alias.Name),
            NullableTypeSyntax nullable => TypeName(nullable.ElementType),
            _ => null,
        };

    /// <summary>The identifiers named <paramref name="name"/> under <paramref name="root"/>.</summary>
    public static void CollectIdentifiers(SyntaxNode root, string name, List<IdentifierNameSyntax> identifiers, CancellationToken cancellationToken)
    {
        foreach (var token in TokensNamed(root, name, cancellationToken))
        {
            if (token.Parent is IdentifierNameSyntax identifier)
            {
                identifiers.Add(identifier);
            }
        }
    }

    /// <summary><c>this</c>, a name, or a chain of member accesses on one (<c>!</c> allowed): safe to evaluate twice or to move.</summary>
    public static bool IsPureReference(ExpressionSyntax expression)
        => expression switch
        {
            ThisExpressionSyntax or IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax access => IsPureReference(access.Expression),
            PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression) => IsPureReference(suppressed.Operand),
            _ => false,
        };

    /// <summary>
    /// Does an assignment operator (<c>=</c>, <c>??=</c>, <c>+=</c>, <c>&lt;&lt;=</c>, …) start at <paramref name="index"/>,
    /// after blanks? <c>==</c> and <c>=&gt;</c> are not one; <c>&lt;=</c> passes (a filter may let too much through, the
    /// syntax tree decides what is assigned). A comment between a name and its operator hides the assignment.
    /// </summary>
    private static bool IsAssignmentOperatorAt(ReadOnlySpan<char> chars, int index)
    {
        while (index < chars.Length && char.IsWhiteSpace(chars[index]))
        {
            index++;
        }

        var operatorEnd = index;
        while (operatorEnd < chars.Length && operatorEnd - index < 3 && "?+-*/%&|^<>".IndexOf(chars[operatorEnd]) >= 0)
        {
            operatorEnd++;
        }

        return operatorEnd < chars.Length && chars[operatorEnd] == '='
            && (operatorEnd + 1 >= chars.Length || (chars[operatorEnd + 1] != '=' && chars[operatorEnd + 1] != '>'));
    }

    private static bool IsIdentifierPart(char character) => char.IsLetterOrDigit(character) || character == '_';

    /// <summary>The expression a property's getter returns, when it is one expression.</summary>
    public static ExpressionSyntax? GetterExpression(PropertyDeclarationSyntax property)
    {
        if (property.ExpressionBody is { } arrow)
        {
            return arrow.Expression;
        }

        if (property.AccessorList is null)
        {
            return null;
        }

        foreach (var accessor in property.AccessorList.Accessors)
        {
            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                continue;
            }

            if (accessor.ExpressionBody is { } accessorArrow)
            {
                return accessorArrow.Expression;
            }

            if (accessor.Body is { Statements.Count: 1 } body && body.Statements[0] is ReturnStatementSyntax { Expression: { } returned })
            {
                return returned;
            }
        }

        return null;
    }

    /// <summary>Strips parentheses, casts and <c>!</c> from an expression.</summary>
    public static ExpressionSyntax WalkDownParenthesesAndCasts(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                case CastExpressionSyntax cast:
                    expression = cast.Expression;
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = postfix.Operand;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The name a reference expression ends with (<c>props.Container.TaskDef</c> → <c>TaskDef</c>).</summary>
    public static string? TrailingName(ExpressionSyntax expression)
        => WalkDownParenthesesAndCasts(expression) switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            ConditionalAccessExpressionSyntax conditional => TrailingName(conditional.WhenNotNull),
            _ => null,
        };

    /// <summary>The value an object initializer assigns to <paramref name="property"/> (<c>new X { Property = value }</c>); null when none.</summary>
    public static ExpressionSyntax? InitializerValue(InitializerExpressionSyntax initializer, string property)
    {
        ExpressionSyntax? value = null;
        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment && name.Identifier.ValueText == property)
            {
                value = assignment.Right;
            }
        }

        return value;
    }
}
