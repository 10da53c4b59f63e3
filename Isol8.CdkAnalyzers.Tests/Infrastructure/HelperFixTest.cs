using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Rules;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>An ICDK001 fix test over two files: the owner's, unchanged, and the consumer's, to which the fix adds the helper.</summary>
internal static class HelperFixTest
{
    /// <param name="ownerSource">The owning stack's file, the same before and after.</param>
    /// <param name="consumerSource">The consumer's file, with the diagnostics' markup.</param>
    /// <param name="fixedConsumerSource">The consumer's file after the fix, without the helper.</param>
    /// <param name="importedNamespaces">The namespaces the consumer's file imports, which the added helper's names drop.</param>
    public static CSharpCodeFixVerifier<CrossStackVolatileReferenceAnalyzer, CrossStackVolatileReferenceFixer>.Test Create(string ownerSource, string consumerSource, string fixedConsumerSource, params string[] importedNamespaces)
    {
        var test = new CSharpCodeFixVerifier<CrossStackVolatileReferenceAnalyzer, CrossStackVolatileReferenceFixer>.Test();
        test.TestState.Sources.Add(ownerSource);
        test.TestState.Sources.Add(consumerSource);
        test.FixedState.Sources.Add(ownerSource);
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper(fixedConsumerSource, importedNamespaces: importedNamespaces));
        return test;
    }
}
