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

        await AssertFreshConsoleAppWarnsExactlyAtThePatternsAsync(feed, version);

        var results = JsonNode.Parse(File.ReadAllText(sarif))!["runs"]![0]!["results"]!.AsArray();
        var result = Assert.Single(results, r => r!["ruleId"]!.ToString() == DiagnosticIds.CrossStackVolatileReference);
        var location = result!["locations"]![0]!["physicalLocation"]!;
        Assert.EndsWith("ServiceStack.cs", location["artifactLocation"]!["uri"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(28, (int)location["region"]!["startLine"]!);
        Assert.Equal(52, (int)location["region"]!["startColumn"]!);
    }

    /// <summary>A new console app, as `dotnet new console` plus `dotnet add package` leave it: warnings at the flagged lines and nowhere else.</summary>
    private static async Task AssertFreshConsoleAppWarnsExactlyAtThePatternsAsync(string feed, string version)
    {
        var app = Directory.CreateTempSubdirectory("isol8-fresh-app-").FullName;
        File.WriteAllText(Path.Combine(app, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="isol8-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(app, "FreshApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Amazon.CDK.Lib" Version="2.103.0" />
                <PackageReference Include="Isol8.CdkAnalyzers" Version="{version}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(app, "Program.cs"), FreshAppSource);
        var build = await DotnetCli.RunAsync(app, "dotnet", new[] { "build" });
        Assert.True(build.ExitCode == 0, build.Output);

        var warnings = build.Output.Split('\n')
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"Program\.cs\((\d+),\d+\): (?:warning|error) (\w+)"))
            .Where(match => match.Success)
            .Select(match => match.Groups[2].Value + "@" + match.Groups[1].Value)
            .Distinct()
            .OrderBy(w => w, StringComparer.Ordinal)
            .ToList();
        var expected = FreshAppSource.Split('\n')
            .Select((line, index) => (line, index))
            .Where(pair => pair.line.Contains("// expect ", StringComparison.Ordinal))
            .Select(pair => pair.line[(pair.line.IndexOf("// expect ", StringComparison.Ordinal) + 10)..].Trim() + "@" + (pair.index + 1))
            .OrderBy(w => w, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(expected, warnings);
        Assert.DoesNotContain("AD0001", build.Output, StringComparison.Ordinal);
    }

    private const string FreshAppSource = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        var app = new App();
        var container = new ContainerStack(app, "Container");
        var functions = new FunctionStack(app, "Functions");
        new ReaderStack(app, "Reader", container, functions);
        new CfnOutput(container, "OwnArn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
        var other = new Stack(app, "Other");
        new CfnOutput(other, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn }); // expect ICDK001
        app.Synth();

        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "fresh-openclaw" });
                ExportValue(TaskDef.TaskDefinitionArn, new ExportValueOptions { Name = "fresh-arn" }); // expect ICDK005
            }

            public FargateTaskDefinition TaskDef { get; }
        }

        public class FunctionStack : Stack
        {
            public FunctionStack(Construct scope, string id) : base(scope, id)
            {
                Handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
            }

            public Function Handler { get; }
        }

        public class ReaderStack : Stack
        {
            public ReaderStack(Construct scope, string id, ContainerStack container, FunctionStack functions) : base(scope, id)
            {
                var environment = new Dictionary<string, string>
                {
                    ["OPENCLAW_TASK_DEFINITION_ARN"] = container.TaskDef.TaskDefinitionArn, // expect ICDK001
                    ["OPENCLAW_TASK_DEFINITION"] = container.TaskDef.Family, // ICDK003 is Info: the IDE shows it, builds do not print it
                    ["OLD_TASK_DEFINITION"] = "fresh-openclow", // expect ICDK004
                    ["HANDLER_ARN"] = functions.Handler.FunctionArn,
                    ["HANDLER_VERSION_ARN"] = functions.Handler.CurrentVersion.FunctionArn, // expect ICDK001
                    ["PARTNER_TASK_DEFINITION"] = "partner-billing-runner",
                };
                ITaskDefinition asInterface = container.TaskDef;
                new CfnOutput(this, "Family", new CfnOutputProps { Value = container.TaskDef.Family });
                var imported = TaskDefinition.FromTaskDefinitionArn(this, "Imported", "arn:aws:ecs:eu-west-1:123456789012:task-definition/x:1");
                new CfnOutput(this, "ImportedArn", new CfnOutputProps { Value = imported.TaskDefinitionArn });
            }
        }
        """;

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
