using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

internal static class FixAllDiagnostics
{
    /// <summary>The diagnostics a Fix All covers, by document, in a stable order.</summary>
    public static async Task<IReadOnlyList<(Document Document, ImmutableArray<Diagnostic> Diagnostics)>> ByDocumentAsync(FixAllContext context)
    {
        var documents = context.Scope switch
        {
            FixAllScope.Document when context.Document is not null => new[] { context.Document },
            FixAllScope.Project => context.Project.Documents.ToArray(),
            FixAllScope.Solution => context.Solution.Projects.SelectMany(project => project.Documents).ToArray(),
            _ => System.Array.Empty<Document>(),
        };

        var result = new List<(Document, ImmutableArray<Diagnostic>)>();
        foreach (var document in documents.OrderBy(document => document.FilePath ?? document.Name, System.StringComparer.Ordinal))
        {
            var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (!diagnostics.IsEmpty)
            {
                result.Add((document, diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray()));
            }
        }

        return result;
    }
}
