using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Relays through plain objects: a record or class of strings that a stack fills with its own constructs' volatile
/// reads (<c>Outputs = new ComputeOutputs(Worker.TaskDefinitionArn)</c>) and another stack reads
/// (<c>props.Outputs.WorkerArn</c>). The object is no construct, so the value is owned where it was filled, not where the
/// object is held.
/// </summary>
internal sealed partial class RelayedReads
{
    /// <summary>
    /// A plain object's string member whose every value, anywhere in the source, is a volatile read (or a stack's own
    /// relay) of a construct created under one stack class, made in that class's own code and used by nothing else
    /// there: the relayed member and that class. Values from anywhere else (the app's code, another stack class, a
    /// literal, a parameter) make it no relay: the rule examines them where they are.
    /// </summary>
    private Relay FilledInStack(ISymbol member, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        var sources = FillsOf(member, NamesOf(cancellationToken).StackClasses, cancellationToken);
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
            if (_owners.SiteStack(site, cancellationToken) is not { IsThisStack: true, StackType: { } stack }
                || (filler is not null && !SymbolEqualityComparer.Default.Equals(filler, stack)))
            {
                return Relay.None;
            }

            var volatileRead = VolatileValues.Read(access, semanticModel, catalogue, cancellationToken);
            var read = volatileRead ?? semanticModel.GetOperation(access, cancellationToken) as IMemberReferenceOperation;
            if (read is not { Instance: { } receiver } || read is not (IPropertyReferenceOperation or IFieldReferenceOperation)
                || (volatileRead is not null ? read.Member : RelayOf(read.Member, catalogue, depth + 1, cancellationToken).OwnedByReceiver) is not { } relayedHere)
            {
                return Relay.None;
            }

            // The stack's own construct, and the value used nowhere else in its code: a value that also goes to a
            // construct under another scope is examined there.
            if (!_owners.OwnerAtSite(receiver, site, new ResolutionWalk(cancellationToken, semanticModel)).IsThisStack
                || !CrossStackReferences.IsUsedByItsOwner(_owners, _consumers, receiver, read, site, cancellationToken))
            {
                return Relay.None;
            }

            filler = stack;
            relayed ??= relayedHere;
        }

