using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>What every analyzer and code-fix test shares: references that restore with the project, C# 12, a pinned culture.</summary>
internal static class TestFramework
{
    /// <summary>No package: nothing is downloaded while tests run; the references come from <see cref="TestReferences"/>.</summary>
    public static readonly ReferenceAssemblies NoDownload = new("net8.0");

    public static void Configure(AnalyzerTest<DefaultVerifier> test, bool withCdk)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        test.ReferenceAssemblies = NoDownload;
        test.TestState.AdditionalReferences.AddRange(withCdk ? TestReferences.WithCdk : TestReferences.Net80);
        test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
    }

    public static CompilationOptions ConfigureOptions(CompilationOptions options)
        => ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Enable);

    public static ParseOptions ConfigureParseOptions(ParseOptions options)
        => ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.CSharp12);
}
