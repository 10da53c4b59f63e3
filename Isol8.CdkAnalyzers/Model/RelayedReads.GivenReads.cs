using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Relays through a method that reads what its call gives it: an extension method
/// <c>public static string WorkerArn(this CoreStack core) => core.Worker.TaskDefinitionArn;</c>, called as
/// <c>core.WorkerArn()</c> in another stack, returns the same token as the read, so that stack imports it. Whose
/// value it is depends on the call: the argument the reads' receivers are owned like.
/// </summary>
internal sealed partial class RelayedReads
{
    /// <summary>
    /// For a method relaying volatile reads of what its call gives it (<see cref="RelayOfGiven"/>), those reads; null for
    /// any other member.
    /// </summary>
    public GivenReads? GivenReadsOf(ISymbol member, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        => RelayOf(member, catalogue, depth: 0, cancellationToken).Given;

    /// <summary>
    /// A method whose every return is a volatile read (or a stack's own relay) of some receiver
    /// (<c>core.Worker.TaskDefinitionArn</c>, <c>td.TaskDefinitionArn</c>): a relay whose receivers the call binds.
    /// Whether they are owned like one of its arguments is the call's question (<see cref="OwnershipResolver.ArgumentReadBy"/>):
    /// a receiver that is no such thing (the method's own stack, a static member) leaves every call unreported.
    /// </summary>
    private Relay RelayOfGiven(IMethodSymbol method, ImmutableArray<ExpressionSyntax> returns, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        if (returns.IsDefaultOrEmpty)
        {
            return Relay.None;
        }

        var reads = new List<MemberAccessExpressionSyntax>();
        foreach (var returned in returns)
        {
            if (!AddReadsOf(returned, reads))
            {
                return Relay.None;
            }
        }

        ISymbol? relayed = null;
        var receivers = ImmutableArray.CreateBuilder<ExpressionSyntax>(reads.Count);
        foreach (var access in reads)
        {
            if (RelayedRead(access, _sources.SemanticModelFor(access.SyntaxTree, null), catalogue, depth, cancellationToken) is not (_, { } relayedHere))
            {
                return Relay.None;
            }

            receivers.Add(access.Expression);
            relayed ??= relayedHere;
        }

        return relayed is null ? Relay.None : new Relay(relayed, filler: null, new GivenReads(method, receivers.MoveToImmutable()));
    }
}
