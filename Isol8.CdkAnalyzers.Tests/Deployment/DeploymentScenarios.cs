using System.Collections.Generic;
using System.Linq;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>
/// The four ways a fixed app meets CloudFormation, each run in every order the app's dependencies allow:
/// <list type="bullet">
/// <item><b>lock</b>: the app before the fix, with its owners' volatile resources changed, fails over its own live
/// state with "Export … cannot be updated as it is in use by …" (the incident the package exists for);</item>
/// <item><b>migrate</b>: the fixed app deploys over the live app before the fix, owners unchanged;</item>
/// <item><b>next</b>: after that, the owners' next change deploys;</item>
/// <item><b>fresh</b>: the fixed app deploys into an empty account.</item>
/// </list>
/// </summary>
internal static class DeploymentScenarios
{
    /// <summary>Runs all four and asserts each; returns the account after migrate and next, for a later step.</summary>
    public static CloudFormationAccount AssertAll(CloudAssemblyTemplates before, CloudAssemblyTemplates after)
    {
        AssertLocks(DeployableApp.From(before));
        return AssertMigrateNextAndFresh(before, after);
    }

    /// <summary>migrate, next and fresh, for a fix of code that held no lock (ICDK003's family); returns the account after next.</summary>
    public static CloudFormationAccount AssertMigrateNextAndFresh(CloudAssemblyTemplates before, CloudAssemblyTemplates after)
    {
        AssertKeepsEveryResource(before, after);
        var beforeApp = DeployableApp.From(before);
        var afterApp = DeployableApp.From(after);
        var migrated = AssertDeploys("migrate", Live(beforeApp), afterApp);
        var next = AssertDeploys("next", migrated, afterApp.WithVolatileResourcesChanged());
        AssertDeploys("fresh", CloudFormationAccount.Empty(), afterApp);
        return next;
    }

    /// <summary>The account where <paramref name="app"/> has been deployed, from nothing.</summary>
    public static CloudFormationAccount Live(DeployableApp app)
    {
        var account = CloudFormationAccount.Empty();
        var outcome = account.DeployAll(app.DeployOrders(limit: 1).Single());
        Assert.True(outcome.Succeeded, "The live app itself does not deploy: " + outcome);
        return account;
    }

    /// <summary>lock: the app's owners change, and some consumer's import stops every order.</summary>
    public static void AssertLocks(DeployableApp app)
    {
        var live = Live(app);
        foreach (var order in app.WithVolatileResourcesChanged().DeployOrders())
        {
            var outcome = live.Clone().DeployAll(order);
            Assert.False(outcome.Succeeded, "lock: the app before the fix deployed a change of its owners in the order " + Describe(order) + "; the test does not exercise the problem.");
            Assert.Matches("^Export .+ cannot be updated as it is in use by .+$", outcome.Error);
        }
    }

    /// <summary>Deploys <paramref name="app"/> over <paramref name="live"/> in every allowed order; returns the account after the first.</summary>
    public static CloudFormationAccount AssertDeploys(string scenario, CloudFormationAccount live, DeployableApp app)
    {
        CloudFormationAccount? first = null;
        foreach (var order in app.DeployOrders())
        {
            var account = live.Clone();
            var outcome = account.DeployAll(order);
            Assert.True(outcome.Succeeded, scenario + ": the order " + Describe(order) + " fails: " + outcome);
            first ??= account;
        }

        return first!;
    }

    /// <summary>A fix may add SSM parameters; it never loses a resource. Compared per stack, by resource type.</summary>
    public static void AssertKeepsEveryResource(CloudAssemblyTemplates before, CloudAssemblyTemplates after)
    {
        Assert.Equal(before.StackNames.OrderBy(name => name), after.StackNames.OrderBy(name => name));
        foreach (var stack in before.StackNames)
        {
            var lost = new List<string>(TypesOf(before, stack));
            var added = new List<string>();
            foreach (var type in TypesOf(after, stack))
            {
                if (!lost.Remove(type))
                {
                    added.Add(type);
                }
            }

            Assert.True(lost.Count == 0, "The fix loses resources of stack " + stack + ": " + string.Join(", ", lost));
            Assert.True(added.All(type => type == "AWS::SSM::Parameter"), "The fix adds resources other than SSM parameters to stack " + stack + ": " + string.Join(", ", added));
        }
    }

    private static IEnumerable<string> TypesOf(CloudAssemblyTemplates assembly, string stack)
        => DeployableApp.From(assembly).Stack(stack).Template["Resources"]?.AsObject().Select(pair => pair.Value!["Type"]!.ToString()) ?? Enumerable.Empty<string>();

    private static string Describe(IEnumerable<StackDeployment> order) => string.Join(" → ", order.Select(stack => stack.StackName));
}
