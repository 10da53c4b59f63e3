using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>
/// Resolves one template against the account the way CloudFormation does when it creates or updates the stack:
/// references become the identities of resources, imports the values of exports, SSM parameter inputs the values
/// of the parameters. Fails as CloudFormation would when an import or a parameter does not exist.
/// </summary>
internal sealed partial class TemplateResolver
{
    private readonly string _stackName;
    private readonly JsonObject _template;
    private readonly DeployedStack? _live;
    private readonly CloudFormationAccount _account;
    private readonly Dictionary<string, DeployedResource> _resources = new();
    private readonly HashSet<string> _resolving = new();
    private readonly HashSet<string> _imports = new();

    public TemplateResolver(string stackName, JsonObject template, DeployedStack? live, CloudFormationAccount account)
    {
        _stackName = stackName;
        _template = template;
        _live = live;
        _account = account;
    }

    private JsonObject ResourceSection => _template["Resources"] as JsonObject ?? new JsonObject();

    public DeployedStack Resolve()
    {
        foreach (var (logicalId, _) in ResourceSection)
        {
            ResourceOf(logicalId);
        }

        var exports = new Dictionary<string, string>();
        if (_template["Outputs"] is JsonObject outputs)
        {
            foreach (var (_, output) in outputs)
            {
                var value = Text(Resolve(output!["Value"]));
                if (output["Export"]?["Name"] is { } exportName)
                {
                    exports[Text(Resolve(exportName))] = value;
                }
            }
        }

        var parameters = new Dictionary<string, string>();
        foreach (var (logicalId, resource) in ResourceSection)
        {
            if (resource?["Type"]?.ToString() == "AWS::SSM::Parameter")
            {
                var properties = Resolve(resource["Properties"]);
                var name = properties?["Name"] is { } given ? Text(given) : _resources[logicalId].Identity;
                parameters[name] = properties?["Value"] is { } value ? Text(value) : string.Empty;
            }
        }

        return new DeployedStack(_stackName, _resources, exports, _imports, parameters);
    }

    private DeployedResource ResourceOf(string logicalId)
    {
        if (_resources.TryGetValue(logicalId, out var known))
        {
            return known;
        }

        if (ResourceSection[logicalId] is not JsonObject resource)
        {
            throw new DeploymentFailure("Template format error: Unresolved resource dependencies [" + logicalId + "] in the Resources block of the template");
        }

        if (!_resolving.Add(logicalId))
        {
            throw new DeploymentFailure("Template error: circular dependency between resources [" + logicalId + "]");
        }

        var type = resource["Type"]!.ToString();
        var properties = Text(Resolve(resource["Properties"]) ?? new JsonObject());
        var identity = _live?.Resources.TryGetValue(logicalId, out var deployed) == true && deployed.Type == type
            && (!ReplacedOnUpdate.Types.Contains(type) || deployed.ResolvedProperties == properties)
            ? deployed.Identity
            : _account.NewIdentity(_stackName, logicalId);
        var result = new DeployedResource(type, identity, properties);
        _resources[logicalId] = result;
        _resolving.Remove(logicalId);
        return result;
    }

    private JsonNode? Resolve(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject { Count: 1 } single when single.First() is var (key, argument) && key is "Ref" or "Fn::GetAtt" or "Fn::ImportValue" or "Fn::Sub":
                return key switch
                {
                    "Ref" => Reference(argument!.ToString(), attribute: null),
                    "Fn::GetAtt" => GetAtt(argument!),
                    "Fn::ImportValue" => Import(Text(Resolve(argument))),
                    _ => Substitute(argument!),
                };
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    copy[key] = Resolve(value);
                }

                return copy;
            case JsonArray array:
                return new JsonArray(array.Select(Resolve).ToArray());
            default:
                return node?.DeepClone();
        }
    }

    private JsonNode GetAtt(JsonNode argument)
    {
        if (argument is JsonArray { Count: 2 } pair)
        {
            return Reference(pair[0]!.ToString(), pair[1]!.ToString());
        }

        var text = argument.ToString();
        var dot = text.IndexOf('.', System.StringComparison.Ordinal);
        return Reference(text[..dot], text[(dot + 1)..]);
    }

    private JsonNode Reference(string name, string? attribute)
    {
        if (name.StartsWith("AWS::", System.StringComparison.Ordinal))
        {
            return "pseudo:" + name;
        }

        if (attribute is null && _template["Parameters"]?[name] is JsonObject parameter)
        {
            var type = parameter["Type"]?.ToString() ?? string.Empty;
            var value = parameter["Default"]?.ToString() ?? string.Empty;
            return type.StartsWith("AWS::SSM::Parameter::Value<", System.StringComparison.Ordinal) ? _account.SsmParameterValue(value) : value;
        }

        var resource = ResourceOf(name);
        if (attribute == "Value" && resource.Type == "AWS::SSM::Parameter")
        {
            // A parameter's documented Value attribute is what it holds now: it changes with the value it was given.
            return JsonNode.Parse(resource.ResolvedProperties)?["Value"]?.DeepClone() ?? string.Empty;
        }

        if (attribute is not null && ReplacedOnUpdate.VersionCounters.Contains((resource.Type, attribute)))
        {
            // A version counter: the same resource, a new value whenever its properties change.
            return "getatt:" + resource.Identity + "." + attribute + "@" + resource.ResolvedProperties.GetHashCode(System.StringComparison.Ordinal);
        }

        return attribute is null ? "ref:" + resource.Identity : "getatt:" + resource.Identity + "." + attribute;
    }

    private JsonNode Import(string exportName)
    {
        var value = _account.ExportValue(exportName);
        _imports.Add(exportName);
        return value;
    }

    private JsonNode Substitute(JsonNode argument)
    {
        var (text, variables) = argument is JsonArray { Count: 2 } pair
            ? (pair[0]!.ToString(), pair[1] as JsonObject ?? new JsonObject())
            : (argument.ToString(), new JsonObject());
        return SubstitutionPattern().Replace(text, match =>
        {
            var name = match.Groups["name"].Value;
            if (name.StartsWith('!'))
            {
                return "${" + name[1..] + "}";
            }

            if (variables[name] is { } variable)
            {
                return Text(Resolve(variable));
            }

            var dot = name.IndexOf('.', System.StringComparison.Ordinal);
            return Text(dot < 0 ? Reference(name, null) : Reference(name[..dot], name[(dot + 1)..]));
        });
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    [GeneratedRegex(@"\$\{(?<name>[^}]+)\}")]
    private static partial Regex SubstitutionPattern();
}