        return new Relay(relayed, filler);
    }

    /// <summary>
    /// The values a plain object's member gets anywhere in the source: an initializer that is more than an empty start,
    /// every assignment to it through any receiver (object and <c>with</c> initializers included), and for a positional
    /// record's property, the argument each creation of the record gives it (<c>new Outputs(…)</c>, <c>new(…)</c>).
    /// <see langword="default"/> as soon as one cannot be a fill (a value that is no member access in a stack class's
    /// code), or when a record has a constructor of its own or a derived record. Another type's object initializer is
    /// told apart by its type's name, without binding the method it is in.
    /// </summary>
    private ImmutableArray<ExpressionSyntax> FillsOf(ISymbol member, HashSet<string> stackClasses, CancellationToken cancellationToken)
    {
        var fills = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var positional = false;
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case ParameterSyntax:
                    positional = true;
                    break;
                case var declaration when CdkSyntax.DeclaredValue(declaration, out _) is { } value && !CdkSyntax.IsPlaceholder(value) && !CdkSyntax.IsEmptyString(value):
                    // An initializer or a getter: the object's own code, which is no stack's.
                    return default;
            }
        }

        // The types whose object initializers can set it: its own and those derived from it in source.
        var holders = new HashSet<string>(System.StringComparer.Ordinal) { member.ContainingType.Name };
        foreach (var derived in SymbolFacts.SourceTypesDerivedFrom(_sources.Compilation, member.ContainingType, cancellationToken))
        {
            holders.Add(derived.Name);
        }

        foreach (var tree in _sources.Compilation.SyntaxTrees)
        {
            foreach (var token in _sources.Text.AssignedTokensNamed(tree.GetRoot(cancellationToken), member.Name, cancellationToken))
            {
                if (CdkSyntax.AssignmentNamedBy(token) is not { } assignment
                    || IsInOtherTypesInitializer(assignment, holders))
                {
                    // Not an assignment, or one in another type's initializer (new ReaderProps { WorkerArn = … }): told apart by syntax.
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(_sources.SemanticModelFor(tree, null).GetSymbolInfo(assignment.Left, cancellationToken).Symbol?.OriginalDefinition, member))
                {
                    if (!IsInStackCode(assignment, stackClasses))
                    {
                        return default;
                    }

                    fills.Add(assignment.Right);
                }
            }
        }

        return positional && !AddPositionalFills(member, fills, stackClasses, cancellationToken) ? default : fills.ToImmutable();
    }

    /// <summary>The argument every creation of a positional record gives <paramref name="member"/>; false when one cannot be a fill.</summary>
    private bool AddPositionalFills(ISymbol member, ImmutableArray<ExpressionSyntax>.Builder fills, HashSet<string> stackClasses, CancellationToken cancellationToken)
    {
        if (member.ContainingType is not { } record
            || record.InstanceConstructors.Any(constructor => constructor.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax))
            || SymbolFacts.SourceTypesDerivedFrom(_sources.Compilation, record, cancellationToken).Count > 0
            || record.InstanceConstructors.FirstOrDefault(constructor => constructor.Parameters.Any(parameter => parameter.Name == member.Name)) is not { } primary)
        {
            // Another constructor (this(…)) or a derived record (base(…)) passes the value on from where this search does not look.
            return false;
        }

        var ordinal = primary.Parameters.First(parameter => parameter.Name == member.Name).Ordinal;
        var required = primary.Parameters.Count(parameter => !parameter.HasExplicitDefaultValue);
        foreach (var tree in _sources.Compilation.SyntaxTrees)
        {
            // Every new: new Outputs(…), new Ns.Outputs(…), and a target-typed new(…) that could call this constructor.
            foreach (var keyword in _sources.Text.KeywordsNamed(tree.GetRoot(cancellationToken), "new", cancellationToken))
            {
                if (keyword.Parent is not BaseObjectCreationExpressionSyntax creation
                    || (creation is ObjectCreationExpressionSyntax { Type: var type } && CdkSyntax.TypeName(type) != record.Name))
                {
                    continue;
                }

                // new Outputs { … } has no argument list: every argument is left to its default.
                var arguments = creation.ArgumentList?.Arguments ?? default;
                if (arguments.Count < required || arguments.Count > primary.Parameters.Length)
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(_sources.SemanticModelFor(tree, null).GetTypeInfo(creation, cancellationToken).Type?.OriginalDefinition, record))
                {
                    continue;
                }

                // Left to its default, or given outside a stack's code: no relay.
                var argument = ArgumentFor(arguments, member.Name, ordinal);
                if (argument is null || !IsInStackCode(argument, stackClasses))
                {
                    return false;
                }

                fills.Add(argument.Expression);
            }
        }

        return true;
    }

    /// <summary>The argument named <paramref name="name"/>, or else the one at <paramref name="ordinal"/> before any named one.</summary>
    private static ArgumentSyntax? ArgumentFor(SeparatedSyntaxList<ArgumentSyntax> arguments, string name, int ordinal)
    {
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            if (argument.NameColon is { } named ? named.Name.Identifier.ValueText == name : index == ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>What a member relays: the catalogue member, and for a plain object's relay the stack class that filled it.</summary>
    private readonly struct Relay
    {
        public Relay(ISymbol? member, INamedTypeSymbol? filler)
        {
            Member = member;
            Filler = filler;
        }

        public static Relay None => default;

        public ISymbol? Member { get; }

        public INamedTypeSymbol? Filler { get; }

        /// <summary>The member, for a stack's or construct's own relay (owned where the object read is).</summary>
        public ISymbol? OwnedByReceiver => Filler is null ? Member : null;
    }
}
