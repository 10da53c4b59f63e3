using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Rules;

/// <summary>
/// ICDK007: an export kept only for the consumers deployed before a fix moved them off it. Two forms, both written
/// by this package's fixes: <c>keepOldExport: true</c> on a <c>CrossStackParameters</c> call (ICDK001), and a named
/// export of a volatile value beside the SSM parameter that replaces it (ICDK005). Once every consumer has
/// deployed, the export can go.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TransitionalExportAnalyzer : CdkAnalyzer
{
    /// <summary>Diagnostic property: which form was found (see <see cref="TransitionalExportForm"/>).</summary>
    public const string FormProperty = "Form";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TransitionalExport);

    private protected override void Register(CompilationStartAnalysisContext context, CdkModel model)
    {
        // No CDK type is looked up here: at compilation start that would load CDK's metadata before the compiler needs it.
        context.RegisterSyntaxNodeAction(AnalyzeKeepOldExportArgument, SyntaxKind.Argument);
        context.RegisterSyntaxNodeAction(c => AnalyzeNamedExport(c, model), SyntaxKind.InvocationExpression, SyntaxKind.ObjectInitializerExpression);
    }

    private static void AnalyzeKeepOldExportArgument(SyntaxNodeAnalysisContext context)
    {
        var argument = (ArgumentSyntax)context.Node;
        if (argument.NameColon?.Name.Identifier.ValueText != CrossStackHelper.KeepOldExportParameter
            || argument.Parent?.Parent is not InvocationExpressionSyntax invocation
            || context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
            || !CrossStackHelper.IsHelper(method.ContainingType)
            || context.SemanticModel.GetConstantValue(argument.Expression, context.CancellationToken).Value is not true)
        {
            return;
        }

        var form = method.Name == CrossStackHelper.TaskDefinitionFamilyMethod ? TransitionalExportForm.FamilyKeepingOldExport : TransitionalExportForm.KeepOldExportArgument;
        Report(context, argument, CrossStackHelper.TypeName + "." + method.Name, form);
    }

    private static void AnalyzeNamedExport(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        if (ExportSites.VolatileExportAt(context.Node, context.SemanticModel, model, context.Options, context.CancellationToken) is { HasReplacementParameter: true } export)
        {
            Report(context, export.ReportedAt, export.Member.Name, TransitionalExportForm.ExportBesideParameter);
        }
    }

    private static void Report(SyntaxNodeAnalysisContext context, SyntaxNode node, string what, TransitionalExportForm form)
        => context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.TransitionalExport,
            node.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(FormProperty, form.ToString()),
            what));
}
