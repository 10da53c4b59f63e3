using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// Fix All that skips what it cannot fix, however it is started. <c>dotnet format analyzers</c> takes the equivalence
/// key from the first diagnostic it finds; when that one has no fix, it asks with no key, and a provider that matches
/// keys fixes nothing at all. With no key, this one fixes every diagnostic with the rule's recommended fix, and
/// leaves those that have none.
/// </summary>
internal sealed class RecommendedFixAllProvider : FixAllProvider
{
    private readonly FixAllProvider _inner;
    private readonly string _recommendedKey;

    public RecommendedFixAllProvider(FixAllProvider inner, string recommendedKey)
    {
        _inner = inner;
        _recommendedKey = recommendedKey;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => _inner.GetSupportedFixAllScopes();

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        => _inner.GetFixAsync(fixAllContext.CodeActionEquivalenceKey is null ? WithRecommendedKey(fixAllContext) : fixAllContext);

    private FixAllContext WithRecommendedKey(FixAllContext context)
    {
        var diagnostics = new SameDiagnostics(context);
        return context.Document is { } document
            ? new FixAllContext(document, context.CodeFixProvider, context.Scope, _recommendedKey, context.DiagnosticIds, diagnostics, context.CancellationToken)
            : new FixAllContext(context.Project, context.CodeFixProvider, context.Scope, _recommendedKey, context.DiagnosticIds, diagnostics, context.CancellationToken);
    }

    /// <summary>The diagnostics of the original request, unchanged.</summary>
    private sealed class SameDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _context;

        public SameDiagnostics(FixAllContext context)
        {
            _context = context;
        }

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => await _context.WithCancellationToken(cancellationToken).GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await _context.WithCancellationToken(cancellationToken).GetProjectDiagnosticsAsync(project).ConfigureAwait(false);

        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => (await _context.WithCancellationToken(cancellationToken).GetAllDiagnosticsAsync(project).ConfigureAwait(false)).ToList();
    }
}
