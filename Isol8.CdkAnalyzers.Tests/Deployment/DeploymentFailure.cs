using System;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>CloudFormation refusing a stack operation; the model throws it while it resolves a template and reports it as a failed deployment.</summary>
internal sealed class DeploymentFailure : Exception
{
    public DeploymentFailure(string message)
        : base(message)
    {
    }

    public DeploymentFailure()
    {
    }

    public DeploymentFailure(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
