using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Yardsticks;

namespace Isol8.CdkAnalyzers.Benchmarks;

/// <summary>
/// The budget as a user meets it (<c>--build</c>): the synthetic app written out as a project and built by
/// <c>dotnet build</c> with the package and the yardsticks as analyzers, <c>-p:ReportAnalyzer=true</c>. csc reports
/// each analyzer's execution time (<c>/reportanalyzer</c>) and MSBuild the <c>CoreCompile</c> target's duration, in
/// the same run. The SDK's own analyzers stay on, as in any project.
/// </summary>
internal static partial class BuildMeter
{
    public static BuildFigures Measure(int stacks, int runs)
    {
        var directory = Path.Combine(Path.GetTempPath(), "isol8-cdk-build-benchmark-" + stacks.ToString(CultureInfo.InvariantCulture));
        WriteProject(directory, SyntheticCdkApp.Files(stacks));
        Run(directory, "restore", "-v:q");

        var measured = new List<BuildFigures>();
        for (var run = 0; run <= runs; run++)
        {
            // --no-incremental: CoreCompile runs every time. The first build warms the compiler server up and is not counted.
            var output = Run(directory, "build", "--no-restore", "--no-incremental", "-c", "Release", "-v:d", "-clp:PerformanceSummary");
            if (run > 0)
            {
                measured.Add(Parse(output));
            }
        }

        return new BuildFigures(
            Median(measured.Select(m => m.CoreCompile)),
            Median(measured.Select(m => m.Package)),
            Median(measured.Select(m => m.MemberAccessYardstick)),
            Median(measured.Select(m => m.EmptyCallbacksYardstick)));
    }

    private static void WriteProject(string directory, IReadOnlyList<string> files)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var cdk = typeof(Amazon.CDK.Stack).Assembly.GetName().Version!;
        File.WriteAllText(Path.Combine(directory, "SyntheticApp.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
                <ReportAnalyzer>true</ReportAnalyzer>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Amazon.CDK.Lib" Version="{cdk.Major}.{cdk.Minor}.{cdk.Build}" />
              </ItemGroup>
              <ItemGroup>
                <Analyzer Include="{typeof(CrossStackVolatileReferenceAnalyzer).Assembly.Location}" />
                <Analyzer Include="{typeof(MemberAccessReferenceAnalyzer).Assembly.Location}" />
              </ItemGroup>
            </Project>
            """);
        for (var i = 0; i < files.Count; i++)
        {
            File.WriteAllText(Path.Combine(directory, "File" + i.ToString(CultureInfo.InvariantCulture) + ".cs"), files[i]);
        }
    }

    private static BuildFigures Parse(string output)
    {
        var coreCompile = CoreCompileLine().Matches(output).Select(m => double.Parse(m.Groups["ms"].Value, CultureInfo.InvariantCulture)).LastOrDefault();
        return new BuildFigures(
            coreCompile,
            Seconds(output, "Isol8.CdkAnalyzers, Version=") * 1000,
            Seconds(output, "Isol8.CdkAnalyzers.Yardsticks." + nameof(MemberAccessReferenceAnalyzer) + " ") * 1000,
            Seconds(output, "Isol8.CdkAnalyzers.Yardsticks." + nameof(EmptyCallbacksReferenceAnalyzer) + " ") * 1000);
    }

    /// <summary>The seconds on csc's report line that names <paramref name="what"/>; "&lt;0.001" counts as half a millisecond.</summary>
    private static double Seconds(string output, string what)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.Contains(what, StringComparison.Ordinal))
            ?? throw new InvalidOperationException("csc did not report " + what.Trim() + " (is ReportAnalyzer on?)");
        var first = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return first == "<0.001" ? 0.0005 : double.Parse(first, CultureInfo.InvariantCulture);
    }

    private static string Run(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet " + string.Join(' ', arguments) + " failed:\n" + output.Result + error.Result);
        }

        return output.Result;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    [GeneratedRegex(@"(?<ms>\d+) ms\s+CoreCompile\s+\d+ calls")]
    private static partial Regex CoreCompileLine();
}

/// <summary>Milliseconds of one build: the CoreCompile target, and the analyzers' execution times as csc reports them.</summary>
internal readonly record struct BuildFigures(double CoreCompile, double Package, double MemberAccessYardstick, double EmptyCallbacksYardstick)
{
    public double PackageShare => Package / CoreCompile;

    public double YardstickShare => MemberAccessYardstick / CoreCompile;
}
