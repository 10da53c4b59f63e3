using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>Every rule has an id of its own, a help link to its page, a page with the fixed sections, a README row and a release entry.</summary>
public class RuleCatalogTests
{
    private static readonly DiagnosticDescriptor[] AllDescriptors = TestCompilation.AllAnalyzers
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToArray();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!))
        {
            data.Add(id);
        }

        return data;
    }

    [Fact]
    public void EveryDeclaredId_IsReportedByExactlyOneAnalyzer()
    {
        var declared = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!).OrderBy(id => id, StringComparer.Ordinal).ToArray();
        Assert.Equal(declared, AllDescriptors.Select(d => d.Id).ToArray());
        Assert.All(declared, id => Assert.Matches(new Regex("^ICDK[0-9]{3}$"), id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void HelpLink_PointsAtThePageOfTheRule_InTheRepositoryOfTheBuild(string id)
    {
        var descriptor = AllDescriptors.Single(d => d.Id == id);
        Assert.Equal(RepositoryUrl() + "/blob/main/docs/rules/" + id + ".md", descriptor.HelpLinkUri);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePage_HasTheFixedSections(string id)
    {
        var page = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "docs", "rules", id + ".md"));
        var title = AllDescriptors.Single(d => d.Id == id).Title.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("# " + id + ": " + title + "\n", page, StringComparison.Ordinal);
        foreach (var section in new[] { "## What it finds", "## Why it matters", "## When to suppress it", "## Related rules" })
        {
            Assert.Contains(section, page, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void ReadmeRulesTable_AndReleaseTracking_ListTheRule(string id)
    {
        var descriptor = AllDescriptors.Single(d => d.Id == id);
        var readme = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "README.md"));
        Assert.Contains("| [" + id + "](docs/rules/" + id + ".md) | " + descriptor.DefaultSeverity + " | " + descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture) + " |", readme, StringComparison.Ordinal);

        var releases = File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "Isol8.CdkAnalyzers", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(DotnetCli.RepositoryRoot, "Isol8.CdkAnalyzers", "AnalyzerReleases.Shipped.md"));
        Assert.Contains(id + " | " + descriptor.Category + " | " + descriptor.DefaultSeverity + " |", releases, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzerAssembly_ReferencesOnlyTheCompilerLayerOfRoslyn48_AndNoCdk()
    {
        var references = typeof(DiagnosticIds).Assembly.GetReferencedAssemblies();
        Assert.DoesNotContain(references, r => r.Name!.StartsWith("Amazon", StringComparison.Ordinal) || r.Name == "Constructs");
        Assert.DoesNotContain(references, r => r.Name!.Contains("Workspaces", StringComparison.Ordinal));
        Assert.Equal(new Version(4, 8, 0, 0), references.Single(r => r.Name == "Microsoft.CodeAnalysis").Version);
        Assert.Equal(new Version(4, 8, 0, 0), typeof(Isol8.CdkAnalyzers.CodeFixes.Rules.CrossStackVolatileReferenceFixer).Assembly.GetReferencedAssemblies().Single(r => r.Name == "Microsoft.CodeAnalysis.Workspaces").Version);
    }

    private static string RepositoryUrl()
        => XDocument.Load(Path.Combine(DotnetCli.RepositoryRoot, "Directory.Build.props")).Descendants("RepositoryUrl").Single().Value.TrimEnd('/');
}
