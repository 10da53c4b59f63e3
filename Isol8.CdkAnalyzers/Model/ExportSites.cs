using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Where code exports a value by name: <c>Stack.ExportValue(value, …)</c>, and <c>new CfnOutputProps { Value = value,
/// ExportName = … }</c>. ICDK005 flags the volatile ones; ICDK007 the ones kept while importers move to a parameter.
/// </summary>
internal static class ExportSites
{
    /// <summary>The value an <c>ExportValue</c> call exports; null when the call is something else.</summary>
    public static ExpressionSyntax? ExportedValue(InvocationExpressionSyntax invocation, SemanticModel semanticModel, CdkModel model, CancellationToken cancellationToken)
    {
        if (CdkSyntax.TrailingName(invocation.Expression) != KnownCdkNames.ExportValue || invocation.ArgumentList.Arguments.Count == 0
            || semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol method
            || !model.Types.Is(method.ContainingType, CdkTypeKind.Stack))
        {
            return null;
        }

        return invocation.ArgumentList.Arguments[0].Expression;
    }

    /// <summary>The value a <c>CfnOutputProps</c> initializer exports under an <c>ExportName</c>; null when it exports nothing.</summary>
    public static ExpressionSyntax? ExportedValue(InitializerExpressionSyntax initializer, SemanticModel semanticModel, CdkModel model, CancellationToken cancellationToken)
    {
        var value = CdkSyntax.InitializerValue(initializer, "Value");
        var exportName = CdkSyntax.InitializerValue(initializer, "ExportName");
        if (value is null || exportName is null || exportName.IsKind(SyntaxKind.NullLiteralExpression)
            || initializer.Parent is not BaseObjectCreationExpressionSyntax creation
            || !SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(creation, cancellationToken).Type, model.Types.CfnOutputProps))
        {
            return null;
        }

        return value;
    }

    /// <summary>
    /// Is the export of <paramref name="value"/> transitional: does the statement right after it publish the same
    /// value in an SSM <c>StringParameter</c> (what the ICDK005 fix writes beside the export it keeps)?
    /// </summary>
    public static bool HasReplacementParameter(ExpressionSyntax value, SemanticModel semanticModel, CdkModel model, CancellationToken cancellationToken)
    {
        var statement = value.FirstAncestorOrSelf<StatementSyntax>();
        if (statement?.Parent is not BlockSyntax block || model.Types.StringParameterProps is not { } parameterProps)
        {
            return false;
        }

        var index = block.Statements.IndexOf(statement);
        if (index < 0 || index + 1 >= block.Statements.Count
            || block.Statements[index + 1] is not ExpressionStatementSyntax { Expression: BaseObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: 3 } arguments } })
        {
            return false;
        }

        return arguments[2].Expression is BaseObjectCreationExpressionSyntax { Initializer: { } initializer } props
            && CdkSyntax.InitializerValue(initializer, "StringValue") is { } published
            && SyntaxFactory.AreEquivalent(published, value)
            && SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(props, cancellationToken).Type, parameterProps);
    }
}
