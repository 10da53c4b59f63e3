using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>
/// The SSM helper as the fixes write it, for tests that compare fixed files. It is rendered by the product itself
/// (its template, inserted and cleaned up as a fix does), not copied: what the helper does is proven by compiling
/// and synthesizing it, and its text is pinned by one snapshot test (<c>HelperSnapshotTests</c>).
/// </summary>
internal static class ExpectedFiles
{
    private const string AnchorType = "internal static class HelperAnchor\n{\n}";

    /// <summary>The SSM helper as the fix appends it to a file-scoped namespace whose file has <c>using Amazon.CDK; using Constructs;</c>.</summary>
    public static string AppendedHelper { get; } = RenderAsync(CdkFixOptions.DefaultSsmParameterPrefix).GetAwaiter().GetResult();

    /// <summary>A fixed file: its code, a blank line, and the helper.</summary>
    public static string WithAppendedHelper(string fixedSource, string prefix = CdkFixOptions.DefaultSsmParameterPrefix, params string[] importedNamespaces)
    {
        var helper = HelperWithPrefix(prefix);
        foreach (var importedNamespace in importedNamespaces)
        {
            helper = helper.Replace(importedNamespace + ".", string.Empty, System.StringComparison.Ordinal);
        }

        return fixedSource + "\n\n" + helper;
    }

    /// <summary>A fixed file whose block namespace gets the helper, indented, before its closing brace.</summary>
    public static string WithHelperInBlockNamespace(string fixedSource, string prefix = CdkFixOptions.DefaultSsmParameterPrefix)
    {
        var indented = string.Join("\n", HelperWithPrefix(prefix).TrimEnd('\n').Split('\n').Select(line => line.Length == 0 ? line : "    " + line));
        var close = fixedSource.LastIndexOf('}');
        return fixedSource[..close].TrimEnd('\n') + "\n\n" + indented + "\n}" + fixedSource[(close + 1)..];
    }

    /// <summary>A helper that a project already has, in its own file.</summary>
    public static string HelperFile(string namespaceName)
        => "using Amazon.CDK;\nusing Constructs;\n\nnamespace " + namespaceName + ";\n\n" + AppendedHelper;

    /// <summary>The helper the product writes after a type of a file-scoped namespace, as a fix leaves it.</summary>
    public static async Task<string> RenderAsync(string prefix)
    {
        var source = "using Amazon.CDK;\nusing Constructs;\n\nnamespace Rendering;\n\n" + AnchorType;
        using var workspace = new WorkspaceFixer(source);
        var document = workspace.Project.Documents.Single();
        var root = (CompilationUnitSyntax)(await document.GetSyntaxRootAsync())!;
        var anchor = root.DescendantNodes().OfType<ClassDeclarationSyntax>().Single();
        var written = await DocumentCleanup.CleanUpAsync(document.WithSyntaxRoot(CrossStackParametersHelper.AddTo(root, anchor, prefix)), default);
        var text = (await written.GetTextAsync()).ToString().Replace("\r\n", "\n", System.StringComparison.Ordinal);
        var helperStart = text.IndexOf(AnchorType, System.StringComparison.Ordinal) + AnchorType.Length;
        return text[helperStart..].TrimStart('\n');
    }

    private static string HelperWithPrefix(string prefix)
        => AppendedHelper.Replace("\"" + CdkFixOptions.DefaultSsmParameterPrefix + "\"", "\"" + prefix + "\"", System.StringComparison.Ordinal);
}
