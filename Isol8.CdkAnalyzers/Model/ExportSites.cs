using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Where code exports a value by name: <c>Stack.ExportValue(value, …)</c>, <c>new CfnOutputProps { Value = value,
/// ExportName = … }</c>, and an output's <c>ExportName</c> set apart from its props. ICDK005 flags the volatile ones;
/// ICDK007 the ones kept while importers move to a parameter.
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
        var value = CdkSyntax.InitializerValue(initializer, KnownCdkNames.OutputValue);
        var exportName = CdkSyntax.InitializerValue(initializer, KnownCdkNames.ExportName);
        if (value is null || exportName is null || exportName.IsKind(SyntaxKind.NullLiteralExpression)
            || initializer.Parent is not BaseObjectCreationExpressionSyntax creation
            || !SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(creation, cancellationToken).Type, model.Types.CfnOutputProps))
        {
            return null;
        }

        return value;
    }

    /// <summary>
    /// The value a <c>CfnOutput</c> exports when its <c>ExportName</c> is set apart from its props: in the output's own
    /// initializer (<c>new CfnOutput(scope, id, new CfnOutputProps { Value = v }) { ExportName = … }</c>), or later, on
    /// the local that holds it (<c>output.ExportName = …</c>). Null when the output or its value cannot be found.
    /// </summary>
    public static ExpressionSyntax? LateExportedValue(SyntaxNode node, SemanticModel semanticModel, CdkModel model, CancellationToken cancellationToken)
    {
        var output = node switch
        {
            InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax creation } => creation,
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax holder } target }
                when semanticModel.GetSymbolInfo(target, cancellationToken).Symbol is IPropertySymbol property
                    && SymbolEqualityComparer.Default.Equals(property.ContainingType, model.Types.CfnOutput)
                => CreationHeldBy(holder, semanticModel, model, cancellationToken),
            _ => null,
        };
        if (output?.ArgumentList is not { Arguments.Count: 3 } arguments
            || !SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(output, cancellationToken).Type, model.Types.CfnOutput)
            || arguments.Arguments[2].Expression is not BaseObjectCreationExpressionSyntax { Initializer: { } props } propsCreation
            || !SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(propsCreation, cancellationToken).Type, model.Types.CfnOutputProps))
        {
            return null;
        }

        return CdkSyntax.InitializerValue(props, KnownCdkNames.OutputValue);
    }

    /// <summary>The <c>new …(…)</c> a local is declared with, when nothing else is ever assigned to it; null otherwise.</summary>
    private static ObjectCreationExpressionSyntax? CreationHeldBy(IdentifierNameSyntax holder, SemanticModel semanticModel, CdkModel model, CancellationToken cancellationToken)
        => semanticModel.GetSymbolInfo(holder, cancellationToken).Symbol is ILocalSymbol local
            && model.Sources.OfLocal(local, holder, semanticModel, cancellationToken) is { IsDefault: false, Length: 1 } sources
            && sources[0] is ObjectCreationExpressionSyntax creation
                ? creation
                : null;

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
            && CdkSyntax.InitializerValue(initializer, KnownCdkNames.StringValue) is { } published
            && SyntaxFactory.AreEquivalent(published, value)
            && SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(props, cancellationToken).Type, parameterProps);
    }

    /// <summary>
    /// ICDK005's and ICDK007's shared entry: the syntactic test, then the settings of the node's file, then the
    /// classification (cached per node and catalogue).
    /// </summary>
    public static VolatileExport? VolatileExportAt(SyntaxNode node, SemanticModel semanticModel, CdkModel model, Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions options, CancellationToken cancellationToken)
        => MightExport(node)
            ? VolatileExportAt(node, semanticModel, model, model.SettingsFor(options, node.SyntaxTree).Catalogue, cancellationToken)
            : null;

    /// <summary>
    /// The volatile value exported at <paramref name="node"/> (an <c>ExportValue</c> call or a <c>CfnOutputProps</c>
    /// initializer), with the member it reads and whether an SSM parameter publishing it follows; null when the node
    /// exports no volatile value. Worked out once per node and catalogue for ICDK005 and ICDK007 together.
    /// </summary>
    /// <remarks>Callers test <see cref="MightExport"/> first (before they look up their settings); the classification repeats no syntactic test.</remarks>
    public static VolatileExport? VolatileExportAt(SyntaxNode node, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        // No factory lambda: its closure would be allocated on every call, the second rule's cache hit included.
        var key = (node, catalogue);
        return model.VolatileExports.TryGetValue(key, out var known)
            ? known.Value
            : model.VolatileExports.GetOrAdd(key, new StrongBox<VolatileExport?>(Classify(node, semanticModel, model, catalogue, cancellationToken))).Value;
    }

    /// <summary>
    /// The syntactic test first: an <c>ExportValue(…)</c> call; an initializer that sets <c>ExportName</c> beside
    /// <c>Value</c>, or on an output created with props (<c>new CfnOutput(s, id, props) { ExportName = … }</c>); or
    /// <c>output.ExportName = …</c>.
    /// </summary>
    public static bool MightExport(SyntaxNode node)
        => node switch
        {
            InvocationExpressionSyntax invocation => CdkSyntax.TrailingName(invocation.Expression) == KnownCdkNames.ExportValue && invocation.ArgumentList.Arguments.Count > 0,
            InitializerExpressionSyntax initializer => CdkSyntax.InitializerValue(initializer, KnownCdkNames.ExportName) is { } exportName && !exportName.IsKind(SyntaxKind.NullLiteralExpression)
                && (CdkSyntax.InitializerValue(initializer, KnownCdkNames.OutputValue) is not null || initializer.Parent is ObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 3 }),
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: KnownCdkNames.ExportName, Expression: IdentifierNameSyntax } } assignment
                => !assignment.Right.IsKind(SyntaxKind.NullLiteralExpression),
            _ => false,
        };

    private static VolatileExport? Classify(SyntaxNode node, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var value = node switch
        {
            InvocationExpressionSyntax invocation => ExportedValue(invocation, semanticModel, model, cancellationToken),
            InitializerExpressionSyntax initializer when CdkSyntax.InitializerValue(initializer, KnownCdkNames.OutputValue) is not null => ExportedValue(initializer, semanticModel, model, cancellationToken),
            InitializerExpressionSyntax or AssignmentExpressionSyntax => LateExportedValue(node, semanticModel, model, cancellationToken),
            _ => null,
        };
        return value is not null && VolatileValues.VolatileMember(value, semanticModel, model, catalogue, cancellationToken) is { } member
            ? new VolatileExport(value, member, HasReplacementParameter(value, semanticModel, model, cancellationToken), ReportedAt(node, value))
            : null;
    }

    /// <summary>
    /// The value itself, when it lies in the node a rule was called for; else what names the export there (the output's
    /// <c>ExportName = …</c>): a diagnostic outside the node analyzed would go stale in the editor.
    /// </summary>
    private static SyntaxNode ReportedAt(SyntaxNode node, ExpressionSyntax value)
    {
        if (node.Span.Contains(value.Span))
        {
            return value;
        }

        return node is InitializerExpressionSyntax initializer && CdkSyntax.InitializerValue(initializer, KnownCdkNames.ExportName)?.Parent is { } exportName
            ? exportName
            : node;
    }
}

/// <summary>A volatile value exported by name: the value, the member it reads, and whether an SSM parameter publishing it follows.</summary>
internal sealed class VolatileExport
{
    public VolatileExport(ExpressionSyntax value, ISymbol member, bool hasReplacementParameter, SyntaxNode reportedAt)
    {
        Value = value;
        Member = member;
        HasReplacementParameter = hasReplacementParameter;
        ReportedAt = reportedAt;
    }

    public ExpressionSyntax Value { get; }

    /// <summary>Where the rules report it: the value, or, when the export is named apart from it, the naming assignment.</summary>
    public SyntaxNode ReportedAt { get; }

    public ISymbol Member { get; }

    /// <summary>The export is transitional (ICDK007): consumers are moving to the parameter right after it.</summary>
    public bool HasReplacementParameter { get; }
}

