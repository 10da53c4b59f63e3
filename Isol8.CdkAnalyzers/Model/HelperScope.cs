using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The consumer scope an SSM fix names when it reads a published value: <c>this</c> in a stack's own code, or the
/// scope expression the value flows into when the code is outside a stack. ICDK001 works it out where it knows the
/// consumer and hands it to the fix in the diagnostic (<see cref="Property"/>, and the scope's location), so the
/// fix never runs the ownership analysis again.
/// </summary>
internal static class HelperScope
{
    /// <summary>Diagnostic property: <see cref="This"/>, <see cref="Expression"/>, or absent when there is no scope to name.</summary>
    public const string Property = "HelperScope";

    /// <summary>The stack's own code, or a construct's its stack hosts: the fix writes <c>this</c>.</summary>
    public const string This = "This";

    /// <summary>A scope expression in the same file: the diagnostic's first additional location.</summary>
    public const string Expression = "Expression";

    /// <summary>The scope for <paramref name="consumer"/> at <paramref name="use"/>; <see cref="This"/> with no expression, or <see cref="Expression"/> with it; null when there is none to name.</summary>
    public static (string Kind, ExpressionSyntax? Scope)? Of(CdkModel model, SemanticModel semanticModel, Consumer consumer, SyntaxNode use, ISymbol? containingSymbol, CancellationToken cancellationToken)
    {
        if (consumer.Stack.IsThisStack || (consumer.Stack.IsHost && SymbolFacts.EnclosingMember(containingSymbol) is { IsStatic: false }))
        {
            // A stack's or a hosted construct's own code: 'this' is a scope in the consumer's stack. Field initializers
            // cannot use it, nor can a constructor's base(…) or this(…) call.
            return containingSymbol is IMethodSymbol && use.FirstAncestorOrSelf<ConstructorInitializerSyntax>() is null ? (This, null) : null;
        }

        // A scope reached through a local, or one that is not safe to evaluate again at the read, is not written twice.
        if (consumer.Scope is not ExpressionSyntax scope || consumer.ThroughLocal || !CdkSyntax.IsPureReference(scope)
            || scope.SyntaxTree != semanticModel.SyntaxTree)
        {
            return null;
        }

        var scopeType = semanticModel.GetTypeInfo(scope, cancellationToken).Type;
        return model.Types.Construct is { } construct && TypeRelations.IsOrInherits(scopeType, construct) ? (Expression, scope) : null;
    }
}
