using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.EndToEnd;

/// <summary>The package as users install it: packed, restored from a local folder feed, loaded by the SDK's compiler.</summary>
[Collection(EndToEndTestGroup.Name)]
public class PackageTests
{
    [Fact]
    public async Task PackedPackage_WarnsInTheSampleApp_InTheBuildOutputAndTheSarifLog()
    {
        var version = "0.0.0-test." + Guid.NewGuid().ToString("N")[..12];
        var feed = Directory.CreateTempSubdirectory("isol8-feed-").FullName;
        var pack = await DotnetCli.RunAsync(DotnetCli.RepositoryRoot, "dotnet", new[] { "pack", "Isol8.CdkAnalyzers.Package", "-p:PackageVersion=" + version, "-o", feed });
        Assert.True(pack.ExitCode == 0, pack.Output);

        var package = Path.Combine(feed, "Isol8.CdkAnalyzers." + version + ".nupkg");
        AssertPackageLayout(package, version);

        var samples = DotnetCli.CopySamples();
        var app = Path.Combine(samples, "IncidentApp");
        File.WriteAllText(Path.Combine(samples, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="isol8-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var sarif = Path.Combine(app, "build.sarif");
        var build = await DotnetCli.RunAsync(app, "dotnet", new[] { "build", "-p:Isol8AnalyzersVersion=" + version, "-p:ErrorLog=" + sarif + "%2Cversion=2.1" });
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Contains("ServiceStack.cs(28,52): warning ICDK001", build.Output);
        Assert.DoesNotContain("AD0001", build.Output);
        Assert.DoesNotContain("CS8032", build.Output);

        var results = JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray();
        var result = Assert.Single(results, r => r!["ruleId"]!.ToString() == DiagnosticIds.CrossStackVolatileReference);
        var location = result!["locations"]![0]!["physicalLocation"]!;
        Assert.EndsWith("ServiceStack.cs", location["artifactLocation"]!["uri"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(28, (int)location["region"]!["startLine"]!);
        Assert.Equal(52, (int)location["region"]!["startColumn"]!);
    }

    private static void AssertPackageLayout(string package, string version)
    {
        using var archive = ZipFile.OpenRead(package);
        var files = archive.Entries.Select(e => e.FullName).Where(name => !name.StartsWith("package/", StringComparison.Ordinal) && !name.StartsWith("_rels/", StringComparison.Ordinal) && name != "[Content_Types].xml").OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { "Isol8.CdkAnalyzers.nuspec", "README.md", "analyzers/dotnet/cs/Isol8.CdkAnalyzers.CodeFixes.dll", "analyzers/dotnet/cs/Isol8.CdkAnalyzers.dll" },
            files);

        using var nuspec = new StreamReader(archive.GetEntry("Isol8.CdkAnalyzers.nuspec")!.Open());
        var text = nuspec.ReadToEnd();
        Assert.Contains("<version>" + version + "</version>", text, StringComparison.Ordinal);
        Assert.Contains("<developmentDependency>true</developmentDependency>", text, StringComparison.Ordinal);
        Assert.Contains("<license type=\"expression\">", text, StringComparison.Ordinal);
        Assert.Contains("<readme>README.md</readme>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<dependencies>", text, StringComparison.Ordinal);
    }
}
