using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>What every fix does last: the <c>using</c>s its names need (none that would make the file's names ambiguous), names simplified against them, its code formatted.</summary>
internal static class DocumentCleanup
{
    public static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
    {
        document = await ImportConflicts.KeepQualifiedWhereAUsingWouldClashAsync(document, cancellationToken).ConfigureAwait(false);
        document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
