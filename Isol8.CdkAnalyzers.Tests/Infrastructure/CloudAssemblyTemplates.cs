using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>The templates and manifest of a synthesized cloud assembly, with the questions the tests ask of them.</summary>
internal sealed class CloudAssemblyTemplates
{
    private CloudAssemblyTemplates(string directory, Dictionary<string, JsonObject> templates, JsonObject manifest)
    {
        Directory = directory;
        Templates = templates;
        Manifest = manifest;
    }

    public string Directory { get; }

    /// <summary>Each stack's template, by artifact id (the stack's id under the app, with stage prefixes).</summary>
    public IReadOnlyDictionary<string, JsonObject> Templates { get; }

    public JsonObject Manifest { get; }

    public static CloudAssemblyTemplates Load(string directory)
    {
        var templates = new Dictionary<string, JsonObject>();
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.template.json", SearchOption.AllDirectories))
        {
            var name = Path.GetFileName(file)[..^".template.json".Length];
            templates[name] = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        }

        // Stages write nested cloud assemblies: merge their artifacts into one manifest view.
        var manifest = new JsonObject { ["artifacts"] = new JsonObject() };
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "manifest.json", SearchOption.AllDirectories))
        {
            if (JsonNode.Parse(File.ReadAllText(file))?["artifacts"] is JsonObject artifacts)
            {
                foreach (var (id, artifact) in artifacts.ToList())
                {
                    artifacts.Remove(id);
                    manifest["artifacts"]!.AsObject()[id] = artifact;
                }
            }
        }

        return new CloudAssemblyTemplates(directory, templates, manifest);
    }

    public JsonObject Template(string stack) => Templates[stack];

    /// <summary>The one stack whose artifact id contains <paramref name="part"/> (stage stacks get prefixed, hashed ids).</summary>
    public string StackLike(string part) => StackNames.Single(name => name.Contains(part, System.StringComparison.Ordinal));

    /// <summary>The SSM parameters a stack's template creates: parameter name to the value expression, as JSON text.</summary>
    public IReadOnlyDictionary<string, string> PublishedParameters(string stack)
        => Resources(stack, "AWS::SSM::Parameter").Values
            .ToDictionary(resource => resource["Properties"]!["Name"]!.ToString(), resource => resource["Properties"]!["Value"]!.ToJsonString());

    /// <summary>The export a stack's import refers to, as the JSON text of the exported value.</summary>
    public string? ExportedValue(string exportName)
    {
        foreach (var template in Templates.Values)
        {
            if (template["Outputs"] is JsonObject outputs)
            {
                foreach (var (_, output) in outputs)
                {
                    if (output?["Export"]?["Name"]?.ToString() == exportName)
                    {
                        return output["Value"]!.ToJsonString();
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The stack whose template exports <paramref name="exportName"/>.</summary>
    public string? ExporterOf(string exportName)
    {
        foreach (var (stack, template) in Templates)
        {
            if (template["Outputs"] is JsonObject outputs && outputs.Any(output => output.Value?["Export"]?["Name"]?.ToString() == exportName))
            {
                return stack;
            }
        }

        return null;
    }

    /// <summary>The export names a stack imports with <c>Fn::ImportValue</c>.</summary>
    public IReadOnlyList<string> ImportedExports(string stack)
        => Descendants(Templates[stack]).OfType<JsonObject>()
            .Where(o => o.ContainsKey("Fn::ImportValue"))
            .Select(o => o["Fn::ImportValue"]!.ToString())
            .ToList();

    /// <summary>The resource type behind an export: the type of the resource its value refers to.</summary>
    public string? ExportedResourceType(string exportName)
    {
        foreach (var template in Templates.Values)
        {
            if (template["Outputs"] is not JsonObject outputs)
            {
                continue;
            }

            foreach (var (_, output) in outputs)
            {
                if (output?["Export"]?["Name"]?.ToString() != exportName)
                {
                    continue;
                }

                var value = output["Value"];
                var logicalId = value?["Ref"]?.ToString() ?? (value?["Fn::GetAtt"] as JsonArray)?[0]?.ToString();
                return logicalId is null ? null : template["Resources"]?[logicalId]?["Type"]?.ToString();
            }
        }

        return null;
    }

    /// <summary>
    /// Does the export carry a value CloudFormation changes on routine updates (see <c>ReplacedOnUpdate</c>)? So does an
    /// SSM parameter's <c>Value</c> attribute when the parameter holds such a value of its own template.
    /// </summary>
    public bool IsVolatileExport(string exportName)
    {
        foreach (var template in Templates.Values)
        {
            foreach (var (_, output) in template["Outputs"] as JsonObject ?? new JsonObject())
            {
                if (output?["Export"]?["Name"]?.ToString() == exportName)
                {
                    return IsVolatileValue(template, output["Value"], depth: 0);
                }
            }
        }

        return false;
    }

    private static bool IsVolatileValue(JsonObject template, JsonNode? node, int depth)
    {
        var value = node as JsonObject;
        var getAtt = value?["Fn::GetAtt"] as JsonArray;
        var logicalId = value?["Ref"]?.ToString() ?? getAtt?[0]?.ToString();
        var attribute = getAtt?[1]?.ToString();
        if (logicalId is null || template["Resources"]?[logicalId] is not JsonObject resource)
        {
            return false;
        }

        var type = resource["Type"]?.ToString();
        return type == "AWS::SSM::Parameter" && attribute == "Value" && depth < 4
            ? IsVolatileValue(template, resource["Properties"]?["Value"], depth + 1)
            : Deployment.ReplacedOnUpdate.IsVolatile(type, attribute);
    }

    /// <summary>The resource types that stack imports through exports.</summary>
    public IReadOnlyList<string?> ImportedResourceTypes(string stack)
        => ImportedExports(stack).Select(ExportedResourceType).ToList();

    /// <summary>The resources of a type in a stack's template, by logical id.</summary>
    public IReadOnlyDictionary<string, JsonObject> Resources(string stack, string type)
        => (Templates[stack]["Resources"] as JsonObject ?? new JsonObject())
            .Where(pair => pair.Value?["Type"]?.ToString() == type)
            .ToDictionary(pair => pair.Key, pair => pair.Value!.AsObject());

    /// <summary>The template parameters of a stack whose type is an SSM parameter value, by logical id, with their default (the parameter name).</summary>
    public IReadOnlyDictionary<string, string> SsmParameterInputs(string stack)
        => (Templates[stack]["Parameters"] as JsonObject ?? new JsonObject())
            .Where(pair => pair.Value?["Type"]?.ToString() == "AWS::SSM::Parameter::Value<String>" && pair.Key != "BootstrapVersion")
            .ToDictionary(pair => pair.Key, pair => pair.Value!["Default"]!.ToString());

    /// <summary>The artifacts a stack's deployment waits for, from the cloud assembly manifest.</summary>
    public IReadOnlyList<string> Dependencies(string stack)
        => (Manifest["artifacts"]?[stack]?["dependencies"] as JsonArray ?? new JsonArray()).Select(node => node!.ToString()).ToList();

    public IReadOnlyList<string> StackNames
        => (Manifest["artifacts"] as JsonObject ?? new JsonObject())
            .Where(pair => pair.Value?["type"]?.ToString() == "aws:cloudformation:stack")
            .Select(pair => pair.Key)
            .ToList();

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(pair => pair.Value),
            JsonArray array => array,
            _ => Enumerable.Empty<JsonNode?>(),
        };
        foreach (var child in children)
        {
            if (child is null)
            {
                continue;
            }

            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
