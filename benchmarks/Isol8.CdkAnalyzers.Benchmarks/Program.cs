using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Runtime.InteropServices;
using Isol8.CdkAnalyzers.Benchmarks;
using Isol8.CdkAnalyzers.Yardsticks;
using Microsoft.CodeAnalysis.Diagnostics;

// Usage: dotnet run -c Release --project benchmarks/Isol8.CdkAnalyzers.Benchmarks -- [--sizes 10,100,500] [--runs 5] [--check] [--build]
var sizes = new[] { 10, 100, 500 };
var runs = 5;
var check = false;
var verbose = false;
var editorDocuments = 50;
var fixAllDiagnostics = 100;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--sizes":
            sizes = args[++i].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            break;
        case "--runs":
            runs = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--check":
            check = true;
            break;
        case "--verbose":
            verbose = true;
            break;
        case "--editor-documents":
            editorDocuments = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--fix-all":
            fixAllDiagnostics = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
    }
}

var failures = 0;
if (args.Contains("--build"))
{
    // The budget's own terms: a real build of the largest app, csc /reportanalyzer, the yardstick in the same run.
    var build = BuildMeter.Measure(sizes.Max(), runs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"dotnet build of {sizes.Max()} stacks (median of {runs} after a warm-up): CoreCompile {build.CoreCompile:F0} ms; package analyzers {build.Package:F0} ms ({build.PackageShare:P2}); member-access yardstick {build.MemberAccessYardstick:F0} ms ({build.YardstickShare:P2}); empty callbacks {build.EmptyCallbacksYardstick:F1} ms; package / yardstick {build.Package / build.MemberAccessYardstick:F2}."));
    if (build.PackageShare > 0.02 || build.Package > build.MemberAccessYardstick / 5)
    {
        Console.Error.WriteLine("Budget: the package must take at most 2% of CoreCompile and at most 1/5 of the member-access yardstick.");
        failures++;
    }

    Console.WriteLine();
}

if (args.Contains("--only-package"))
{
    var trees = AnalyzerCostMeter.Parse(SyntheticCdkApp.Files(sizes.Max()));
    for (var round = 0; round < runs; round++)
    {
        var cost = await AnalyzerCostMeter.AnalyzerCostAsync(trees, AnalyzerCostMeter.PackageAnalyzers, 1);
        Console.WriteLine(cost.ExecutionTime.TotalMilliseconds);
    }

    return 0;
}

if (args.Contains("--probe-sites"))
{
    Probe.RunSites(sizes.Max());
    return 0;
}

if (args.Contains("--probe"))
{
    Probe.Run(sizes.Max());
    return 0;
}

var invariant = CultureInfo.InvariantCulture;
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}");
Console.WriteLine($"Median of {runs} runs after one warm-up; analyzers run with concurrentAnalysis: false.");
Console.WriteLine();
Console.WriteLine("| Stacks | Lines | Compiler | Package analyzers | Share of compiler | Per 1,000 lines | Per stack | Allocated in the analyzer pass | Diagnostics | Member-access yardstick | Empty callbacks yardstick |");
Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

