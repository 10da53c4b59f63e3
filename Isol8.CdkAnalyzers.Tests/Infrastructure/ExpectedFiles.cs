using System.IO;
using System.Linq;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>What the code fixes are expected to write, kept verbatim under Expected/.</summary>
internal static class ExpectedFiles
{
    /// <summary>The SSM helper as the fix appends it to a file-scoped namespace whose file has <c>using Amazon.CDK; using Constructs;</c>.</summary>
    public static string AppendedHelper { get; } = Read("CrossStackParameters.expected");

    /// <summary>A fixed file: its code, a blank line, and the helper.</summary>
    public static string WithAppendedHelper(string fixedSource, string prefix = "/cdk-cross-stack", params string[] importedNamespaces)
    {
        var helper = HelperWithPrefix(prefix);
        foreach (var importedNamespace in importedNamespaces)
        {
            helper = helper.Replace(importedNamespace + ".", string.Empty, System.StringComparison.Ordinal);
        }

        return fixedSource + "\n\n" + helper;
    }

    /// <summary>A fixed file whose block namespace gets the helper, indented, before its closing brace.</summary>
    public static string WithHelperInBlockNamespace(string fixedSource, string prefix = "/cdk-cross-stack")
    {
        var indented = string.Join("\n", HelperWithPrefix(prefix).TrimEnd('\n').Split('\n').Select(line => line.Length == 0 ? line : "    " + line));
        var close = fixedSource.LastIndexOf('}');
        return fixedSource[..close].TrimEnd('\n') + "\n\n" + indented + "\n}" + fixedSource[(close + 1)..];
    }

    /// <summary>A helper that a project already has, in its own file.</summary>
    public static string HelperFile(string namespaceName)
        => "using Amazon.CDK;\nusing Constructs;\n\nnamespace " + namespaceName + ";\n\n" + AppendedHelper;

    private static string HelperWithPrefix(string prefix)
        => AppendedHelper.Replace("\"/cdk-cross-stack\"", "\"" + prefix + "\"", System.StringComparison.Ordinal);

    private static string Read(string name)
    {
        using var stream = typeof(ExpectedFiles).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
