using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// CDK objects that wrap a value of another construct: imported references (<c>TaskDefinition.FromTaskDefinitionArn(…)</c>,
/// <c>From…Attributes</c>), who owns one and where one travels (into a stack through its constructor or props, through
/// members and locals); SSM parameters created with a volatile value; versions kept as an <c>IFunction</c>. All follow
/// what the source gives a member, local or stack constructor parameter (<see cref="SourcesOf"/>). The travel questions
/// are asked only of a finding about to be reported or fixed, the relays only behind a syntactic test.
/// </summary>
internal sealed partial class OwnershipResolver
{
    /// <summary>How many steps (a local, a member, a constructor's creations) the searches follow.</summary>
    private const int MaxImportSteps = 4;

    // What the source gives each stack constructor parameter or member; default when it cannot all be seen.
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ExpressionSyntax>> _givenValues = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// An imported reference belongs to the importer and is not volatile, unless it wraps the volatile value of a
    /// construct in the importer's own stack (<c>TaskDefinition.FromTaskDefinitionArn(this, "Task", cfnTask.AttrTaskDefinitionArn)</c>,
    /// <c>Version.FromVersionAttributes(this, "V", new VersionAttributes { Version = cfnVersion.AttrVersion, … })</c>, the way
    /// L1 resources are given to L2 constructs): its reads and hand-overs render that value, so it is owned as that
    /// construct is. One wrapping another stack's value is silent here: the read in its argument is the cross-stack one.
    /// </summary>
    private Owner OwnerOfImport(IInvocationOperation invocation, IOperation scope, ResolutionWalk walk)
        => WrappedOwner(invocation.Arguments, scope, walk) ?? Owner.Imported;

