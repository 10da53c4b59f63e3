namespace Isol8.CdkAnalyzers.Model;

internal enum StackRelation
{
    /// <summary>Not enough is known: stay silent.</summary>
    Unknown,

    Same,

    Different,
}
