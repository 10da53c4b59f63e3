using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>One stack of a synthesized app as CloudFormation receives it: its name, its template, and the stacks it waits for.</summary>
internal sealed record StackDeployment(string ArtifactId, string StackName, JsonObject Template, IReadOnlyList<string> Dependencies);
