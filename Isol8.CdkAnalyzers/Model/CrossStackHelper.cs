using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The <c>CrossStackParameters</c> helper the SSM fixes add to a project. It takes the owner and its value to
/// publish them in the owner's stack: what it is handed is the way out of the trap, not the trap.
/// </summary>
internal static class CrossStackHelper
{
    public const string TypeName = "CrossStackParameters";

    /// <summary>Is <paramref name="expression"/> an argument of a call into the project's own <c>CrossStackParameters</c>?</summary>
    public static bool IsArgumentOfHelper(ExpressionSyntax expression, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (expression.Parent is not ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var helper } } }
            || CdkSyntax.TrailingName(helper) != TypeName)
        {
            return false;
        }

        return semanticModel.GetSymbolInfo(helper, cancellationToken).Symbol is INamedTypeSymbol { IsStatic: true } type
            && type.Locations.Length > 0
            && type.Locations[0].IsInSource;
    }
}
