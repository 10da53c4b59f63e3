using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Benchmarks;
using Isol8.CdkAnalyzers.Options;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit.Abstractions;

namespace Isol8.CdkAnalyzers.Tests.Robustness;

/// <summary>
/// The analyzers never fail a build or an editor: on half-typed code (every token prefix, sampled with a fixed
/// seed), on code with a token missing, with hostile options, under concurrency, under cancellation, and on deep,
/// long or self-referential code. No analyzer exception (AD0001), and the same diagnostics every time.
/// </summary>
public class AnalyzerRobustnessTests
{
    private const int Seed = 20261127;
    private const int PrefixesPerInput = 6;
    private const int DeletionsPerInput = 3;

    private static readonly CodeFixProvider[] Fixers =
    {
        new CrossStackVolatileReferenceFixer(),
        new TaskDefinitionInterfaceMemberFixer(),
        new UnpinnedFamilyReferenceFixer(),
        new DriftedFamilyLiteralFixer(),
        new VolatileExportFixer(),
    };

    private readonly ITestOutputHelper _output;

    public AnalyzerRobustnessTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task TypedOneTokenAtATime_AndWithATokenMissing_NoExceptionAndDeterministic()
    {
        var random = new Random(Seed);
        int inputs = 0, prefixes = 0, deletions = 0;
        var failures = new List<string>();
        foreach (var (name, source) in RobustnessCorpus.Inputs)
        {
            inputs++;
            var tokens = CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions).GetRoot().DescendantTokens().ToArray();
            var variants = new List<(string Kind, string Text)>();
            foreach (var cut in Sample(random, tokens.Length, PrefixesPerInput))
            {
                variants.Add(("prefix", source[..tokens[cut].Span.End]));
            }

            foreach (var removed in Sample(random, tokens.Length, DeletionsPerInput))
            {
                variants.Add(("deletion", source.Remove(tokens[removed].SpanStart, tokens[removed].Span.Length)));
            }

            foreach (var (kind, text) in variants)
            {
                var first = await AnalyzerHarness.RunAsync(AnalyzerHarness.Compile(text));
                var second = await AnalyzerHarness.RunAsync(AnalyzerHarness.Compile(text));
                prefixes += kind == "prefix" ? 1 : 0;
                deletions += kind == "deletion" ? 1 : 0;
                if (!first.Exceptions.IsEmpty || !second.Exceptions.IsEmpty)
                {
                    failures.Add(name + " (" + kind + "): " + string.Join("; ", first.Exceptions.Concat(second.Exceptions)));
                }
                else if (!first.Diagnostics.SequenceEqual(second.Diagnostics))
                {
                    failures.Add(name + " (" + kind + "): diagnostics differ between two runs");
                }
            }
        }

