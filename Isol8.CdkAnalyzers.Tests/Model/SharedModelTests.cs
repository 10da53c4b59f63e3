using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Options;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>One CDK model per compilation, shared by every rule and fix, dropped with the compilation.</summary>
public class SharedModelTests
{
    private const string Source = CdkSources.Usings + "public class AppStack : Stack { public AppStack(Construct scope) : base(scope, \"App\") { } }";

    [Fact]
    public void OneCompilation_OneModel_AndNoneWithoutCdk()
    {
        var compilation = TestCompilation.Create(Source);
        Assert.Same(CdkModel.For(compilation), CdkModel.For(compilation));
        Assert.NotSame(CdkModel.For(compilation), CdkModel.For(TestCompilation.Create(Source)));

        var plain = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Plain", references: TestReferences.Net80);
        Assert.Null(CdkModel.For(plain));
    }

    /// <summary>
    /// The model is created from the references' names alone; its CDK types are looked up when a rule first needs one.
    /// A reference named like CDK that is not it gives a model in which nothing is a CDK type: every rule stays silent.
    /// </summary>
    [Fact]
    public async Task AReferenceNamedLikeCdkThatIsNotCdk_GivesAModelWithoutCdkTypes_AndNothingIsReported()
    {
        var lookalike = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Amazon.CDK.Lookalike",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Amazon.CDK { public class Stack { public string TaskDefinitionArn => \"arn\"; } }") },
            TestReferences.Net80,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        Assert.True(lookalike.Emit(image).Success);
        var reference = MetadataReference.CreateFromImage(image.ToArray(), filePath: "/lib/Amazon.CDK.Lookalike.dll");
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "App",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("class Use { string M(Amazon.CDK.Stack other) => other.TaskDefinitionArn; }", TestCompilation.ParseOptions) },
            TestReferences.Net80.Add(reference),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var model = CdkModel.For(compilation);
        Assert.NotNull(model);
        Assert.Null(model!.Types.IConstruct);
        Assert.Null(model.Types.ITaskDefinition);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        Assert.Empty(diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden));
    }

    [Fact]
    public void TheModel_IsCollectedWithItsCompilation()
    {
        var model = ModelOfADroppedCompilation();
        for (var i = 0; i < 5 && model.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }

        Assert.False(model.IsAlive);
    }

    /// <summary>An .editorconfig edit keeps the compilation and changes the options: the rules see the new values.</summary>
    [Fact]
    public async Task SameCompilation_NewOptions_NewSettings()
    {
        var compilation = TestCompilation.Create(Source);
        var first = await AnalyzeWithPrefixAsync(compilation, "no-leading-slash");
        var second = await AnalyzeWithPrefixAsync(compilation, "/valid");
        Assert.Equal(new[] { DiagnosticIds.MalformedOption }, first);
        Assert.Empty(second);
    }

    private static async Task<IEnumerable<string>> AnalyzeWithPrefixAsync(Compilation compilation, string prefix)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(new Dictionary<string, string> { [OptionNames.SsmParameterPrefix] = prefix }));
        return (await TestCompilation.AnalyzeAsync(compilation, options: options)).Where(d => d.Id.StartsWith("ICDK", StringComparison.Ordinal)).Select(d => d.Id);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference ModelOfADroppedCompilation()
        => new(CdkModel.For(TestCompilation.Create(Source)));

    /// <summary>
    /// Method summaries and member owners are cached in the shared model: the answers do not depend on which rule asked
    /// first, on a model warmed by another analysis, or on concurrency.
    /// </summary>
    [Fact]
    public async Task Findings_DoNotDependOnWhichRuleAskedFirst()
    {
        var source = CdkSources.Usings + """
            public static class Factory
            {
                public static FargateTaskDefinition Worker(Construct scope, string id) => Chain(scope, id);

                private static FargateTaskDefinition Chain(Construct scope, string id) => new FargateTaskDefinition(scope, id);
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    Worker = Factory.Worker(this, "Worker");
                    ExportValue(Worker.TaskDefinitionArn);
                }

                public FargateTaskDefinition Worker { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = platform.Worker.TaskDefinitionArn });
                }
            }
            """;
        static string Describe(IEnumerable<Diagnostic> diagnostics)
            => string.Join("\n", diagnostics.Where(d => d.Id.StartsWith("ICDK", StringComparison.Ordinal)).Select(d => d.Id + " " + d.Location.SourceSpan).Order());

        var fresh = Describe(await TestCompilation.AnalyzeAsync(TestCompilation.Create(source)));
        Assert.Contains(DiagnosticIds.CrossStackVolatileReference, fresh, StringComparison.Ordinal);

        var warmed = TestCompilation.Create(source);
        var others = TestCompilation.AllAnalyzers.Where(a => !a.SupportedDiagnostics.Any(d => d.Id == DiagnosticIds.CrossStackVolatileReference)).ToImmutableArray();
        await TestCompilation.AnalyzeAsync(warmed, others);
        Assert.Equal(fresh, Describe(await TestCompilation.AnalyzeAsync(warmed)));

        var reversed = TestCompilation.AllAnalyzers.Reverse().ToImmutableArray();
        Assert.Equal(fresh, Describe(await TestCompilation.AnalyzeAsync(TestCompilation.Create(source), reversed)));
    }

    /// <summary>ICDK005 and ICDK007 read one classification of each named export from the shared model.</summary>
    [Fact]
    public void NamedExports_AreClassifiedOnce_ForBothRules()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ExportValue(taskDef.TaskDefinitionArn, new ExportValueOptions { Name = "arn" });
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = taskDef.Family, ExportName = "family" });
                }
            }
            """);
        var tree = compilation.SyntaxTrees.Single();
        var semanticModel = compilation.GetSemanticModel(tree);
        var model = CdkModel.CreateUnshared(compilation)!;
        var catalogue = model.SettingsFor(TestOptionsProvider.Empty.GlobalOptions).Catalogue;
        var sites = tree.GetRoot().DescendantNodes().Where(ExportSites.MightExport).ToList();

        var first = sites.Select(site => ExportSites.VolatileExportAt(site, semanticModel, model, catalogue, default)).ToList();
        var again = sites.Select(site => ExportSites.VolatileExportAt(site, semanticModel, model, catalogue, default)).ToList();

        Assert.Equal(2, sites.Count);
        Assert.Equal("TaskDefinitionArn", first[0]!.Member.Name);
        Assert.False(first[0]!.HasReplacementParameter);
        Assert.Null(first[1]);
        Assert.Same(first[0], again[0]);
        Assert.Equal(2, model.VolatileExports.Count);
    }
}

