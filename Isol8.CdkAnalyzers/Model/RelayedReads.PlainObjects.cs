using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Relays through plain objects: a record or class of strings that a stack fills with its own constructs' volatile
/// reads (<c>Outputs = new ComputeOutputs(Worker.TaskDefinitionArn)</c>), or keeps with another stack's, and another
/// stack reads (<c>props.Outputs.WorkerArn</c>). The object is no construct, so the value is owned by the stack whose
/// construct was read, not where the object is held.
/// </summary>
internal sealed partial class RelayedReads
{
    /// <summary>
    /// A plain object's string member whose every value, anywhere in the source, is a volatile read (or a stack's own
    /// relay) of a construct created under one stack class, made in that class's own code and used by nothing else
    /// there, or made in a stack's code that puts it in an object a stack keeps (<see cref="StackKeptObjects"/>): the
    /// relayed member and that class. Values from anywhere else (the app's code, stacks that disagree, a literal, a
    /// parameter) make it no relay: the rule examines them where they are.
    /// </summary>
    private Relay FilledInStack(ISymbol member, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        var sources = _fills.Of(member, cancellationToken);
        if (sources.IsDefaultOrEmpty)
        {
            return Relay.None;
        }

        INamedTypeSymbol? filler = null;
        ISymbol? relayed = null;
        foreach (var source in sources)
        {
            if (CdkSyntax.WalkDownParenthesesAndCasts(source) is not MemberAccessExpressionSyntax access)
            {
                return Relay.None;
            }

            var semanticModel = _sources.SemanticModelFor(access.SyntaxTree, null);
            var site = semanticModel.GetEnclosingSymbol(access.SpanStart, cancellationToken);
            if (!_owners.SiteStack(site, cancellationToken).IsThisStack)
            {
                return Relay.None;
            }

            if (RelayedRead(access, semanticModel, catalogue, depth, cancellationToken) is not ({ Instance: { } receiver } read, { } relayedHere))
            {
                return Relay.None;
            }

            // The stack's own construct, and the value used nowhere else in its code (a value that also goes to a
            // construct under another scope is examined there); or another stack's, put in an object a stack keeps
            // (Outputs = new ComputeOutputs { TaskArn = tasks.Task.TaskDefinitionArn }): a relay of that stack's.
            var owner = _owners.OwnerAtSite(receiver, site, new ResolutionWalk(cancellationToken, semanticModel));
            var stack = owner.IsThisStack
                ? (CrossStackReferences.IsUsedByItsOwner(_owners, _consumers, receiver, read, site, cancellationToken) ? owner.StackType : null)
                : (owner.IsKnownStack && _owners.IsKeptFill(source, member, semanticModel, cancellationToken) ? owner.StackType : null);
            if (stack is null || (filler is not null && !SymbolEqualityComparer.Default.Equals(filler, stack)))
            {
                return Relay.None;
            }

            filler = stack;
            relayed ??= relayedHere;
        }

        return new Relay(relayed, filler);
    }

    /// <summary>
    /// Is <paramref name="read"/>, a volatile read, the value a stack puts in a plain object's relay (<c>Outputs = new
    /// ComputeOutputs { TaskArn = tasks.Task.TaskDefinitionArn }</c>, a positional record's argument), the owner's or
    /// another stack's? The object renders nothing: each read of the relay renders the value where it is used and is
    /// reported there. (The owner's own fill is one its own stack uses: nothing to report either way.)
    /// </summary>
    public bool IsFillOfAPlainObjectRelay(ExpressionSyntax read, SemanticModel semanticModel, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var value = CdkSyntax.WalkUpParenthesesAndCasts(read);
        var filled = value.Parent switch
        {
            AssignmentExpressionSyntax assignment when assignment.Right == value => semanticModel.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
            ArgumentSyntax { Parent.Parent: BaseObjectCreationExpressionSyntax } argument
                => SymbolFacts.PositionalProperty((semanticModel.GetOperation(argument, cancellationToken) as IArgumentOperation)?.Parameter),
            _ => null,
        };

        return filled is { DeclaringSyntaxReferences.IsEmpty: false } && FillerOf(filled, catalogue, cancellationToken) is not null;
    }

    /// <summary>
    /// What a member relays: the catalogue member; for a plain object's relay the stack class that filled it; for a method
    /// relaying reads of what it is given, those reads' receivers.
    /// </summary>
    private readonly struct Relay
    {
        public Relay(ISymbol? member, INamedTypeSymbol? filler, GivenReads? given = null)
        {
            Member = member;
            Filler = filler;
            Given = given;
        }

        public static Relay None => default;

        public ISymbol? Member { get; }

        public INamedTypeSymbol? Filler { get; }

        public GivenReads? Given { get; }

        /// <summary>The member, for a stack's or construct's own relay (owned where the object read is).</summary>
        public ISymbol? OwnedByReceiver => Filler is null && Given is null ? Member : null;
    }
}
