using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>
/// What CloudFormation gives a new value on routine updates. <see cref="Types"/>: resources replaced whenever any of
/// their properties change (every updatable property of <c>AWS::ECS::TaskDefinition</c>, <c>AWS::Lambda::Version</c>,
/// <c>AWS::Lambda::LayerVersion</c>, <c>AWS::StepFunctions::StateMachineVersion</c>, <c>AWS::SageMaker::Model</c> and
/// <c>AWS::SageMaker::EndpointConfig</c> is create-only or replaces it; a Batch job definition registers a new revision),
/// and <c>AWS::ApiGateway::Deployment</c>, which CDK's <c>Deployment</c> gives a new logical id on every API change
/// (modelled here as a replacement). <see cref="VersionCounters"/>: attributes that count versions of a resource that
/// stays (a launch template's <c>LatestVersionNumber</c>). The catalogue's evidence is in Model/CatalogueEvidence.json.
/// </summary>
internal static class ReplacedOnUpdate
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>
    {
        "AWS::ECS::TaskDefinition",
        "AWS::Lambda::Version",
        "AWS::Lambda::LayerVersion",
        "AWS::Batch::JobDefinition",
        "AWS::StepFunctions::StateMachineVersion",
        "AWS::SageMaker::Model",
        "AWS::SageMaker::EndpointConfig",
        "AWS::ApiGateway::Deployment",
    };

    /// <summary>Resource type and attribute of each version counter.</summary>
    public static readonly IReadOnlySet<(string Type, string Attribute)> VersionCounters = new HashSet<(string, string)>
    {
        ("AWS::EC2::LaunchTemplate", "LatestVersionNumber"),
    };

    /// <summary>Does a <c>Ref</c> (<paramref name="attribute"/> null) or <c>Fn::GetAtt</c> of this resource change on routine updates?</summary>
    public static bool IsVolatile(string? type, string? attribute)
        => type is not null && (Types.Contains(type) || (attribute is not null && VersionCounters.Contains((type, attribute))));

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
            if (resource?["Type"]?.ToString() is not { } type || !(Types.Contains(type) || VersionCounters.Any(counter => counter.Type == type)))
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
            else if (type == "AWS::EC2::LaunchTemplate")
            {
                // An AMI bump: a new version of the same template.
                properties["VersionDescription"] = "Changed: " + change;
            }
            else
            {
                properties["Description"] = "Changed: " + change;
            }
        }

        return changed;
    }
}
