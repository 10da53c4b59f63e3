using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Isol8.CdkAnalyzers.Benchmarks;

/// <summary>
/// Measures, on one compilation, the compiler's own time to produce its diagnostics and the time
/// <c>CompilationWithAnalyzers</c> spends in a set of analyzers (from its per-analyzer telemetry), with warm-up and
/// repeated runs; reports medians.
/// </summary>
public static class AnalyzerCostMeter
{
    public static ImmutableArray<MetadataReference> ReferencesWithoutCdk { get; } = ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net80.References.All);

    public static ImmutableArray<MetadataReference> References { get; } = ReferencesWithoutCdk.AddRange(new MetadataReference[]
    {
        MetadataReference.CreateFromFile(typeof(Amazon.CDK.Stack).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Constructs.Construct).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly.Location),
    });

    public static ImmutableArray<DiagnosticAnalyzer> PackageAnalyzers { get; } = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static ImmutableArray<SyntaxTree> Parse(IReadOnlyList<string> files)
        => files.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/app/File" + i + ".cs")).ToImmutableArray();

    public static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees)
        => CSharpCompilation.Create("Synthetic", trees, ReferencesFor(trees), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));

    /// <summary>A project that uses CDK references it; the plain one does not.</summary>
    private static ImmutableArray<MetadataReference> ReferencesFor(ImmutableArray<SyntaxTree> trees)
        => trees.Any(tree => tree.ToString().Contains("using Amazon.CDK;", StringComparison.Ordinal)) ? References : ReferencesWithoutCdk;

    /// <summary>The compiler's time to produce its diagnostics for a fresh compilation of the trees, median of <paramref name="runs"/>.</summary>
    public static TimeSpan CompilerTime(ImmutableArray<SyntaxTree> trees, int runs)
    {
        Compile(trees).GetDiagnostics();
        return Median(Enumerable.Range(0, runs).Select(_ =>
        {
            var compilation = Compile(trees);
            var clock = Stopwatch.StartNew();
            compilation.GetDiagnostics();
            return clock.Elapsed;
        }));
    }

    /// <summary>The time the analyzers spend, by analyzer, median of <paramref name="runs"/>, and the bytes the whole pass allocated.</summary>
    public static async Task<AnalyzerCost> AnalyzerCostAsync(ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers, int runs)
    {
        await MeasureOnceAsync(trees, analyzers);
        var samples = new List<(TimeSpan Time, long Bytes, ImmutableArray<AnalyzerTelemetryInfo> Telemetry, int Diagnostics)>();
        for (var run = 0; run < runs; run++)
        {
            samples.Add(await MeasureOnceAsync(trees, analyzers));
        }

        var median = samples.OrderBy(s => s.Time).ElementAt(samples.Count / 2);
        return new AnalyzerCost(median.Time, median.Bytes, median.Telemetry, median.Diagnostics);
    }

    private static async Task<(TimeSpan, long, ImmutableArray<AnalyzerTelemetryInfo>, int)> MeasureOnceAsync(ImmutableArray<SyntaxTree> trees, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var compilation = Compile(trees);

        // The compiler binds the references before any analyzer runs, in a build and in the IDE: do it here too, so
        // that the analyzers are not charged for it.
        _ = compilation.SourceModule.ReferencedAssemblySymbols;
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: null,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: true,
            reportSuppressedDiagnostics: false));
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var telemetry = ImmutableArray.CreateBuilder<AnalyzerTelemetryInfo>();
        var total = TimeSpan.Zero;
        foreach (var analyzer in analyzers)
        {
            var info = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            telemetry.Add(info);
            total += info.ExecutionTime;
        }

        return (total, allocated, telemetry.ToImmutable(), diagnostics.Length);
    }

    private static TimeSpan Median(IEnumerable<TimeSpan> samples)
    {
        var sorted = samples.OrderBy(s => s).ToList();
        return sorted[sorted.Count / 2];
    }
}

/// <summary>What a set of analyzers cost on one compilation.</summary>
public sealed record AnalyzerCost(TimeSpan ExecutionTime, long AllocatedBytes, ImmutableArray<AnalyzerTelemetryInfo> Telemetry, int Diagnostics)
{
    /// <summary>Actions other than the compilation-start action that the analyzers registered and ran.</summary>
    public int ActionsBeyondCompilationStart => Telemetry.Sum(t =>
        t.CompilationActionsCount + t.CompilationEndActionsCount + t.SyntaxTreeActionsCount + t.SemanticModelActionsCount
        + t.SymbolActionsCount + t.SyntaxNodeActionsCount + t.CodeBlockStartActionsCount + t.CodeBlockActionsCount
        + t.CodeBlockEndActionsCount + t.OperationActionsCount + t.OperationBlockActionsCount + t.OperationBlockStartActionsCount
        + t.OperationBlockEndActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount);
}
