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
            model.Relays.MayRelay("ApiArn", settings.Catalogue, CancellationToken.None);
            Report("Relays.MayRelay (the relay names)", clock);
            var familyTokens = 0;
            foreach (var tree in trees)
            {
                familyTokens += model.Text.AssignedTokensNamed(tree.GetRoot(), KnownCdkNames.Family, CancellationToken.None).Count();
            }

            Report("AssignedTokensNamed(Family) over every tree (" + familyTokens + ")", clock);
            model.DeclaredFamilies.All(CancellationToken.None);
            Report("DeclaredFamilies.All", clock);
            model.DeclaredFamilies.ConstantNames(CancellationToken.None);
            Report("DeclaredFamilies.ConstantNames", clock);
            Console.WriteLine();
        }
    }

    /// <summary>
    /// The per-site prefilters ICDK001 runs on every argument, initializer value and member read, timed alone
    /// (<c>--probe-sites</c>); the fastest of several rounds, which a busy machine disturbs least.
    /// </summary>
    public static void RunSites(int stacks)
    {
        var trees = AnalyzerCostMeter.Parse(SyntheticCdkApp.Files(stacks));
        var compilation = AnalyzerCostMeter.Compile(trees);
        var values = trees.SelectMany(t => t.GetRoot().DescendantNodes())
            .SelectMany(n => n switch
            {
                ArgumentSyntax argument => new[] { argument.Expression },
                InitializerExpressionSyntax initializer => initializer.Expressions.Select(e => e is AssignmentExpressionSyntax a ? a.Right : e),
                _ => Enumerable.Empty<ExpressionSyntax>(),
            })
            .Where(v => CdkSyntax.WalkDownParenthesesAndCasts(v) is IdentifierNameSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or ConditionalAccessExpressionSyntax)
            .ToList();
        var reads = trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>()).ToList();

        // A fresh model per round, its fixed costs paid before the clock starts: a compilation's pass meets every
        // site once, so the per-site caches start empty (a model reused across rounds would time cache hits).
        (CdkModel Model, Isol8.CdkAnalyzers.Options.CdkSettings Settings) Fresh()
        {
            var model = CdkModel.CreateUnshared(compilation)!;
            var settings = model.SettingsFor(new AnalyzerOptions(System.Collections.Immutable.ImmutableArray<AdditionalText>.Empty), trees[0]);
            model.VolatileConstructNames.MightHold(values[0], CancellationToken.None);
            settings.Catalogue.ReceiverNames.MightHold(values[0], CancellationToken.None);
            return (model, settings);
        }

        Time("The bare ancestor walk to the enclosing type from each hand-over value (the floor)", Fresh, f => values.Count(v => AncestorsToType(v) > 0));
        Time("VolatileConstructNames.MightHold on " + values.Count + " hand-over values", Fresh, f => values.Count(v => f.Model.VolatileConstructNames.MightHold(v, CancellationToken.None)));
        Time("Scope.IsSameScopeUse on the values MightHold keeps", Fresh, f => values.Count(v => f.Model.VolatileConstructNames.MightHold(v, CancellationToken.None) && f.Model.Scope.IsSameScopeUse(v, v)));
        Time("MayBeVolatile on " + reads.Count + " member reads", Fresh, f => reads.Count(r => f.Settings.Catalogue.MayBeVolatile(r.Name.Identifier.ValueText)));
        Time("ReceiverNames.MightHold on the reads MayBeVolatile keeps", Fresh, f => reads.Count(r => f.Settings.Catalogue.MayBeVolatile(r.Name.Identifier.ValueText) && f.Settings.Catalogue.ReceiverNames.MightHold(r.Expression, CancellationToken.None)));
    }

    private static int AncestorsToType(SyntaxNode node)
    {
        var count = 0;
        for (var ancestor = node.Parent; ancestor is not null && ancestor is not TypeDeclarationSyntax; ancestor = ancestor.Parent)
        {
            count++;
        }

        return count;
    }

    private static void Time<T>(string what, Func<T> prepare, Func<T, int> work)
    {
        var best = double.MaxValue;
        var kept = 0;
        var allocated = 0L;
        for (var round = 0; round < int.Parse(Environment.GetEnvironmentVariable("PROBE_ROUNDS") ?? "7", System.Globalization.CultureInfo.InvariantCulture); round++)
        {
            var prepared = prepare();
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            kept = work(prepared);
            best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        }


        Console.WriteLine($"{what}: {best:F2} ms (fastest of 7, a fresh model each), {kept} kept, {allocated / 1024.0:F0} KB allocated");
    }

    private static void Report(string what, Stopwatch clock)
    {
        Console.WriteLine($"{what}: {clock.Elapsed.TotalMilliseconds:F1} ms");
        clock.Restart();
    }
}
