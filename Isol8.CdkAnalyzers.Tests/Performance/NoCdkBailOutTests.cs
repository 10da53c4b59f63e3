using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Benchmarks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Tests.Performance;

/// <summary>A project without CDK costs nothing: each analyzer runs its compilation-start check and registers nothing else.</summary>
public class NoCdkBailOutTests
{
    [Fact]
    public async Task CompilationWithoutCdk_RegistersNothingBeyondTheStartCheck_AndCostsUnderOneMillisecond()
    {
        var trees = SyntheticCdkApp.FilesWithoutCdk(200).Select((text, i) => CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path: "/plain/File" + i + ".cs")).ToImmutableArray();
        var samples = new double[7];
        for (var run = 0; run < samples.Length; run++)
        {
            var compilation = CSharpCompilation.Create("Plain", trees, TestReferences.Net80, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            _ = compilation.SourceModule.ReferencedAssemblySymbols;
            var withAnalyzers = compilation.WithAnalyzers(
                TestCompilation.AllAnalyzers,
                new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
            Assert.Empty(await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None));

            var total = TimeSpan.Zero;
            foreach (var analyzer in TestCompilation.AllAnalyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                Assert.Equal(1, telemetry.CompilationStartActionsCount);
                Assert.Equal(0, telemetry.SyntaxNodeActionsCount + telemetry.SyntaxTreeActionsCount + telemetry.SemanticModelActionsCount
                    + telemetry.SymbolActionsCount + telemetry.OperationActionsCount + telemetry.CodeBlockActionsCount
                    + telemetry.CompilationActionsCount + telemetry.CompilationEndActionsCount);
                total += telemetry.ExecutionTime;
            }

            samples[run] = total.TotalMilliseconds;
        }

        // The first run pays for JIT; the median of the rest is the steady cost.
        var median = samples.Skip(1).Order().ElementAt(3);
        Assert.True(median < 1, $"The analyzers took {median:F3} ms on a compilation without CDK (at most 1 ms).");
    }
}
