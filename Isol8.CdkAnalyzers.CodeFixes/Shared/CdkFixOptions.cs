using Isol8.CdkAnalyzers.Options;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>The options the fixes read, through the same settings parser the analyzers use.</summary>
internal static class CdkFixOptions
{
    public const string DefaultSsmParameterPrefix = CdkSettings.DefaultSsmParameterPrefix;

    public static string SsmParameterPrefix(Project project, SyntaxTree tree)
    {
        var options = project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(tree);
        options.TryGetValue(OptionNames.SsmParameterPrefix, out var prefix);
        return CdkSettings.ParsePrefix(prefix);
    }
}
