using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>A stack in which a value is used, and how the value gets there.</summary>
internal readonly struct Consumer
{
    public Consumer(Owner stack, bool isStackConstruction, SyntaxNode? scope, bool throughLocal)
    {
        Stack = stack;
        IsStackConstruction = isStackConstruction;
        Scope = scope;
        ThroughLocal = throughLocal;
    }

    public Owner Stack { get; }

    /// <summary>The value flows into a stack's constructor arguments or props, to be used by the stack being created.</summary>
    public bool IsStackConstruction { get; }

    /// <summary>The expression of the consuming scope (a construct creation's scope, a call's receiver); null for a stack's own code.</summary>
    public SyntaxNode? Scope { get; }

    /// <summary>The value reached the consumer through a local variable, after the statement that reads it.</summary>
    public bool ThroughLocal { get; }
}
