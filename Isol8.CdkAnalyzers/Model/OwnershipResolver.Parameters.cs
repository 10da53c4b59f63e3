using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The ownership model's parameters: a stack constructor's (another stack's), and those whose callers the source shows
/// whole (a stack's private methods, local functions, static helpers, an application's wiring methods, the app's
/// construct classes' constructors), owned where every call or creation's argument is, when they agree.
/// </summary>
internal sealed partial class OwnershipResolver
{
    private Owner OwnerOfParameter(IParameterSymbol parameter, ResolutionWalk walk)
    {
        if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && _types.IsTopLevelStack(constructor.ContainingType))
        {
            // The first construct parameter is the stack's own scope (an App or a Stage), not a value it uses.
            return parameter.Ordinal == 0 && _types.Is(parameter.Type, CdkTypeKind.Construct) ? Owner.Unknown : Owner.ForeignTo(constructor.ContainingType);
        }

        if (parameter.ContainingSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary or MethodKind.LocalFunction or MethodKind.Constructor } method
            || _types.Is(parameter.Type, CdkTypeKind.VolatileConstruct))
        {
            // A volatile construct given to the app's own method is a hand-over, reported at the call when the method
            // renders it (where one fix serves every read of it); the reads in the method are not reported again.
            return Owner.Unknown;
        }

        if (method.MethodKind == MethodKind.Constructor
            && (!_types.Is(method.ContainingType, CdkTypeKind.Construct) || _hosts.HostOf(method.ContainingType, this, walk.CancellationToken) is null))
        {
            // Only the app's own construct class whose every creation puts it in one stack class: elsewhere its code's
            // stack is unknown, and so would be any finding in it.
            return Owner.Unknown;
        }

        // A summary's answer stands for its method's arguments: it holds for that question only.
        var key = (IParameterSymbol)parameter.OriginalDefinition;
        if (walk.SummaryMethod is null && _parameterOwners.TryGetValue(key, out var known))
        {
            return known;
        }

        var wasTruncated = walk.Truncated;
        walk.Truncated = false;
        var owner = OwnerFromCallers(key, method, walk);
        if (!walk.Truncated && walk.SummaryMethod is null)
        {
            _parameterOwners.TryAdd(key, owner);
        }

        walk.Truncated |= wasTruncated;
        return owner;
    }

    /// <summary>
    /// A parameter whose callers the source shows whole, owned where every call's or creation's argument is, when they
    /// agree: a private method's, a local function's or a static helper's (<c>AddAlarms(props)</c>, <c>Wire(props.Compute)</c>
    /// called from the constructor, <c>Alarms.Add(this, props.Compute)</c>; see <see cref="CallSites"/>), or an app
    /// construct class's constructor's (<c>new Worker(this, "Worker", props.Compute)</c> in a stack: what that stack
    /// received). Unknown when they disagree, one cannot be placed, or the callers cannot all be seen.
    /// </summary>
    private Owner OwnerFromCallers(IParameterSymbol parameter, IMethodSymbol method, ResolutionWalk walk)
    {
        if (!walk.Visiting.Add(parameter))
        {
            walk.Truncated = true;
            return Owner.Unknown;
        }

        try
        {
            var isConstructor = method.MethodKind == MethodKind.Constructor;
            Owner? agreed = null;
            foreach (var owner in isConstructor ? OwnersAtCreations(parameter, method, walk) : OwnersAtCalls(parameter, method, walk))
            {
                agreed = agreed is { } previous ? Owner.Combine(previous, owner) : owner;
                if (agreed.Value.Kind == OwnerKind.Unknown)
                {
                    return Owner.Unknown;
                }
            }

            // A static helper's or a construct's code is not its callers' instance: their 'this' is known there by their
            // class only (a related class may be the owner's instance).
            return agreed is { IsThisStack: true } callers && (method.IsStatic || isConstructor)
                ? Owner.HostedIn(callers.StackType!, method.ContainingType)
                : agreed ?? Owner.Unknown;
        }
        finally
        {
            walk.Visiting.Remove(parameter);
        }
    }

    /// <summary>What each call of <paramref name="method"/> gives the parameter, as the method sees it; one unknown when the calls cannot all be placed.</summary>
    private IEnumerable<Owner> OwnersAtCalls(IParameterSymbol parameter, IMethodSymbol method, ResolutionWalk walk)
    {
        var calls = new List<CallSite>();
        if (!CallSites.TryCollect(method, _types.IsTopLevelStack(method.ContainingType), _sources, walk, calls))
        {
            yield return Owner.Unknown;
            yield break;
        }

        foreach (var site in calls)
        {
            var argument = OperationFlow.ExplicitArgument(site.Call, parameter.Ordinal);
            if (argument is not null && OperationFlow.Unwrap(argument) is IParameterReferenceOperation passedOn
                && SymbolEqualityComparer.Default.Equals(passedOn.Parameter.OriginalDefinition, parameter))
            {
                // A recursive call that passes the parameter on adds no value of its own.
                continue;
            }

            yield return OwnerForCallee(method, site, argument, walk);
        }
    }

    /// <summary>What each <c>new</c> of <paramref name="constructor"/>'s class gives the parameter, seen from the creation; one unknown for a creation through another constructor.</summary>
    private IEnumerable<Owner> OwnersAtCreations(IParameterSymbol parameter, IMethodSymbol constructor, ResolutionWalk walk)
    {
        foreach (var (creation, semanticModel) in _sources.CreationsOf(constructor.ContainingType, walk.CancellationToken))
        {
            if (semanticModel.GetOperation(creation, walk.CancellationToken) is not IObjectCreationOperation created
                || !SymbolEqualityComparer.Default.Equals(created.Constructor?.OriginalDefinition, constructor))
            {
                // Another constructor of the class (it may chain to this one with values of its own).
                yield return Owner.Unknown;
                yield break;
            }

            yield return OwnerAtSite(OperationFlow.ExplicitArgument(created.Arguments, parameter.Ordinal), semanticModel.GetEnclosingSymbol(creation.SpanStart, walk.CancellationToken), walk);
        }
    }

    /// <summary>The owner of a call's argument as the called method sees it.</summary>
    private Owner OwnerForCallee(IMethodSymbol method, CallSite site, IOperation? argument, ResolutionWalk walk)
    {
        if (method.IsStatic)
        {
            // 'this' at a static helper's call is the caller's instance, which the helper's code is not.
            return OwnerAtSite(argument, site.Caller, walk);
        }

        if (site.Call.Instance is null || OperationFlow.Unwrap(site.Call.Instance) is IInstanceReferenceOperation)
        {
            // On the same instance: what the caller's code owns, the method's does.
            return OwnerOf(argument, walk);
        }

        // consumer.Wire(workload) from Main: a stack other than the receiver, the instance the method runs on. ('this' of
        // the caller's code, or the receiver itself, means nothing known there.)
        var owner = OwnerAtSite(argument, site.Caller, walk);
        var receiver = OwnerAtSite(site.Call.Instance, site.Caller, walk);
        return owner.IsKnownStack && !owner.IsThisStack && Compare(owner, receiver, walk.CancellationToken) == StackRelation.Different ? owner : Owner.Unknown;
    }
}
