using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>
/// The stacks of a synthesized cloud assembly (nested Stage assemblies included) and the orders in which
/// <c>cdk deploy</c> may deploy them: every order that puts each stack after the stacks its manifest says it depends on.
/// </summary>
internal sealed class DeployableApp
{
    private DeployableApp(IReadOnlyList<StackDeployment> stacks)
    {
        Stacks = stacks;
    }

    public IReadOnlyList<StackDeployment> Stacks { get; }

    public static DeployableApp From(CloudAssemblyTemplates assembly)
    {
        var artifacts = assembly.Manifest["artifacts"]!.AsObject();
        var stackIds = assembly.StackNames.ToHashSet();
        var stacks = new List<StackDeployment>();
        foreach (var id in assembly.StackNames.OrderBy(id => id, System.StringComparer.Ordinal))
        {
            var properties = artifacts[id]!["properties"]!;
            var templateFile = properties["templateFile"]!.ToString();
            var template = assembly.Templates[templateFile[..^".template.json".Length]];
            var stackName = properties["stackName"]?.ToString() ?? id;
            var dependencies = assembly.Dependencies(id).Where(stackIds.Contains).ToList();
            stacks.Add(new StackDeployment(id, stackName, (JsonObject)template.DeepClone(), dependencies));
        }

        return new DeployableApp(stacks);
    }

    public static DeployableApp Of(params StackDeployment[] stacks) => new(stacks);

    public StackDeployment Stack(string artifactId) => Stacks.Single(stack => stack.ArtifactId == artifactId);

    /// <summary>
    /// Every deployment order the dependencies allow, up to <paramref name="limit"/> of them (apps in tests are small,
    /// so this is all of them).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<StackDeployment>> DeployOrders(int limit = 720)
    {
        var orders = new List<IReadOnlyList<StackDeployment>>();
        var placed = new List<StackDeployment>();
        Extend(placed, orders, limit);
        return orders;
    }

    /// <summary>
    /// The same app after the owners' next change: every resource of a type CloudFormation replaces on any update
    /// (see <see cref="ReplacedOnUpdate"/>) gets a changed property, the way an image bump changes a task definition.
    /// </summary>
    public DeployableApp WithVolatileResourcesChanged(string change = "next")
        => new(Stacks.Select(stack => stack with { Template = ReplacedOnUpdate.Change(stack.Template, change) }).ToList());

    private void Extend(List<StackDeployment> placed, List<IReadOnlyList<StackDeployment>> orders, int limit)
    {
        if (orders.Count >= limit)
        {
            return;
        }

        if (placed.Count == Stacks.Count)
        {
            orders.Add(placed.ToList());
            return;
        }

        foreach (var stack in Stacks)
        {
            if (placed.Contains(stack) || !stack.Dependencies.All(dependency => placed.Any(done => done.ArtifactId == dependency)))
            {
                continue;
            }

            placed.Add(stack);
            Extend(placed, orders, limit);
            placed.RemoveAt(placed.Count - 1);
        }
    }
}
