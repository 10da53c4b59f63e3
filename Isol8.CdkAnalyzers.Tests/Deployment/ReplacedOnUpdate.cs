using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>
/// Resource types that CloudFormation replaces whenever any of their properties change: every property of
/// <c>AWS::ECS::TaskDefinition</c>, <c>AWS::Lambda::Version</c>, <c>AWS::Lambda::LayerVersion</c> and
/// <c>AWS::Batch::JobDefinition</c> is create-only or requires replacement, so a change registers a new revision (or
/// version) whose ARN is new. An export of their <c>Ref</c> or ARN changes value with it.
/// </summary>
internal static class ReplacedOnUpdate
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>
    {
        "AWS::ECS::TaskDefinition",
        "AWS::Lambda::Version",
        "AWS::Lambda::LayerVersion",
        "AWS::Batch::JobDefinition",
    };

    /// <summary>A copy of <paramref name="template"/> in which each such resource has a changed property.</summary>
    public static JsonObject Change(JsonObject template, string change)
    {
        var changed = (JsonObject)template.DeepClone();
        if (changed["Resources"] is not JsonObject resources)
        {
            return changed;
        }

        foreach (var (_, resource) in resources)
        {
            if (resource?["Type"]?.ToString() is not { } type || !Types.Contains(type))
            {
                continue;
            }

            var properties = resource["Properties"] as JsonObject ?? new JsonObject();
            resource["Properties"] = properties;
            if (properties["ContainerDefinitions"] is JsonArray { Count: > 0 } containers && containers[0] is JsonObject container)
            {
                // An image bump, the everyday change to a task definition.
                container["Image"] = "registry.example/app:" + change;
            }
            else
            {
                properties["Description"] = "Changed: " + change;
            }
        }

        return changed;
    }
}
