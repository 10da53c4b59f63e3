using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>Syntactic questions the ownership model asks before it asks the semantic model.</summary>
internal static class CdkSyntax
{
    /// <summary>The code a local's value can come from or go to: the body of the member, local function or lambda, or the top-level statements.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public static SyntaxNode? EnclosingBody(SyntaxNode node)
    {
        // By kind, not by type: a type test per ancestor walks the class hierarchy, and this runs for every candidate.
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            var kind = current.Kind();
            if (IsMethodDeclaration(kind) || IsAccessorDeclaration(kind) || IsAnonymousFunction(kind)
                || kind is SyntaxKind.LocalFunctionStatement or SyntaxKind.PropertyDeclaration or SyntaxKind.CompilationUnit)
            {
                return current;
            }
        }

        return null;
    }

    /// <summary>
    /// Is <paramref name="expression"/> a name a <c>foreach</c> around it declares (<c>foreach (var arn in …)</c>,
    /// <c>foreach (var (name, value) in …)</c>)? Decided from the syntax alone: the loops between it and its member.
    /// </summary>
    public static bool IsLoopVariable(ExpressionSyntax expression)
    {
        if (expression is not IdentifierNameSyntax { Identifier.ValueText: var name })
        {
            return false;
        }

        SyntaxNode child = expression;
        for (var ancestor = expression.Parent; ancestor is not null and not MemberDeclarationSyntax; child = ancestor, ancestor = ancestor.Parent)
        {
            var declares = ancestor switch
            {
                ForEachStatementSyntax loop when child == loop.Statement => loop.Identifier.ValueText == name,
                ForEachVariableStatementSyntax loop when child == loop.Statement => DesignationIn(loop.Variable, name) is not null,
                _ => false,
            };
            if (declares)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The <c>foreach</c> that <paramref name="declaration"/> (a local's declaring syntax) declares a variable of, and
    /// which part of the element it is: the whole element (position -1), or the part at its position of a deconstruction
    /// (<c>var (name, value)</c>, <c>(string name, string value)</c>: position 1 of 2). Null for any other local.
    /// </summary>
    public static CommonForEachStatementSyntax? LoopDeclaring(SyntaxNode declaration, out (int Position, int Count) part)
    {
        switch (declaration)
        {
            case ForEachStatementSyntax loop:
                part = (-1, 0);
                return loop;
            case SingleVariableDesignationSyntax { Parent: ParenthesizedVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ForEachVariableStatementSyntax loop } declared } names } designation
                when loop.Variable == declared:
                part = (names.Variables.IndexOf(designation), names.Variables.Count);
                return loop;
            case SingleVariableDesignationSyntax { Parent: DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: TupleExpressionSyntax { Parent: ForEachVariableStatementSyntax loop } tuple } argument } }
                when loop.Variable == tuple:
                part = (tuple.Arguments.IndexOf(argument), tuple.Arguments.Count);
                return loop;
            default:
                part = default;
                return null;
        }
    }

    /// <summary>The innermost class, struct, interface or record declaration around <paramref name="node"/>.</summary>
    public static TypeDeclarationSyntax? EnclosingType(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            if (IsTypeDeclaration(current.Kind()))
            {
                return (TypeDeclarationSyntax)current;
            }
        }

        return null;
    }

    /// <summary>The kinds of <see cref="BaseMethodDeclarationSyntax"/>.</summary>
    public static bool IsMethodDeclaration(SyntaxKind kind)
        => kind is SyntaxKind.MethodDeclaration or SyntaxKind.ConstructorDeclaration or SyntaxKind.DestructorDeclaration
            or SyntaxKind.OperatorDeclaration or SyntaxKind.ConversionOperatorDeclaration;

    /// <summary>The kinds of <see cref="AccessorDeclarationSyntax"/>.</summary>
    public static bool IsAccessorDeclaration(SyntaxKind kind)
        => kind is SyntaxKind.GetAccessorDeclaration or SyntaxKind.SetAccessorDeclaration or SyntaxKind.InitAccessorDeclaration
            or SyntaxKind.AddAccessorDeclaration or SyntaxKind.RemoveAccessorDeclaration or SyntaxKind.UnknownAccessorDeclaration;

    /// <summary>The kinds of <see cref="AnonymousFunctionExpressionSyntax"/>.</summary>
    public static bool IsAnonymousFunction(SyntaxKind kind)
        => kind is SyntaxKind.SimpleLambdaExpression or SyntaxKind.ParenthesizedLambdaExpression or SyntaxKind.AnonymousMethodExpression;

    /// <summary>The kinds of <see cref="TypeDeclarationSyntax"/>.</summary>
    public static bool IsTypeDeclaration(SyntaxKind kind)
        => kind is SyntaxKind.ClassDeclaration or SyntaxKind.StructDeclaration or SyntaxKind.InterfaceDeclaration
            or SyntaxKind.RecordDeclaration or SyntaxKind.RecordStructDeclaration;

    /// <summary>The kinds whose nodes <see cref="ParameterOf"/> reads parameters from.</summary>
    public static bool DeclaresParameters(SyntaxKind kind)
        => IsMethodDeclaration(kind) || IsTypeDeclaration(kind)
            || kind is SyntaxKind.LocalFunctionStatement or SyntaxKind.SimpleLambdaExpression or SyntaxKind.ParenthesizedLambdaExpression;

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
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public static ParameterSyntax? ParameterInScope(IdentifierNameSyntax identifier)
    {
        var name = identifier.Identifier.ValueText;
        for (var ancestor = identifier.Parent; ancestor is not null; ancestor = ancestor.Parent)
        {
            if (DeclaresParameters(ancestor.Kind()) && ParameterOf(ancestor, name) is { } parameter)
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

    /// <summary><c>this</c>, a name, or a chain of member accesses on one (<c>!</c> allowed): safe to evaluate twice or to move.</summary>
    public static bool IsPureReference(ExpressionSyntax expression)
        => expression switch
        {
            ThisExpressionSyntax or IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax access => IsPureReference(access.Expression),
            PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression) => IsPureReference(suppressed.Operand),
            _ => false,
        };

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

    /// <summary>
    /// The values a function body returns: an expression body itself, or every <c>return</c> of a block (not those of
    /// the functions nested in it). Default for an iterator, whose values are yielded.
    /// </summary>
    public static ImmutableArray<ExpressionSyntax> ReturnedValues(SyntaxNode? body)
    {
        switch (body)
        {
            case ExpressionSyntax expression:
                return ImmutableArray.Create(expression);
            case BlockSyntax block:
                var returns = ImmutableArray.CreateBuilder<ExpressionSyntax>();
                foreach (var node in OwnNodes(block))
                {
                    switch (node)
                    {
                        case ReturnStatementSyntax { Expression: { } returned }:
                            returns.Add(returned);
                            break;
                        case YieldStatementSyntax:
                            return default;
                    }
                }

                return returns.ToImmutable();
            default:
                return default;
        }
    }

    /// <summary>The nodes of a body that belong to it, not to a lambda or local function nested in it.</summary>
    private static IEnumerable<SyntaxNode> OwnNodes(BlockSyntax block)
        => block.DescendantNodes(child => child is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));

    /// <summary>
    /// What an iterator's body yields: every <c>yield return</c> outside nested functions; <see langword="default"/> for
    /// a body that yields nothing (no iterator) or is no block.
    /// </summary>
    public static ImmutableArray<ExpressionSyntax> YieldedValues(SyntaxNode? body)
    {
        if (body is not BlockSyntax block)
        {
            return default;
        }

        var yielded = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var node in OwnNodes(block))
        {
            if (node is YieldStatementSyntax { Expression: { } value } && node.IsKind(SyntaxKind.YieldReturnStatement))
            {
                yielded.Add(value);
            }
        }

        return yielded.Count == 0 ? default : yielded.ToImmutable();
    }

    /// <summary>
    /// The pattern designation that may declare <paramref name="name"/> where <paramref name="use"/> is: in the condition
    /// of an enclosing <c>if</c> (<c>if (x is T name) { … }</c>), of an earlier <c>if</c> in an enclosing block
    /// (<c>if (x is not T name) return;</c>), in a <c>?:</c>'s condition, a switch arm's pattern
    /// or a switch section's labels. Null when none is found: the common case, decided without binding.
    /// </summary>
    public static SingleVariableDesignationSyntax? PatternDesignationInScope(SyntaxNode use, string name)
    {
        SyntaxNode child = use;
        for (var ancestor = use.Parent; ancestor is not null; child = ancestor, ancestor = ancestor.Parent)
        {
            var found = ancestor switch
            {
                IfStatementSyntax statement when child != statement.Condition => DesignationIn(statement.Condition, name),
                ConditionalExpressionSyntax conditional when child != conditional.Condition => DesignationIn(conditional.Condition, name),
                SwitchExpressionArmSyntax arm when child != arm.Pattern => DesignationIn(arm.Pattern, name),
                SwitchSectionSyntax section => DesignationInLabels(section, name),
                BlockSyntax block => DesignationInEarlierIfs(block, child, name),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }

            if (ancestor is MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The value a pattern variable is matched from: the <c>is</c> expression's operand, the switch's governing
    /// expression. Null for a variable nested in a sub-pattern (<c>x is { Worker: T w }</c>) or declared anywhere else.
    /// </summary>
    public static ExpressionSyntax? PatternInput(SingleVariableDesignationSyntax designation)
    {
        if (designation.Parent is not (DeclarationPatternSyntax or RecursivePatternSyntax or VarPatternSyntax))
        {
            return null;
        }

        SyntaxNode pattern = designation.Parent;
        while (pattern.Parent is UnaryPatternSyntax or ParenthesizedPatternSyntax)
        {
            pattern = pattern.Parent;
        }

        return pattern.Parent switch
        {
            IsPatternExpressionSyntax test when test.Pattern == pattern => test.Expression,
            SwitchExpressionArmSyntax arm when arm.Pattern == pattern && arm.Parent is SwitchExpressionSyntax switchExpression => switchExpression.GoverningExpression,
            CasePatternSwitchLabelSyntax { Parent.Parent: SwitchStatementSyntax switchStatement } label when label.Pattern == pattern => switchStatement.Expression,
            _ => null,
        };
    }

    private static SingleVariableDesignationSyntax? DesignationIn(SyntaxNode scope, string name)
    {
        foreach (var node in scope.DescendantNodesAndSelf(child => child is not AnonymousFunctionExpressionSyntax))
        {
            if (node is SingleVariableDesignationSyntax designation && designation.Identifier.ValueText == name)
            {
                return designation;
            }
        }

        return null;
    }

    private static SingleVariableDesignationSyntax? DesignationInLabels(SwitchSectionSyntax section, string name)
    {
        foreach (var label in section.Labels)
        {
            if (label is CasePatternSwitchLabelSyntax patternLabel && DesignationIn(patternLabel.Pattern, name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static SingleVariableDesignationSyntax? DesignationInEarlierIfs(BlockSyntax block, SyntaxNode child, string name)
    {
        foreach (var statement in StatementsBefore(block, child))
        {
            if (statement is IfStatementSyntax earlier && DesignationIn(earlier.Condition, name) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The statements of <paramref name="block"/> before <paramref name="child"/> (all of them when it is not one).</summary>
    public static IEnumerable<StatementSyntax> StatementsBefore(BlockSyntax block, SyntaxNode child)
    {
        foreach (var statement in block.Statements)
        {
            if (statement == child)
            {
                yield break;
            }

            yield return statement;
        }
    }

    /// <summary>
    /// The expression under any <c>!</c>: the compiler binds <c>x!</c> as <c>x</c>, so the semantic model has no operation
    /// for the <c>!</c> itself (<c>GetOperation</c> answers null), only for what it suppresses a warning on.
    /// </summary>
    public static ExpressionSyntax WithoutSuppression(ExpressionSyntax expression)
    {
        while (expression.IsKind(SyntaxKind.SuppressNullableWarningExpression))
        {
            expression = ((PostfixUnaryExpressionSyntax)expression).Operand;
        }

        return expression;
    }

    /// <summary>Strips parentheses, casts and <c>!</c> from an expression.</summary>
    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    public static ExpressionSyntax WalkDownParenthesesAndCasts(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression.Kind())
            {
                case SyntaxKind.ParenthesizedExpression:
                    expression = ((ParenthesizedExpressionSyntax)expression).Expression;
                    break;
                case SyntaxKind.CastExpression:
                    expression = ((CastExpressionSyntax)expression).Expression;
                    break;
                case SyntaxKind.SuppressNullableWarningExpression:
                    expression = ((PostfixUnaryExpressionSyntax)expression).Operand;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>The outermost of the parentheses, casts and <c>!</c> around an expression: where its value goes on.</summary>
    public static ExpressionSyntax WalkUpParenthesesAndCasts(ExpressionSyntax expression)
    {
        while (expression.Parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            expression = (ExpressionSyntax)expression.Parent;
        }

        return expression;
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

    /// <summary><c>""</c> or <c>string.Empty</c>.</summary>
    public static bool IsEmptyString(ExpressionSyntax value)
        => value is LiteralExpressionSyntax { Token.ValueText.Length: 0 } literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
            || value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: PredefinedTypeSyntax { Keyword.ValueText: "string" } or IdentifierNameSyntax { Identifier.ValueText: "String" } };

    /// <summary><c>= null!</c>, <c>= default!</c>: an initial value that only quiets the compiler until the real one is assigned.</summary>
    public static bool IsPlaceholder(ExpressionSyntax value)
    {
        var inner = value is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed ? suppressed.Operand : value;
        return inner.IsKind(SyntaxKind.NullLiteralExpression) || inner.IsKind(SyntaxKind.DefaultLiteralExpression);
    }

    /// <summary>The assignment whose target <paramref name="token"/> names (<c>Name = …</c>, <c>x.Name = …</c>), if any.</summary>
    public static AssignmentExpressionSyntax? AssignmentNamedBy(SyntaxToken token)
    {
        var target = token.Parent is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax access } name && access.Name == name ? (ExpressionSyntax)access : token.Parent as ExpressionSyntax;
        return target?.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target ? assignment : null;
    }

    /// <summary>The type syntax a type's name stands for: the name, or the qualified name it ends (<c>Ns.Outputs</c>).</summary>
    public static SyntaxNode TypeSyntaxEndingWith(IdentifierNameSyntax name)
        => name.Parent is QualifiedNameSyntax qualified && qualified.Right == name ? qualified : name;
}