        _output.WriteLine($"{inputs} inputs, {prefixes} prefixes, {deletions} single-token deletions analyzed twice each");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(inputs >= 80, "The corpus lost its inputs: " + inputs);
    }

    [Fact]
    public async Task EveryFixOnEveryDiagnostic_NeverThrows_AndLeavesCodeThatParses()
    {
        var random = new Random(Seed);
        int diagnostics = 0, fixes = 0;
        var failures = new List<string>();
        foreach (var (name, source) in RobustnessCorpus.Inputs)
        {
            var tokens = CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions).GetRoot().DescendantTokens().ToArray();
            var variants = new List<string> { source };
            variants.AddRange(Sample(random, tokens.Length, 2).Select(cut => source[..tokens[cut].Span.End]));
            foreach (var variant in variants)
            {
                using var workspace = new WorkspaceFixer(AnalyzerHarness.Compile(variant).Options.OutputKind, variant, AnalyzerHarness.SupportFor(variant));
                var compilation = await workspace.CompilationAsync();
                var all = (await TestCompilation.AnalyzeAsync(compilation))
                    .Where(d => d.Id.StartsWith("ICDK", StringComparison.Ordinal) || d.Id == "CS1061")
                    .Where(d => d.Location.IsInSource)
                    .ToList();
                foreach (var diagnostic in all)
                {
                    diagnostics++;
                    var document = workspace.Solution.GetDocument(diagnostic.Location.SourceTree)!;
                    var parseErrorsBefore = ParseErrors(diagnostic.Location.SourceTree!);
                    foreach (var fixer in Fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                    {
                        var actions = new List<CodeAction>();
                        try
                        {
                            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                            foreach (var action in actions)
                            {
                                fixes++;
                                foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
                                {
                                    if (operation is ApplyChangesOperation apply)
                                    {
                                        foreach (var changed in apply.ChangedSolution.Projects.SelectMany(p => p.Documents))
                                        {
                                            var tree = await changed.GetSyntaxTreeAsync();
                                            if (ParseErrors(tree!) > (changed.Id == document.Id ? parseErrorsBefore : 0))
                                            {
                                                failures.Add(name + ": " + action.Title + " left a document that does not parse");
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        catch (Exception exception) when (exception is not OperationCanceledException)
                        {
                            failures.Add(name + ": " + fixer.GetType().Name + " threw " + exception);
                        }
                    }
                }
            }
        }

        _output.WriteLine($"{diagnostics} diagnostics, {fixes} code actions applied");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Distinct()));
        Assert.True(fixes > 20, "Too few fixes were exercised: " + fixes);
    }

    [Fact]
    public async Task EmptyMalformedHugeAndHostileOptions_NeverThrow()
    {
        var hostile = new[]
        {
            string.Empty,
            " ",
            ",,,;;;",
            "P:",
            "M:System.Object.ToString()",
            "Amazon.CDK.AWS.ECS.ITaskDefinition.TaskDefinitionArn, Amazon.CDK.AWS.ECS.ITaskDefinition.TaskDefinitionArn",
            "..\\..\\etc\\passwd",
            "/",
            "//",
            "/ok/../../",
            "\u0000\u0001\u202E",
            "Ünïcödé.Typé.Mémber",
            "(.*)+$",
            new string('x', 70_000),
            string.Join(",", Enumerable.Range(0, 5_000).Select(i => "Ns" + i + ".Type.Member")),
            "/" + new string('a', 600),
        };
        var compilation = AnalyzerHarness.Compile(CdkSources.Usings + RobustnessCorpus.Inputs.First(i => i.Name == "OddCode.Library").Source);
        var optionNames = new[] { OptionNames.VolatileMembers, OptionNames.IgnoredVolatileMembers, OptionNames.TaskDefinitionKeyPatterns, OptionNames.SsmParameterPrefix };
        var runs = 0;
        foreach (var optionName in optionNames)
        {
            foreach (var value in hostile)
            {
                var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(new Dictionary<string, string> { [optionName] = value }));
                var result = await AnalyzerHarness.RunAsync(compilation, options);
                runs++;
                Assert.True(result.Exceptions.IsEmpty, optionName + " = " + value[..Math.Min(40, value.Length)] + ": " + string.Join("\n", result.Exceptions));
            }
        }

        var malformed = await AnalyzerHarness.RunAsync(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(new Dictionary<string, string> { [OptionNames.SsmParameterPrefix] = "/" + new string('a', 600) })));
        Assert.Contains(malformed.Diagnostics, d => d.StartsWith(DiagnosticIds.MalformedOption, StringComparison.Ordinal));
        _output.WriteLine($"{runs} option values analyzed");
    }

    [Fact]
    public async Task ManyCompilationsInParallel_OnSharedAnalyzerInstances_MatchOneAtATime()
    {
        var compilations = RobustnessCorpus.Inputs.Take(24).Select(input => AnalyzerHarness.Compile(input.Source)).ToArray();
        var sequential = new List<ImmutableArray<string>>();
        foreach (var compilation in compilations)
        {
            sequential.Add((await AnalyzerHarness.RunAsync(compilation)).Diagnostics);
        }

        var parallel = await Task.WhenAll(compilations.Select(compilation => Task.Run(() => AnalyzerHarness.RunAsync(compilation))));
        for (var i = 0; i < compilations.Length; i++)
        {
            Assert.Empty(parallel[i].Exceptions);
            Assert.True(sequential[i].SequenceEqual(parallel[i].Diagnostics), RobustnessCorpus.Inputs[i].Name + "\nsequential:\n" + string.Join("\n", sequential[i]) + "\nparallel:\n" + string.Join("\n", parallel[i].Diagnostics));
        }
    }

    [Fact]
    public async Task CancelledAnalysis_EndsPromptly_WithOperationCanceledException()
    {
        var trees = SyntheticCdkApp.Files(400).Select((text, i) => CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path: "/app/Module" + i + ".cs"));
        var compilation = CSharpCompilation.Create("Large", trees, TestReferences.WithCdk, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        // Cancelled well before a 400-stack app can be compiled and analyzed (hundreds of milliseconds even on a quiet
        // machine): with 300 ms the faster analysis of today sometimes finished first and the test had nothing to cancel.
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(20));
        var clock = Stopwatch.StartNew();
        var exception = await Record.ExceptionAsync(() => AnalyzerHarness.RunAsync(compilation, cancellationToken: cancellation.Token));
        clock.Stop();
        Assert.IsAssignableFrom<OperationCanceledException>(exception);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "Cancellation took " + clock.Elapsed);
    }

    [Fact]
    public async Task DeepChainsLongFilesAndSelfReference_Terminate()
    {
        var deepConcatenation = string.Join(" + ", Enumerable.Repeat("TaskDef.TaskDefinitionArn", 1_500));
        var deepConditional = string.Concat(Enumerable.Repeat("flag ? TaskDef : (", 300)) + "TaskDef" + new string(')', 300);
        var longChain = new StringBuilder("Next");
        for (var i = 0; i < 400; i++)
        {
            longChain.Append(".Next");
        }

        var source = CdkSources.Usings + $$"""
            public class ChainStack : Stack
            {
                public ChainStack(Construct scope, string id, ChainStack? previous, bool flag) : base(scope, id)
                {
                    Next = previous ?? this;
                    TaskDef = new FargateTaskDefinition(this, "TaskDef");
                    new CfnOutput(this, "Deep", new CfnOutputProps { Value = {{deepConcatenation}} });
                    ITaskDefinition chosen = {{deepConditional}};
                    new CfnOutput(this, "Chain", new CfnOutputProps { Value = {{longChain}}.TaskDef.TaskDefinitionArn + chosen.TaskDefinitionArn });
                }

                public ChainStack Next { get; set; }

                public FargateTaskDefinition TaskDef { get; }
            }
            """;
        var result = await AnalyzerHarness.RunAsync(AnalyzerHarness.Compile(source));
        Assert.Empty(result.Exceptions);

        var files = SyntheticCdkApp.Files(200);
        var longFile = string.Join("\n", files.Select((file, i) => file.Replace("namespace Synthetic.App", "namespace Synthetic.App" + i, StringComparison.Ordinal)));
        var longResult = await AnalyzerHarness.RunAsync(AnalyzerHarness.Compile(longFile));
        Assert.Empty(longResult.Exceptions);
    }

    private static int ParseErrors(SyntaxTree tree) => tree.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);

    private static IEnumerable<int> Sample(Random random, int count, int wanted)
        => count == 0 ? Enumerable.Empty<int>() : Enumerable.Range(0, wanted).Select(_ => random.Next(count)).Distinct().Order();
}
