using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Benchmarks;

/// <summary>
/// The editor's case: a keystroke gives a fresh compilation, and the IDE analyzes the open document only. For each
/// of <c>documents</c> files of the app, a new compilation and the package's analyzers on that one document; the
/// time the analyzers report for it (the compiler's binding of the document is not theirs).
/// </summary>
public static class EditorModeMeter
{
    public static async Task<(double Median, double P90, double Max)> PerDocumentAsync(ImmutableArray<SyntaxTree> trees, int documents)
    {
        var samples = new List<double>();
        var step = Math.Max(1, trees.Length / documents);
        for (var i = 0; i < trees.Length && samples.Count < documents; i += step)
        {
            // A fresh compilation, as after an edit: nothing carried over from the previous document's analysis.
            var compilation = AnalyzerCostMeter.Compile(trees);
            _ = compilation.SourceModule.ReferencedAssemblySymbols;
            var withAnalyzers = compilation.WithAnalyzers(AnalyzerCostMeter.PackageAnalyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: null,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true,
                reportSuppressedDiagnostics: false));
            var tree = compilation.SyntaxTrees.ElementAt(i);
            await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
            var total = TimeSpan.Zero;
            foreach (var analyzer in AnalyzerCostMeter.PackageAnalyzers)
            {
                total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime;
            }

            samples.Add(total.TotalMilliseconds);
        }

        samples.Sort();
        return (samples[samples.Count / 2], samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(samples.Count * 0.9) - 1)], samples[^1]);
    }
}
