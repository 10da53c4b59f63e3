using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Benchmarks;

/// <summary>Times the per-compilation pieces of the model one by one (<c>--probe</c>), to see where fixed costs go.</summary>
internal static class Probe
{
    public static void Run(int stacks)
    {
        var trees = AnalyzerCostMeter.Parse(SyntheticCdkApp.Files(stacks));
        for (var round = 0; round < 6; round++)
        {
            var compilation = AnalyzerCostMeter.Compile(trees);
            _ = compilation.SourceModule.ReferencedAssemblySymbols;
            var clock = Stopwatch.StartNew();
            var model = CdkModel.CreateUnshared(compilation)!;
            Report("CdkModel.CreateUnshared", clock);
            var settings = model.SettingsFor(new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), trees[0]);
            Report("SettingsFor", clock);
            model.Declarations.Get(CancellationToken.None);
            Report("SourceDeclarations", clock);
            var probe = SyntaxFactory.ParseExpression("x.TaskDef");
            model.VolatileConstructNames.MightHold(probe, CancellationToken.None);
            Report("VolatileConstructNames", clock);
            settings.Catalogue.ReceiverNames.MightHold(probe, CancellationToken.None);
            Report("Catalogue.ReceiverNames", clock);
            var familyTokens = 0;
            foreach (var tree in trees)
            {
                familyTokens += CdkSyntax.TokensNamed(tree.GetRoot(), KnownCdkNames.Family, CancellationToken.None).Count();
            }

            Report("TokensNamed(Family) over every tree (" + familyTokens + ")", clock);
            model.DeclaredFamilies.All(CancellationToken.None);
            Report("DeclaredFamilies.All", clock);
            model.DeclaredFamilies.ConstantNames(CancellationToken.None);
            Report("DeclaredFamilies.ConstantNames", clock);
            Console.WriteLine();
        }
    }

    private static void Report(string what, Stopwatch clock)
    {
        Console.WriteLine($"{what}: {clock.Elapsed.TotalMilliseconds:F1} ms");
        clock.Restart();
    }
}
