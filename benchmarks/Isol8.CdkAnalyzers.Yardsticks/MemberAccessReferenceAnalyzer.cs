using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Yardsticks;

/// <summary>
/// A yardstick, not a rule: the trivial analyzer that asks the semantic model about every member access. The
/// package's analyzers must cost well under it, which takes a syntactic prefilter.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MemberAccessReferenceAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterSyntaxNodeAction(c => c.SemanticModel.GetSymbolInfo(c.Node, c.CancellationToken), SyntaxKind.SimpleMemberAccessExpression);
    }
}
