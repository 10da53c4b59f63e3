namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>Tests that synthesize with the real CDK share one jsii runtime (one Node.js process): they run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SynthesisTestGroup
{
    public const string Name = "CDK synthesis";
}