    /// <summary>
    /// The owner of the volatile value that a call's or creation's arguments wrap (directly, or as a member of a props or
    /// attributes object), when it is a construct's of the same stack as <paramref name="scope"/>; null otherwise.
    /// </summary>
    private Owner? WrappedOwner(ImmutableArray<IArgumentOperation> arguments, IOperation scope, ResolutionWalk walk)
    {
        foreach (var argument in arguments)
        {
            if (WrappedVolatileRead(argument.Value) is { } read)
            {
                var wrapped = OwnerOf(read.Instance, walk);
                if (wrapped.Kind is OwnerKind.This or OwnerKind.Stack && wrapped.Equals(OwnerOf(scope, walk)))
                {
                    return wrapped;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Does this read of one of CDK's own members relay a volatile value of the receiver's stack? An SSM parameter's
    /// <c>StringValue</c> (see <see cref="RelaysVolatileValue"/>), and the <c>FunctionArn</c> of a function that is a
    /// published version (see <see cref="HoldsOnlyVersions"/>). The caller has asked <see cref="CdkModel.MayRelayThroughCdkMember"/> first.
    /// </summary>
    public bool RelaysThroughCdkMember(IPropertyReferenceOperation read, ResolutionWalk walk)
        => read.Instance is { } receiver
            && read.Property.Name switch
            {
                KnownCdkNames.StringValue => _types.StringParameter is { } stringParameter && TypeRelations.IsOrInherits(receiver.Type, stringParameter)
                    && RelaysVolatileValue(receiver, MaxImportSteps, walk),
                KnownCdkNames.FunctionArn => IsVersionHeldAsFunction(receiver, walk),
                _ => false,
            };

    /// <summary>
    /// Is <paramref name="parameter"/>, the receiver of a <c>StringValue</c> read, an SSM <c>StringParameter</c> created,
    /// wherever the source gives it a value, with a volatile value of a construct of its own stack (<c>new
    /// StringParameter(this, "WorkerArn", new StringParameterProps { StringValue = worker.TaskDefinitionArn })</c>)? Its
    /// <c>StringValue</c> renders as the parameter's <c>Fn::GetAtt Value</c>, which changes with that value: read in
    /// another stack, it is exported and imported as the value itself would be.
    /// </summary>
    private bool RelaysVolatileValue(IOperation parameter, int steps, ResolutionWalk walk)
    {
        if (OperationFlow.Unwrap(parameter) is IObjectCreationOperation creation)
        {
            // RelaysThroughCdkMember has checked the type: a StringParameter's creation, or a subclass's, whose props carry the value.
            return ScopeArgument(creation.Arguments) is { } scope && WrappedOwner(creation.Arguments, scope, walk) is not null;
        }

        if (steps == 0 || SourcesOf(parameter, walk) is not { Count: > 0 } sources)
        {
            return false;
        }

        foreach (var (source, _) in sources)
        {
            if (!RelaysVolatileValue(source, steps - 1, walk))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The volatile read an imported reference's argument is, directly or as a member of its attributes object.</summary>
    private IMemberReferenceOperation? WrappedVolatileRead(IOperation argument)
    {
        var value = OperationFlow.Unwrap(argument);
        if (value is IObjectCreationOperation { Initializer: { } attributes })
        {
            foreach (var initializer in attributes.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Value: var attribute } && VolatileRead(attribute) is { } read)
                {
                    return read;
                }
            }

            return null;
        }

        return VolatileRead(value);
    }

    private IMemberReferenceOperation? VolatileRead(IOperation value)
        => OperationFlow.Unwrap(value) is IMemberReferenceOperation { Instance: { } receiver } read
            && read is IPropertyReferenceOperation or IFieldReferenceOperation
            && _builtInCatalogue().IsVolatile(read.Member, receiver.Type)
                ? read
                : null;

    /// <summary>
    /// Is this value, typed exactly as <c>IFunction</c>, a published version wherever the source gives it one (see
    /// <see cref="HoldsOnlyVersions"/>)? Handed to a construct, it renders as the version's ARN.
    /// </summary>
    public bool IsVersionHeldAsFunction(IOperation value, ResolutionWalk walk)
        => _types.IFunction is { } function && SymbolEqualityComparer.Default.Equals(value.Type, function)
            && HoldsOnlyVersions(value, MaxImportSteps, walk);

    /// <summary>
    /// Is <paramref name="function"/>, typed as a function, a published version at every value the source gives it
    /// (<c>public IFunction Handler { get; }</c> set to <c>fn.CurrentVersion</c>)? Its <c>FunctionArn</c> is then the
    /// version's ARN, which changes with every new version. False when any value is another function, or unseen.
    /// </summary>
    private bool HoldsOnlyVersions(IOperation function, int steps, ResolutionWalk walk)
    {
        if (steps == 0 || SourcesOf(function, walk) is not { Count: > 0 } sources)
        {
            return false;
        }

        foreach (var (source, _) in sources)
        {
            var value = OperationFlow.Unwrap(source);
            if (!_types.Is(value.Type, CdkTypeKind.FunctionVersion) && !HoldsOnlyVersions(value, steps - 1, walk))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Is a value that reached a stack through its constructor an imported reference wherever the source gives it one
    /// (<c>new UserStack(app, "User", new UserProps { Task = shared.Legacy })</c>, where <c>Legacy</c> is a
    /// <c>FromTaskDefinitionArn</c> of a literal ARN)? Then it names what it was given, a constant: nothing is exported.
    /// False when any value is something else, or the values cannot all be seen.
    /// </summary>
    public bool ArrivesImported(IOperation value, ResolutionWalk walk) => ArrivesImported(value, MaxImportSteps, walk);

    /// <summary>
    /// Might <paramref name="value"/> be an imported reference, a <c>From…</c> call's result, wrapping another value or
    /// not (through locals, members, a stack constructor's creations)? Such a reference lacks what it was not given (a
    /// task definition imported by ARN has no task role or network mode, and reading them fails the synthesis), so the
    /// fix that copies them into a new import must not take it.
    /// </summary>
    public bool MayBeImported(IOperation value, ResolutionWalk walk) => MayBeImported(value, MaxImportSteps, walk);

    private bool ArrivesImported(IOperation value, int steps, ResolutionWalk walk)
    {
        if (steps == 0 || SourcesOf(value, walk) is not { Count: > 0 } sources)
        {
            return false;
        }

        foreach (var (source, containingSymbol) in sources)
        {
            var owner = OwnerAtSite(source, containingSymbol, walk);
            if (owner.Kind is not (OwnerKind.Imported or OwnerKind.Stable)
                && !(owner.Kind == OwnerKind.Foreign && ArrivesImported(source, steps - 1, walk)))
            {
                return false;
            }
        }

        return true;
    }

    private bool MayBeImported(IOperation value, int steps, ResolutionWalk walk)
    {
        if (OperationFlow.Unwrap(value) is IInvocationOperation { TargetMethod: { IsStatic: true } method } invocation
            && method.Name.StartsWith("From", System.StringComparison.Ordinal) && _types.Is(method.ReturnType, CdkTypeKind.Construct))
        {
            return ScopeArgument(invocation.Arguments) is not null;
        }

        if (steps == 0 || SourcesOf(value, walk) is not { } sources)
        {
            return false;
        }

        foreach (var (source, _) in sources)
        {
            if (MayBeImported(source, steps - 1, walk))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// One step back to where a value comes from: a local's values; a source field's or property's, set by any code
    /// (its initializer, <c>Task = …</c> in an object initializer or <c>with</c>, <c>props.Task = …</c>); a stack
    /// constructor's parameter's arguments at every <c>new</c> of the stack; what a collection member's class put into it,
    /// for one of its elements. Null when the step cannot be taken whole (a
    /// positional record's member, a stack class with subclasses or created through another constructor, an expression
    /// with no operation).
    /// </summary>
    private List<(IOperation Source, ISymbol? ContainingSymbol)>? SourcesOf(IOperation value, ResolutionWalk walk)
    {
        var cancellationToken = walk.CancellationToken;
        var values = OperationFlow.Unwrap(value) switch
        {
            ILocalReferenceOperation local => _sources.OfLocal(local.Local, local.Syntax, local.SemanticModel, cancellationToken),
            IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter }
                when _types.IsTopLevelStack(constructor.ContainingType)
                => Given(parameter, walk),
            IPropertyReferenceOperation { Arguments.Length: 0, Property: var property } => Given(property, walk),
            IFieldReferenceOperation { Field: var field } => Given(field, walk),
            _ => default,
        };
        if (values.IsDefault)
        {
            // An element of a collection member (handlers["api"], a foreach over it): what its class put into it.
            values = ElementsReadFrom(OperationFlow.Unwrap(value), walk);
        }

        return values.IsDefault ? null : Operations(values, walk);
    }

    /// <summary>What the source gives a stack constructor's parameter or a member, worked out once per symbol (a search of every tree).</summary>
    private ImmutableArray<ExpressionSyntax> Given(ISymbol symbol, ResolutionWalk walk)
    {
        var key = symbol.OriginalDefinition;
        if (_givenValues.TryGetValue(key, out var known))
        {
            return known;
        }

        var values = key is IParameterSymbol { ContainingSymbol: IMethodSymbol constructor } parameter
            ? ArgumentsAtCreations(parameter, constructor, walk.CancellationToken)
            : ValuesSetTo(key, walk.CancellationToken);
        _givenValues.TryAdd(key, values);
        return values;
    }

    private ImmutableArray<ExpressionSyntax> ArgumentsAtCreations(IParameterSymbol parameter, IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var stackType = constructor.ContainingType;
        if (_declarations.HasSourceSubclass(stackType.Name, cancellationToken))
        {
            // A subclass passes its own values to this constructor through base(…): not a creation of this class.
            return default;
        }

        var arguments = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var (creation, semanticModel) in _sources.CreationsOf(stackType, cancellationToken))
        {
            if (semanticModel.GetOperation(creation, cancellationToken) is not IObjectCreationOperation created
                || !SymbolEqualityComparer.Default.Equals(created.Constructor?.OriginalDefinition, constructor)
                || OperationFlow.ExplicitArgument(created.Arguments, parameter.Ordinal)?.Syntax is not ExpressionSyntax argument)
            {
                return default;
            }

            arguments.Add(argument);
        }

        return arguments.ToImmutable();
    }

    private ImmutableArray<ExpressionSyntax> ValuesSetTo(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.IsEmpty)
        {
            return default;
        }

        var values = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            if (declaration is not (PropertyDeclarationSyntax or VariableDeclaratorSyntax))
            {
                // A positional record's or primary constructor's member: its value comes from a constructor's argument.
                return default;
            }

            if (CdkSyntax.DeclaredValue(declaration, out _) is { } declared && !CdkSyntax.IsPlaceholder(declared))
            {
                values.Add(declared);
            }
        }

        foreach (var tree in _sources.Compilation.SyntaxTrees)
        {
            foreach (var assignment in _sources.AssignmentsTo(member, tree.GetRoot(cancellationToken), cancellationToken))
            {
                // Plain or ??=: a construct member takes no other assignment.
                values.Add(assignment.Right);
            }
        }

        return values.ToImmutable();
    }

    private List<(IOperation Source, ISymbol? ContainingSymbol)>? Operations(ImmutableArray<ExpressionSyntax> expressions, ResolutionWalk walk)
    {
        var operations = new List<(IOperation, ISymbol?)>(expressions.Length);
        foreach (var expression in expressions)
        {
            var semanticModel = _sources.SemanticModelFor(expression.SyntaxTree, walk.SiteModel);
            if (semanticModel.GetOperation(expression, walk.CancellationToken) is not { } operation)
            {
                return null;
            }

            operations.Add((operation, semanticModel.GetEnclosingSymbol(expression.SpanStart, walk.CancellationToken)));
        }

        return operations;
    }
}
