using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer over markup source compiled against .NET 8 and the real Amazon.CDK.Lib.</summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new DiagnosticResult(descriptor);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => VerifyAsync(new[] { source }, withCdk: true, editorConfig: null, expected);

    public static Task VerifyAsync(string[] sources, bool withCdk, string? editorConfig, params DiagnosticResult[] expected)
        => VerifyAsync(sources, withCdk, editorConfig, OutputKind.DynamicallyLinkedLibrary, expected);

    public static async Task VerifyAsync(string[] sources, bool withCdk, string? editorConfig, OutputKind outputKind, params DiagnosticResult[] expected)
    {
        var test = new Test(withCdk);
        test.TestState.OutputKind = outputKind;
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(bool withCdk = true)
        {
            TestFramework.Configure(this, withCdk);
        }

        protected override CompilationOptions CreateCompilationOptions()
            => TestFramework.ConfigureOptions(base.CreateCompilationOptions());

        protected override ParseOptions CreateParseOptions()
            => TestFramework.ConfigureParseOptions(base.CreateParseOptions());
    }
}
