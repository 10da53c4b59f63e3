using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>Runs one analyzer and one code fix over markup source compiled against .NET 8 and the real Amazon.CDK.Lib.</summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
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
