namespace Isol8.CdkAnalyzers.Model;

/// <summary>A value owned by one stack and used in another.</summary>
internal readonly struct CrossStackFinding
{
    public CrossStackFinding(Owner owner, Consumer consumer)
    {
        Owner = owner;
        Consumer = consumer;
    }

    public Owner Owner { get; }

    public Consumer Consumer { get; }
}
