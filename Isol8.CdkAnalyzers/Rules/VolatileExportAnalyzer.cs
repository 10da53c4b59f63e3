using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Rules;

/// <summary>
/// ICDK005: <c>Stack.ExportValue</c> of a volatile value, or a <c>CfnOutput</c> with an <c>ExportName</c> whose value is
/// volatile. Whoever imports it, in this app or another, blocks the owner's next change. A <c>CfnOutput</c> without
/// an export name is fine.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VolatileExportAnalyzer : CdkAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.VolatileExport);

    private protected override void Register(CompilationStartAnalysisContext context, CdkModel model)
    {
        if (model.Types.CfnOutputProps is null)
        {
            return;
        }

        context.RegisterSyntaxNodeAction(c => AnalyzeExportValue(c, model), SyntaxKind.InvocationExpression);
        context.RegisterSyntaxNodeAction(c => AnalyzeOutputProps(c, model), SyntaxKind.ObjectInitializerExpression);
    }

    private static void AnalyzeExportValue(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name != "ExportValue" || invocation.ArgumentList.Arguments.Count == 0
            || context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
            || !model.Types.Is(method.ContainingType, CdkTypeKind.Stack))
        {
            return;
        }

        Report(context, model, invocation.ArgumentList.Arguments[0].Expression);
    }

    private static void AnalyzeOutputProps(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        var initializer = (InitializerExpressionSyntax)context.Node;
        ExpressionSyntax? value = null;
        var exported = false;
        foreach (var expression in initializer.Expressions)
        {
            if (expression is AssignmentExpressionSyntax { Left: IdentifierNameSyntax property } assignment)
            {
                switch (property.Identifier.ValueText)
                {
                    case "Value":
                        value = assignment.Right;
                        break;
                    case "ExportName":
                        exported = !assignment.Right.IsKind(SyntaxKind.NullLiteralExpression);
                        break;
                }
            }
        }

        if (value is null || !exported || initializer.Parent is not BaseObjectCreationExpressionSyntax creation
            || !SymbolEqualityComparer.Default.Equals(context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type, model.Types.CfnOutputProps))
        {
            return;
        }

        Report(context, model, value);
    }

    private static void Report(SyntaxNodeAnalysisContext context, CdkModel model, ExpressionSyntax value)
    {
        var catalogue = model.SettingsFor(context.Options, context.Node.SyntaxTree).Catalogue;
        if (VolatileValues.VolatileMember(value, context.SemanticModel, model, catalogue, context.CancellationToken) is { } member)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.VolatileExport, value.GetLocation(), member.Name));
        }
    }
}
