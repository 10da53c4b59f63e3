using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>
/// A model of one AWS account and region as CloudFormation sees it, enforcing the documented rules of cross-stack
/// references and SSM parameter inputs:
/// <list type="bullet">
/// <item>an <c>Fn::ImportValue</c> (in Resources or Outputs) must name an export that exists when its stack deploys;</item>
/// <item>an export that another stack's current template imports can be neither removed nor given a different value;</item>
/// <item>an export name is unique in the account and region;</item>
/// <item>an <c>AWS::SSM::Parameter::Value&lt;…&gt;</c> template parameter must name an SSM parameter that exists when its
/// stack deploys (the account is bootstrapped: <c>/cdk-bootstrap/…</c> parameters exist), and an
/// <c>AWS::SSM::Parameter</c> name belongs to one stack.</item>
/// </list>
/// Values are tracked as identities: a resource keeps its identity across updates unless its type is replaced on
/// every change (<see cref="ReplacedOnUpdate"/>) and its resolved properties changed, or its logical id is new.
/// A failed deployment changes nothing (CloudFormation rolls it back).
/// </summary>
internal sealed class CloudFormationAccount
{
    private const string BootstrapParameterPrefix = "/cdk-bootstrap/";

    private readonly Dictionary<string, DeployedStack> _stacks;
    private int _nextIdentity;

    private CloudFormationAccount(Dictionary<string, DeployedStack> stacks, int nextIdentity)
    {
        _stacks = stacks;
        _nextIdentity = nextIdentity;
    }

    public static CloudFormationAccount Empty() => new(new Dictionary<string, DeployedStack>(), 0);

    public CloudFormationAccount Clone() => new(new Dictionary<string, DeployedStack>(_stacks), _nextIdentity);

    /// <summary>The value of each export, by name, as the model resolves it.</summary>
    public IReadOnlyDictionary<string, string> Exports
        => _stacks.Values.SelectMany(stack => stack.Exports).ToDictionary(pair => pair.Key, pair => pair.Value);

    /// <summary>The export names a deployed stack imports.</summary>
    public IReadOnlySet<string> ImportsOf(string stackName) => _stacks[stackName].Imports;

    /// <summary>Deploys the stacks in the given order, stopping at the first failure.</summary>
    public DeployOutcome DeployAll(IEnumerable<StackDeployment> order)
    {
        foreach (var stack in order)
        {
            var outcome = Deploy(stack);
            if (!outcome.Succeeded)
            {
                return outcome;
            }
        }

        return DeployOutcome.Success;
    }

    /// <summary>Creates or updates one stack. On failure nothing changes.</summary>
    public DeployOutcome Deploy(StackDeployment stack)
    {
        _stacks.TryGetValue(stack.StackName, out var live);
        try
        {
            var resolved = new TemplateResolver(stack.StackName, stack.Template, live, this).Resolve();
            CheckExports(stack.StackName, live, resolved);
            CheckSsmParameters(stack.StackName, resolved);
            _stacks[stack.StackName] = resolved;
            return DeployOutcome.Success;
        }
        catch (DeploymentFailure failure)
        {
            return DeployOutcome.Failure(stack.StackName, failure.Message);
        }
    }

    internal string NewIdentity(string stackName, string logicalId) => stackName + "/" + logicalId + "#" + ++_nextIdentity;

    internal string ExportValue(string name)
    {
        foreach (var stack in _stacks.Values)
        {
            if (stack.Exports.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        throw new DeploymentFailure("No export named " + name + " found");
    }

    internal string SsmParameterValue(string name)
    {
        if (name.StartsWith(BootstrapParameterPrefix, System.StringComparison.Ordinal))
        {
            return "bootstrapped";
        }

        foreach (var stack in _stacks.Values)
        {
            if (stack.SsmParameters.TryGetValue(name, out var value))
            {
                return value;
            }
        }

        throw new DeploymentFailure("Unable to fetch parameters [" + name + "] from parameter store for this account.");
    }

    private void CheckExports(string stackName, DeployedStack? live, DeployedStack next)
    {
        foreach (var (name, _) in next.Exports)
        {
            var other = _stacks.Values.FirstOrDefault(stack => stack.Name != stackName && stack.Exports.ContainsKey(name));
            if (other is not null)
            {
                throw new DeploymentFailure("Export with name " + name + " is already exported by stack " + other.Name);
            }
        }

        if (live is null)
        {
            return;
        }

        foreach (var (name, value) in live.Exports)
        {
            var removed = !next.Exports.TryGetValue(name, out var nextValue);
            if (!removed && nextValue == value)
            {
                continue;
            }

            var importer = _stacks.Values.FirstOrDefault(stack => stack.Name != stackName && stack.Imports.Contains(name));
            if (importer is not null)
            {
                throw new DeploymentFailure("Export " + name + " cannot be " + (removed ? "deleted" : "updated") + " as it is in use by " + importer.Name);
            }
        }
    }

    private void CheckSsmParameters(string stackName, DeployedStack next)
    {
        foreach (var (name, _) in next.SsmParameters)
        {
            var other = _stacks.Values.FirstOrDefault(stack => stack.Name != stackName && stack.SsmParameters.ContainsKey(name));
            if (other is not null)
            {
                throw new DeploymentFailure(name + " already exists in stack " + other.Name);
            }
        }
    }
}
