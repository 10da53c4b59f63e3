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
/// an export name is fine, and so is an export kept beside the SSM parameter that replaces it (ICDK007).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VolatileExportAnalyzer : CdkAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.VolatileExport);

    private protected override void Register(CompilationStartAnalysisContext context, CdkModel model)
        => context.RegisterSyntaxNodeAction(c => Report(c, model), SyntaxKind.InvocationExpression, SyntaxKind.ObjectInitializerExpression);

    private static void Report(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        if (ExportSites.VolatileExportAt(context.Node, context.SemanticModel, model, context.Options, context.CancellationToken) is { HasReplacementParameter: false } export)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.VolatileExport, export.Value.GetLocation(), export.Member.Name));
        }
    }
}
