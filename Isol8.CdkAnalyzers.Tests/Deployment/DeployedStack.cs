using System.Collections.Generic;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>What CloudFormation holds for a deployed stack: the identities of its resources and what it exports, imports and publishes.</summary>
internal sealed record DeployedStack(
    string Name,
    IReadOnlyDictionary<string, DeployedResource> Resources,
    IReadOnlyDictionary<string, string> Exports,
    IReadOnlySet<string> Imports,
    IReadOnlyDictionary<string, string> SsmParameters);

/// <summary>A deployed resource: its type, its physical identity, and its properties as resolved at deployment.</summary>
internal sealed record DeployedResource(string Type, string Identity, string ResolvedProperties);
