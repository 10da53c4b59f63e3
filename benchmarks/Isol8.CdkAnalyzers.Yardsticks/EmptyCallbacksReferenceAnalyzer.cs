using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Yardsticks;

/// <summary>
/// A yardstick, not a rule: empty callbacks on the node kinds the package's analyzers listen to. What the analyzer
/// driver itself charges for dispatching them, before any work of ours.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyCallbacksReferenceAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(
            _ => { },
            SyntaxKind.SimpleMemberAccessExpression,
            SyntaxKind.MemberBindingExpression,
            SyntaxKind.Argument,
            SyntaxKind.InvocationExpression,
            SyntaxKind.ObjectInitializerExpression,
            SyntaxKind.CollectionInitializerExpression,
            SyntaxKind.SimpleAssignmentExpression,
            SyntaxKind.ComplexElementInitializerExpression);
    }
}
