using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>Compiles plain C# source against .NET 8 and CDK, and runs the package's analyzers on it.</summary>
internal static class TestCompilation
{
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static CSharpCompilation Create(params string[] sources)
        => Create(OutputKind.DynamicallyLinkedLibrary, sources);

    public static CSharpCompilation Create(OutputKind outputKind, params string[] sources)
        => CSharpCompilation.Create(
            "TestApp" + System.Guid.NewGuid().ToString("N"),
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "/app/File" + index + ".cs")),
            TestReferences.WithCdk,
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));

    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
        .Select(type => (DiagnosticAnalyzer)System.Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer>? analyzers = null, AnalyzerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers ?? AllAnalyzers,
            new CompilationWithAnalyzersOptions(options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false));
        return await withAnalyzers.GetAllDiagnosticsAsync(cancellationToken);
    }
}
