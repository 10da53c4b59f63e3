using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>The question ICDK001 and its fixes share: is this value owned by one stack and used by another?</summary>
internal static class CrossStackReferences
{
    /// <param name="model">The compilation's CDK model.</param>
    /// <param name="owned">The construct whose owner decides (the receiver of a read, or the handed-over construct).</param>
    /// <param name="use">Where the value is used: the read itself, or the handed-over expression.</param>
    /// <param name="containingSymbol">The member the code is written in.</param>
    /// <param name="cancellationToken">Cancels the search.</param>
    /// <param name="skipStackConstruction">Ignore uses that only pass the value into a stack's constructor (the stack's own code is checked instead).</param>
    public static CrossStackFinding? Find(CdkModel model, IOperation owned, IOperation use, ISymbol? containingSymbol, CancellationToken cancellationToken, bool skipStackConstruction = false)
    {
        var walk = new ResolutionWalk(cancellationToken, owned.SemanticModel);
        var finding = Find(model, model.Owners.OwnerAtSite(owned, containingSymbol, walk), use, containingSymbol, walk, skipStackConstruction);

        // Asked last, of a finding only: what reached the stack through its constructor may be an import wherever it
        // was given one, which names a constant and exports nothing.
        return finding is { Owner.Kind: OwnerKind.Foreign } && model.Owners.ArrivesImported(owned, walk) ? null : finding;
    }

    /// <summary>The same question for a value whose owner is known without its receiver (a plain object's relay, <see cref="RelayedReads.FillerOf"/>).</summary>
    public static CrossStackFinding? Find(CdkModel model, Owner owner, IOperation use, ISymbol? containingSymbol, CancellationToken cancellationToken)
        => Find(model, owner, use, containingSymbol, new ResolutionWalk(cancellationToken, use.SemanticModel), skipStackConstruction: false);

    private static CrossStackFinding? Find(CdkModel model, Owner owner, IOperation use, ISymbol? containingSymbol, ResolutionWalk walk, bool skipStackConstruction)
    {
        var cancellationToken = walk.CancellationToken;
        if (owner.Kind is not (OwnerKind.Stack or OwnerKind.Foreign))
        {
            return null;
        }

        var consumers = new List<Consumer>();
        model.Consumers.CollectConsumers(use, containingSymbol, consumers, walk);
        foreach (var consumer in consumers)
        {
            if (skipStackConstruction && consumer.IsStackConstruction)
            {
                continue;
            }

            if (model.Owners.Compare(owner, consumer.Stack, cancellationToken) == StackRelation.Different)
            {
                return new CrossStackFinding(owner, consumer);
            }
        }

        return null;
    }

    /// <summary>Is the value used only in the stack that owns it (and known to be)?</summary>
    public static bool IsUsedByItsOwner(CdkModel model, IOperation owned, IOperation use, ISymbol? containingSymbol, CancellationToken cancellationToken)
        => IsUsedByItsOwner(model.Owners, model.Consumers, owned, use, containingSymbol, cancellationToken);

    /// <inheritdoc cref="IsUsedByItsOwner(CdkModel, IOperation, IOperation, ISymbol?, CancellationToken)"/>
    public static bool IsUsedByItsOwner(OwnershipResolver owners, ConsumerResolver consumerResolver, IOperation owned, IOperation use, ISymbol? containingSymbol, CancellationToken cancellationToken)
    {
        var walk = new ResolutionWalk(cancellationToken, owned.SemanticModel);
        var owner = owners.OwnerAtSite(owned, containingSymbol, walk);
        var consumers = new List<Consumer>();
        consumerResolver.CollectConsumers(use, containingSymbol, consumers, walk);
        if (consumers.Count == 0)
        {
            return false;
        }

        foreach (var consumer in consumers)
        {
            if (owners.Compare(owner, consumer.Stack, cancellationToken) != StackRelation.Same)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// How a diagnostic names the owner: <c>stack 'ContainerStack'</c>, <c>another instance of stack 'ContainerStack'</c>
    /// when the consumer is of the same class, or another stack when only that much is known.
    /// </summary>
    public static string DescribeOwner(Owner owner, ITypeSymbol? consumerType)
        => owner.Kind == OwnerKind.Stack && owner.StackType is { } type
            ? (SymbolEqualityComparer.Default.Equals(type, consumerType) ? "another instance of stack '" : "stack '") + type.Name + "'"
            : "another stack (it reaches this one through its constructor)";
}
