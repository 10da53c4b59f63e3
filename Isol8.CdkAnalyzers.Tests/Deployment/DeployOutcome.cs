namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>How one deployment went: success, or the stack that failed and CloudFormation's reason.</summary>
internal sealed record DeployOutcome(bool Succeeded, string? FailedStack, string? Error)
{
    public static DeployOutcome Success { get; } = new(true, null, null);

    public static DeployOutcome Failure(string stack, string error) => new(false, stack, error);

    public override string ToString() => Succeeded ? "deployed" : FailedStack + ": " + Error;
}
