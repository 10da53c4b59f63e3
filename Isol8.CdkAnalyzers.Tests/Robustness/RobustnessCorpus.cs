using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using System.Text.RegularExpressions;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Robustness;

/// <summary>
/// The inputs of the robustness tests: every C# source the other tests use (string literals of the test files,
/// markup removed), the sample app's files, and the odd-but-valid code of <see cref="OddCode"/>.
/// </summary>
internal static partial class RobustnessCorpus
{
    public static IReadOnlyList<(string Name, string Source)> Inputs { get; } = Collect();

    private static List<(string, string)> Collect()
    {
        var inputs = new List<(string, string)>
        {
            ("OddCode.Library", OddCode.Library),
            ("OddCode.Program", OddCode.Program),
        };

        foreach (var file in Directory.EnumerateFiles(Path.Combine(DotnetCli.RepositoryRoot, "samples"), "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!file.Contains("/obj/", StringComparison.Ordinal) && !file.Contains("/bin/", StringComparison.Ordinal))
            {
                inputs.Add(("samples/" + Path.GetFileName(file), File.ReadAllText(file)));
            }
        }

        // The C# sources of the other tests: every string literal in the test files that holds a CDK class or app.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(DotnetCli.RepositoryRoot, "Isol8.CdkAnalyzers.Tests"), "*Tests.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.Contains("/Robustness/", StringComparison.Ordinal))
            {
                continue;
            }

            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            var index = 0;
            foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                if (literal.Token.Value is string text && (text.Contains("class ", StringComparison.Ordinal) || text.Contains("new App(", StringComparison.Ordinal)) && text.Contains("Stack", StringComparison.Ordinal))
                {
                    inputs.Add((Path.GetFileNameWithoutExtension(file) + "#" + index++, Markup().Replace(text, string.Empty)));
                }
            }
        }

        return inputs;
    }

    [GeneratedRegex(@"\{\|(#\d+|[A-Z]+\d+):|\|\}|\[\||\|\]")]
    private static partial Regex Markup();
}