double? perStackAt100 = null;
foreach (var stacks in sizes)
{
    var files = SyntheticCdkApp.Files(stacks);
    var lines = files.Sum(f => f.Count(c => c == '\n') + 1);
    var trees = AnalyzerCostMeter.Parse(files);
    var compiler = AnalyzerCostMeter.CompilerTime(trees, runs);
    var package = await AnalyzerCostMeter.AnalyzerCostAsync(trees, AnalyzerCostMeter.PackageAnalyzers, runs);
    var yardstick = await AnalyzerCostMeter.AnalyzerCostAsync(trees, ImmutableArray.Create<DiagnosticAnalyzer>(new MemberAccessReferenceAnalyzer()), runs);
    var dispatch = await AnalyzerCostMeter.AnalyzerCostAsync(trees, ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCallbacksReferenceAnalyzer()), runs);
    var share = package.ExecutionTime / compiler;
    var perStack = package.ExecutionTime.TotalMilliseconds / stacks;
    Console.WriteLine(string.Create(invariant,
        $"| {stacks} | {lines:N0} | {compiler.TotalMilliseconds:F0} ms | {package.ExecutionTime.TotalMilliseconds:F1} ms | {share:P2} | {package.ExecutionTime.TotalMilliseconds * 1000 / lines:F2} ms | {perStack:F3} ms | {package.AllocatedBytes / 1048576.0:F1} MB | {package.Diagnostics} | {yardstick.ExecutionTime / compiler:P2} | {dispatch.ExecutionTime / compiler:P2} |"));

    if (verbose)
    {
        for (var a = 0; a < AnalyzerCostMeter.PackageAnalyzers.Length; a++)
        {
            Console.WriteLine(string.Create(invariant, $"  {AnalyzerCostMeter.PackageAnalyzers[a].GetType().Name}: {package.Telemetry[a].ExecutionTime.TotalMilliseconds:F1} ms"));
        }
    }

    if (stacks >= 500 && share > 0.02)
    {
        Console.Error.WriteLine(string.Create(invariant, $"Budget: the analyzers take {share:P2} of the compiler's time at {stacks} stacks (at most 2%)."));
        failures++;
    }

    if (stacks == 100)
    {
        perStackAt100 = perStack;
    }
    else if (stacks == 500 && perStackAt100 is { } baseline && perStack > baseline * 1.5)
    {
        Console.Error.WriteLine(string.Create(invariant, $"Budget: the time per stack grows from {baseline:F3} ms at 100 stacks to {perStack:F3} ms at 500."));
        failures++;
    }
}

Console.WriteLine();
var plainTrees = AnalyzerCostMeter.Parse(SyntheticCdkApp.FilesWithoutCdk(sizes.Max()));
var plain = await AnalyzerCostMeter.AnalyzerCostAsync(plainTrees, AnalyzerCostMeter.PackageAnalyzers, runs);
Console.WriteLine(string.Create(invariant,
    $"Without CDK ({sizes.Max()} stacks' worth of plain classes): {plain.ExecutionTime.TotalMilliseconds:F3} ms in the package's analyzers, {plain.ActionsBeyondCompilationStart} actions beyond the compilation-start check."));
if (plain.ExecutionTime.TotalMilliseconds >= 1 || plain.ActionsBeyondCompilationStart != 0)
{
    Console.Error.WriteLine("Budget: a compilation without CDK must cost under 1 ms and register nothing beyond the compilation-start check.");
    failures++;
}

if (editorDocuments > 0)
{
    Console.WriteLine();
    var editor = await EditorModeMeter.PerDocumentAsync(AnalyzerCostMeter.Parse(SyntheticCdkApp.Files(sizes.Max())), editorDocuments);
    Console.WriteLine(string.Create(invariant,
        $"Editor mode ({sizes.Max()} stacks, a fresh compilation per document, {editorDocuments} documents): median {editor.Median:F2} ms, p90 {editor.P90:F2} ms, max {editor.Max:F2} ms per document."));
    if (sizes.Max() >= 500 && editor.P90 > 5)
    {
        Console.Error.WriteLine(string.Create(invariant, $"Budget: editor p90 {editor.P90:F2} ms per document (at most 5 ms)."));
        failures++;
    }
}

if (fixAllDiagnostics > 0)
{
    await FixAllMeter.FixAllAsync(FixAllMeter.CrossStackApp(3)); // warm-up: the fixer's code is compiled by the first run
    var fixAll = await FixAllMeter.FixAllAsync(FixAllMeter.CrossStackApp(fixAllDiagnostics));
    Console.WriteLine(string.Create(invariant,
        $"Fix All (ICDK001, SSM fix, solution scope) over {fixAll.Diagnostics} diagnostics: {fixAll.Time.TotalMilliseconds:F0} ms, {fixAll.Left} left."));
    if (fixAll.Left != 0 || (fixAll.Diagnostics >= 100 && fixAll.Time.TotalSeconds > 2))
    {
        Console.Error.WriteLine("Budget: Fix All must fix every diagnostic, within 2 s for 100.");
        failures++;
    }
}

return check && failures > 0 ? 1 : 0;
