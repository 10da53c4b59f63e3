using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

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
        => context.RegisterSyntaxNodeAction(c => Report(c, model), SyntaxKind.InvocationExpression, SyntaxKind.ObjectInitializerExpression, SyntaxKind.SimpleAssignmentExpression);

    private static void Report(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        if (ExportSites.VolatileExportAt(context.Node, context.SemanticModel, model, context.Options, context.CancellationToken) is { HasReplacementParameter: false } export)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.VolatileExport, export.ReportedAt.GetLocation(), export.Member.Name));
        }
        else if (context.Node is InvocationExpressionSyntax invocation && !ExportSites.MightExport(invocation))
        {
            ReportExportHelperCall(context, model, invocation);
        }
    }

    /// <summary><c>Outputs.Export(this, "name", taskDef.TaskDefinitionArn)</c>: a volatile argument of the app's own helper that exports it.</summary>
    private static void ReportExportHelperCall(SyntaxNodeAnalysisContext context, CdkModel model, InvocationExpressionSyntax invocation)
    {
        VolatileCatalogue? catalogue = null;
        IInvocationOperation? call = null;
        foreach (var argument in invocation.ArgumentList.Arguments)
        {
            // Syntax first: a read of a catalogue member's name, as it is or in a string built from it.
            if (!MayReadByName(argument.Expression))
            {
                continue;
            }

            catalogue ??= model.SettingsFor(context.Options, invocation.SyntaxTree).Catalogue;
            if (!MayReadVolatile(argument.Expression, catalogue))
            {
                continue;
            }

            // The operation's method, not the symbol's: an extension method's receiver is its parameter 0 there, as in its body.
            call ??= context.SemanticModel.GetOperation(invocation, context.CancellationToken) as IInvocationOperation;
            if (call is null || call.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
            {
                return;
            }

            if (ParameterOf(call, argument) is { } parameter
                && model.ExportHelpers.ExportedParameters(call.TargetMethod, model, context.CancellationToken).Contains(parameter.Ordinal)
                && VolatileValues.VolatileMember(argument.Expression, context.SemanticModel, model, catalogue, context.CancellationToken) is { } member)
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.VolatileExport, argument.Expression.GetLocation(), member.Name));
            }
        }
    }

    private static IParameterSymbol? ParameterOf(IInvocationOperation call, ArgumentSyntax argument)
    {
        foreach (var passed in call.Arguments)
        {
            if (passed.Syntax == argument)
            {
                return passed.Parameter;
            }
        }

        return null;
    }

    private static bool MayReadByName(ExpressionSyntax expression)
        => expression is MemberAccessExpressionSyntax or InterpolatedStringExpressionSyntax or BinaryExpressionSyntax || CdkSyntax.IsLoopVariable(expression);

    private static bool MayReadVolatile(ExpressionSyntax expression, VolatileCatalogue catalogue)
    {
        // foreach (var (name, value) in exports) Outputs.Export(this, name, value): the loop's elements may be (ICDK005's
        // page). A name gets here only as a loop's variable (MayReadByName).
        if (expression is IdentifierNameSyntax || expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value", Expression: var pair } && CdkSyntax.IsLoopVariable(pair))
        {
            return true;
        }

        foreach (var access in expression.DescendantNodesAndSelf())
        {
            if (access is MemberAccessExpressionSyntax { Name: var name } && catalogue.MayBeVolatile(name.Identifier.ValueText))
            {
                return true;
            }
        }

        return false;
    }
}
