namespace Isol8.CdkAnalyzers.Tests.EndToEnd;

/// <summary>Tests that drive the dotnet CLI on a copy of the sample app: one at a time, they are heavy.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndTestGroup
{
    public const string Name = "End to end with the dotnet CLI";
}
