using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>Applies code fixes the way an IDE user does: through a Roslyn workspace, one diagnostic at a time or with Fix All.</summary>
internal sealed class WorkspaceFixer : IDisposable
{
    private readonly AdhocWorkspace _workspace = new();
    private readonly ProjectId _projectId;

    public WorkspaceFixer(params string[] sources)
        : this(OutputKind.DynamicallyLinkedLibrary, sources)
    {
    }

    public WorkspaceFixer(OutputKind outputKind, params string[] sources)
    {
        var project = _workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Default,
            "TestApp",
            "TestApp",
            LanguageNames.CSharp,
            filePath: "/app/TestApp.csproj",
            compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: TestCompilation.ParseOptions,
            metadataReferences: TestReferences.WithCdk));
        _projectId = project.Id;
        for (var i = 0; i < sources.Length; i++)
        {
            var document = _workspace.AddDocument(DocumentInfo.Create(
                DocumentId.CreateNewId(_projectId),
                "File" + i + ".cs",
                loader: TextLoader.From(TextAndVersion.Create(SourceText.From(sources[i]), VersionStamp.Default)),
                filePath: "/app/File" + i + ".cs"));
            _ = document;
        }
    }

    public Solution Solution => _workspace.CurrentSolution;

    public Project Project => Solution.GetProject(_projectId)!;

    public async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(string id)
    {
        var compilation = await Project.GetCompilationAsync();
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation!);
        return diagnostics.Where(d => d.Id == id).OrderBy(d => d.Location.SourceTree!.FilePath).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> to one diagnostic after another until none is left that it fixes.</summary>
    public async Task<int> FixOneByOneAsync(CodeFixProvider fixer, string id, string equivalenceKey)
    {
        var applied = 0;
        for (var round = 0; round < 50; round++)
        {
            var action = await FirstActionAsync(fixer, id, equivalenceKey);
            if (action is null)
            {
                return applied;
            }

            await ApplyAsync(action);
            applied++;
        }

        throw new InvalidOperationException("The fixes do not converge.");
    }

    /// <summary>Fix All in the solution with the fix of <paramref name="equivalenceKey"/>.</summary>
    public async Task FixAllAsync(CodeFixProvider fixer, string id, string equivalenceKey)
    {
        var diagnostics = await DiagnosticsAsync(id);
        var document = Solution.GetDocument(diagnostics[0].Location.SourceTree)!;
        var provider = new DiagnosticProvider(this, id);
        var context = new FixAllContext(document, fixer, FixAllScope.Solution, equivalenceKey, new[] { id }, provider, CancellationToken.None);
        var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        await ApplyAsync(action!);
    }

    /// <summary>
    /// Fix All the way <c>dotnet format analyzers --diagnostics ID</c> starts it: in the solution, with the key of the
    /// first action registered for the first diagnostic, or no key when that diagnostic has no fix. False when the
    /// provider returns no action (dotnet format's "didn't return a Fix All action").
    /// </summary>
    public async Task<bool> FixAllLikeDotnetFormatAsync(CodeFixProvider fixer, string id)
    {
        var diagnostics = await DiagnosticsAsync(id);
        var first = diagnostics[0];
        var document = Solution.GetDocument(first.Location.SourceTree)!;
        CodeAction? firstAction = null;
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, first, (action, _) => firstAction ??= action, CancellationToken.None));
        var context = new FixAllContext(document, fixer, FixAllScope.Solution, firstAction?.EquivalenceKey!, new[] { id }, new DiagnosticProvider(this, id), CancellationToken.None);
        var fixAll = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        if (fixAll is null)
        {
            return false;
        }

        await ApplyAsync(fixAll);
        return true;
    }

    /// <summary>The code actions <paramref name="fixer"/> offers for <paramref name="diagnostic"/>, in the order it registers them.</summary>
    public async Task<List<CodeAction>> ActionsAsync(CodeFixProvider fixer, Diagnostic diagnostic)
    {
        var document = Solution.GetDocument(diagnostic.Location.SourceTree)!;
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        return actions;
    }

    public async Task<string> TextAsync(string fileName)
        => (await Project.Documents.Single(d => d.Name == fileName).GetTextAsync()).ToString();

    public async Task<Compilation> CompilationAsync() => (await Project.GetCompilationAsync())!;

    public void Dispose() => _workspace.Dispose();

    private async Task<CodeAction?> FirstActionAsync(CodeFixProvider fixer, string id, string equivalenceKey)
    {
        foreach (var diagnostic in await DiagnosticsAsync(id))
        {
            var document = Solution.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context);
            var match = actions.FirstOrDefault(action => action.EquivalenceKey == equivalenceKey);
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }

    private async Task ApplyAsync(CodeAction action)
    {
        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None))
        {
            operation.Apply(_workspace, CancellationToken.None);
        }
    }

    private sealed class DiagnosticProvider : FixAllContext.DiagnosticProvider
    {
        private readonly WorkspaceFixer _owner;
        private readonly string _id;

        public DiagnosticProvider(WorkspaceFixer owner, string id)
        {
            _owner = owner;
            _id = id;
        }

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await _owner.DiagnosticsAsync(_id);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => (await _owner.DiagnosticsAsync(_id)).Where(d => d.Location.SourceTree == document.GetSyntaxTreeAsync(cancellationToken).Result);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
