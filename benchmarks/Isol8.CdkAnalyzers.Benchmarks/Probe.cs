using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Benchmarks;

internal static class Probe
{
    public static void Run(int stacks)
    {
        var trees = AnalyzerCostMeter.Parse(SyntheticCdkApp.Files(stacks));
        var compilation = AnalyzerCostMeter.Compile(trees);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Console.WriteLine($"{errors.Count} errors; first: {errors.FirstOrDefault()}");
        for (var round = 0; round < 2; round++)
        {
            var model = CdkModel.TryCreate(compilation)!;
            var families = trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>().Where(a => a.Left.ToString() == "Family")).Take(4).ToList();
            foreach (var family in families)
            {
                var watch = Stopwatch.StartNew();
                var folded = model.Families.Fold(family.Right, CancellationToken.None);
                Console.WriteLine($"  Fold {family.Right} -> {folded.Display}: {watch.Elapsed.TotalMilliseconds:F1} ms");
            }

            var scan = Stopwatch.StartNew();
            var count = trees.Sum(t => t.GetRoot().DescendantNodes().Count());
            Console.WriteLine($"DescendantNodes: {count} in {scan.ElapsedMilliseconds} ms");
            scan.Restart();
            var assignments = trees.Sum(t => t.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>().Count(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "Family" }));
            Console.WriteLine($"Family assignments: {assignments} in {scan.ElapsedMilliseconds} ms");
            var clock = Stopwatch.StartNew();
            var all = model.DeclaredFamilies.All(CancellationToken.None);
            Console.WriteLine($"DeclaredFamilies.All: {all.Length} in {clock.ElapsedMilliseconds} ms");
            clock.Restart();
            model.DeclaredFamilies.ConstantNames(CancellationToken.None);
            Console.WriteLine($"ConstantNames: {clock.ElapsedMilliseconds} ms");
            clock.Restart();
            var sites = 0;
            var found = 0;
            foreach (var tree in trees)
            {
                var semanticModel = compilation.GetSemanticModel(tree);
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is AssignmentExpressionSyntax or InvocationExpressionSyntax || node.IsKind(SyntaxKind.ComplexElementInitializerExpression))
                    {
                        sites++;
                        if (FamilyReferences.Find(node, semanticModel, model, Options.CdkSettings.DefaultTaskDefinitionKeyPatterns, CancellationToken.None) is not null)
                        {
                            found++;
                        }
                    }
                }
            }

            Console.WriteLine($"FamilyReferences.Find over {sites} sites ({found} found): {clock.ElapsedMilliseconds} ms");
        }
    }
}
