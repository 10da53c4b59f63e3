using System.IO;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>The files the code fixes are expected to add, kept verbatim under Expected/.</summary>
internal static class ExpectedFiles
{
    /// <summary>The SSM helper as the fix writes it into <c>namespace Isol8.Infra;</c>.</summary>
    public static string CrossStackParameters { get; } = Read("CrossStackParameters.expected");

    /// <summary>The SSM helper as the fix writes it into another file-scoped namespace.</summary>
    public static string CrossStackParametersIn(string namespaceName)
        => CrossStackParameters.Replace("namespace Isol8.Infra;", "namespace " + namespaceName + ";", System.StringComparison.Ordinal);

    private static string Read(string name)
    {
        using var stream = typeof(ExpectedFiles).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
