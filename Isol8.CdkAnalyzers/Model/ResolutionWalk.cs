using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>The state of one ownership question: how deep it went, what it is visiting, whether it was cut short.</summary>
internal sealed class ResolutionWalk
{
    public const int MaxDepth = 16;

    /// <summary>How many member resolutions may nest (each with a depth budget of its own) before the walk gives up.</summary>
    public const int MaxMemberNesting = 32;

    public ResolutionWalk(CancellationToken cancellationToken, SemanticModel? siteModel = null)
    {
        CancellationToken = cancellationToken;
        SiteModel = siteModel;
    }

    public CancellationToken CancellationToken { get; }

    /// <summary>The semantic model of the analysed tree: reused for that tree, so its bodies are not bound twice.</summary>
    public SemanticModel? SiteModel { get; }

    public int Depth { get; set; }

    public int MemberNesting { get; set; }

    /// <summary>The method whose summary is being computed: its parameters stand for the caller's arguments.</summary>
    public IMethodSymbol? SummaryMethod { get; set; }

    /// <summary>Set when a cycle or the depth limit cut an answer short: such answers are not cached.</summary>
    public bool Truncated { get; set; }

    /// <summary>The fields, properties and locals whose value is being resolved: meeting one again is a cycle.</summary>
    public HashSet<ISymbol> Visiting { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// How many explicit scopes (a construct creation's scope, a call's construct argument or receiver) a consumer
    /// search reached without knowing their stack.
    /// </summary>
    public int UnknownScopes { get; set; }

    /// <summary>The locals whose uses a consumer search has followed already.</summary>
    public HashSet<ISymbol> FollowedLocals { get; } = new(SymbolEqualityComparer.Default);

    public bool TryEnter()
    {
        CancellationToken.ThrowIfCancellationRequested();
        if (Depth >= MaxDepth)
        {
            Truncated = true;
            return false;
        }

        Depth++;
        return true;
    }

    public void Exit() => Depth--;
}
