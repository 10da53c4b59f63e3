namespace Isol8.CdkAnalyzers.Model;

/// <summary>A stack in which a value is used.</summary>
internal readonly struct Consumer
{
    public Consumer(Owner stack, bool isStackConstruction)
    {
        Stack = stack;
        IsStackConstruction = isStackConstruction;
    }

    public Owner Stack { get; }

    /// <summary>The value flows into a stack's constructor arguments or props, to be used by the stack being created.</summary>
    public bool IsStackConstruction { get; }
}
