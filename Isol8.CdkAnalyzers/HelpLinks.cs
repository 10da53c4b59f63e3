using System.Reflection;

namespace Isol8.CdkAnalyzers;

/// <summary>Builds the documentation address of a rule from the repository address the build stamps on this assembly.</summary>
internal static class HelpLinks
{
    private const string FallbackRepositoryUrl = "https://github.com/isol8/Isol8.CdkAnalyzers";

    public static string RepositoryUrl { get; } = ReadRepositoryUrl();

    public static string ForRule(string id) => RepositoryUrl + "/blob/main/docs/rules/" + id + ".md";

    private static string ReadRepositoryUrl()
    {
        foreach (var attribute in typeof(HelpLinks).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == "RepositoryUrl" && !string.IsNullOrEmpty(attribute.Value))
            {
                return attribute.Value!.TrimEnd('/');
            }
        }

        return FallbackRepositoryUrl;
    }
}
