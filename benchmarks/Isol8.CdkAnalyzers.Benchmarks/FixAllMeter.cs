using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Isol8.CdkAnalyzers.Benchmarks;

/// <summary>Fix All in the solution over every ICDK001 diagnostic of an app, with the recommended (SSM) fix: wall time.</summary>
public static class FixAllMeter
{
    /// <summary>An app of one owner stack and <paramref name="diagnostics"/> consumer stacks, each reading its task definition ARN once.</summary>
    public static IReadOnlyList<string> CrossStackApp(int diagnostics)
    {
        var files = new List<string>
        {
            SyntheticCdkApp.Usings + """
                namespace Synthetic.FixAll;

                public class OwnerStack : Stack
                {
                    public OwnerStack(Construct scope, string id) : base(scope, id)
                    {
                        TaskDef = new FargateTaskDefinition(this, "TaskDef");
                    }

                    public FargateTaskDefinition TaskDef { get; }
                }
                """,
        };
        for (var i = 0; i < diagnostics; i++)
        {
            files.Add(SyntheticCdkApp.Usings + $$"""
                namespace Synthetic.FixAll;

                public class Consumer{{i}}Stack : Stack
                {
                    public Consumer{{i}}Stack(Construct scope, string id, OwnerStack owner) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = owner.TaskDef.TaskDefinitionArn });
                    }
                }
                """);
        }

        return files;
    }

    public static async Task<(int Diagnostics, TimeSpan Time, int Left)> FixAllAsync(IReadOnlyList<string> files)
    {
        using var workspace = new AdhocWorkspace();
        var trees = AnalyzerCostMeter.Parse(files);
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "FixAll", "FixAll", LanguageNames.CSharp,
            compilationOptions: AnalyzerCostMeter.Compile(trees).Options,
            parseOptions: trees[0].Options,
            metadataReferences: AnalyzerCostMeter.Compile(trees).References));
        for (var i = 0; i < files.Count; i++)
        {
            workspace.AddDocument(DocumentInfo.Create(DocumentId.CreateNewId(project.Id), "File" + i + ".cs", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(files[i]), VersionStamp.Default)), filePath: "/app/File" + i + ".cs"));
        }

        var diagnostics = await DiagnosticsAsync(workspace.CurrentSolution.Projects.Single());
        var fixer = new CrossStackVolatileReferenceFixer();
        var clock = Stopwatch.StartNew();
        var first = workspace.CurrentSolution.GetDocument(diagnostics[0].Location.SourceTree)!;
        var context = new FixAllContext(first, fixer, FixAllScope.Solution, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey, fixer.FixableDiagnosticIds, new Provider(diagnostics), CancellationToken.None);
        var action = await fixer.GetFixAllProvider().GetFixAsync(context);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        clock.Stop();

        var left = await DiagnosticsAsync(changed.Projects.Single());
        return (diagnostics.Length, clock.Elapsed, left.Length);
    }

    private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var all = await compilation.WithAnalyzers(AnalyzerCostMeter.PackageAnalyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return all.Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference).ToImmutableArray();
    }

    private sealed class Provider : FixAllContext.DiagnosticProvider
    {
        private readonly ImmutableArray<Diagnostic> _diagnostics;

        public Provider(ImmutableArray<Diagnostic> diagnostics)
        {
            _diagnostics = diagnostics;
        }

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return _diagnostics.Where(d => d.Location.SourceTree?.FilePath == tree!.FilePath);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
