using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Tests.Robustness;

/// <summary>Runs every analyzer of the package on a compilation and records any exception they throw.</summary>
internal static class AnalyzerHarness
{
    /// <summary>What the support file of the corpus declares, for inputs that use these stacks without declaring them.</summary>
    public static string SupportFor(string source)
        => CdkSources.Usings
            + (source.Contains("class ContainerStack", StringComparison.Ordinal) ? string.Empty : CdkSources.ContainerStack)
            + (source.Contains("class FunctionStack", StringComparison.Ordinal) ? string.Empty : CdkSources.FunctionStack);

    public static CSharpCompilation Compile(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path: "/app/Input.cs");
        var topLevel = tree.GetRoot().ChildNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
        var support = CSharpSyntaxTree.ParseText(SupportFor(source), TestCompilation.ParseOptions, path: "/app/Support.cs");
        return CSharpCompilation.Create(
            "Robustness",
            new[] { tree, support },
            TestReferences.WithCdk,
            new CSharpCompilationOptions(topLevel ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>The package's diagnostics as comparable text, and every exception an analyzer threw.</summary>
    public static async Task<(ImmutableArray<string> Diagnostics, ImmutableArray<Exception> Exceptions)> RunAsync(Compilation compilation, AnalyzerOptions? options = null, CancellationToken cancellationToken = default)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            TestCompilation.AllAnalyzers,
            new CompilationWithAnalyzersOptions(
                options ?? new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken);
        var text = diagnostics
            .Select(d => d.Id + " " + d.Location.SourceTree?.FilePath + d.Location.SourceSpan + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(t => t, StringComparer.Ordinal)
            .ToImmutableArray();
        if (diagnostics.Any(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(new InvalidOperationException(string.Join("\n", diagnostics.Where(d => d.Id == "AD0001"))));
        }

        return (text, exceptions.ToImmutableArray());
    }
}
