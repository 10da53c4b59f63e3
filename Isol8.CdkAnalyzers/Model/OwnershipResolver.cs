using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Answers "which stack owns this construct?" for one compilation. Values flow through locals, fields and
/// properties of one class; <c>new X(scope, …)</c> belongs to the owner of <c>scope</c>; a stack-typed expression
/// other than <c>this</c> is another stack; what reaches a stack through its constructor belongs to another stack.
/// </summary>
internal sealed partial class OwnershipResolver
{
    private readonly CdkTypes _types;
    private readonly ValueSources _sources;
    private readonly SyntacticScope _scope;
    private readonly NestedStackParents _nestedStackParents;
    private readonly CollectionElements _collections;
    private readonly ConstructHosts _hosts;
    private readonly ConcurrentDictionary<ISymbol, Owner> _memberOwners = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Owner> _methodSummaries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<GivenReads, Owner> _givenReadSummaries = new();

    /// <summary>Per factory method of an app's object, the constructor parameter whose construct it creates under (<see cref="FactoryScopeOf"/>).</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, IParameterSymbol?> _factoryScopes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, Owner> _elementOwners = new(SymbolEqualityComparer.Default);
    private readonly Lazy<INamedTypeSymbol?> _keyValuePair;
    private readonly CollectionQueries _queries;
    private readonly ConcurrentDictionary<ISymbol, Owner> _plainObjectFills = new(SymbolEqualityComparer.Default);
    private readonly PlainObjectFills _fills;
    private readonly ConcurrentDictionary<IParameterSymbol, Owner> _parameterOwners = new(SymbolEqualityComparer.Default);

    // The built-in catalogue: an owner is cached per symbol for every set of options, so it cannot ask theirs.
    private readonly Func<VolatileCatalogue> _builtInCatalogue;
    private readonly SourceDeclarations _declarations;
    private readonly StackKeptObjects _kept;

    public OwnershipResolver(CdkTypes types, ValueSources sources, SourceDeclarations declarations, SyntacticScope scope, NestedStackParents nestedStackParents, CollectionElements collections, ConstructHosts hosts, CollectionQueries queries, PlainObjectFills fills, Func<VolatileCatalogue> builtInCatalogue)
    {
        _fills = fills;
        _builtInCatalogue = builtInCatalogue;
        _declarations = declarations;
        _kept = new StackKeptObjects(types, sources, declarations);
        _collections = collections;
        _keyValuePair = new Lazy<INamedTypeSymbol?>(() => sources.Compilation.GetTypeByMetadataName("System.Collections.Generic.KeyValuePair`2"));
        _queries = queries;
        _hosts = hosts;
        _types = types;
        _sources = sources;
        _scope = scope;
        _nestedStackParents = nestedStackParents;
    }

    /// <summary>The owner of <paramref name="operation"/>'s value, with <c>this</c> bound to the stack the code is written in.</summary>
    public Owner OwnerAtSite(IOperation? operation, ISymbol? containingSymbol, ResolutionWalk walk)
    {
        var owner = OwnerOf(operation, walk);
        return owner.Kind == OwnerKind.This ? SiteStack(containingSymbol, walk.CancellationToken) : owner;
    }

    /// <summary>
    /// The stack the code runs in, when it is written in an instance member of a stack class, or of a construct class
    /// of the app's that every creation puts in the same stack class (<see cref="ConstructHosts"/>).
    /// </summary>
    public Owner SiteStack(ISymbol? containingSymbol, System.Threading.CancellationToken cancellationToken)
    {
        var member = SymbolFacts.EnclosingMember(containingSymbol);

        if (member is null || member.IsStatic || member.ContainingType is not { } type)
        {
            return Owner.Unknown;
        }

        if (_types.Is(type, CdkTypeKind.Stack))
        {
            return Owner.ThisStack(type);
        }

        return _types.Is(type, CdkTypeKind.Construct) && _hosts.HostOf(type, this, cancellationToken) is { } host ? Owner.HostedIn(host, type) : Owner.Unknown;
    }

    /// <summary>Relates the owner of a value to a stack that uses it.</summary>
    public StackRelation Compare(Owner owner, Owner consumer, System.Threading.CancellationToken cancellationToken)
    {
        if (!consumer.IsKnownStack)
        {
            return StackRelation.Unknown;
        }

        if (IsNested(consumer.StackType))
        {
            return CompareWithNested(owner, consumer, cancellationToken);
        }

        if (owner.Kind == OwnerKind.Foreign)
        {
            // A static helper every call of which passes 'this' of the receiving stack class as its scope, and a value
            // that reached that instance through its constructor: each call uses it in the instance it is foreign to.
            return consumer.IsThisStack || (consumer.IsHost && SymbolEqualityComparer.Default.Equals(consumer.StackType, owner.StackType))
                ? StackRelation.Different
                : StackRelation.Unknown;
        }

        if (!owner.IsKnownStack || IsNested(owner.StackType))
        {
            return StackRelation.Unknown;
        }

        if (owner.IsByClass && TypeRelations.AreRelated(owner.StackType!, consumer.StackType!))
        {
            // A static member read by its own class, or a value its class filled in: the instance that set it may be this one.
            return StackRelation.Unknown;
        }

        if (owner.IsHost || consumer.IsHost)
        {
            // Known by class only: the same construct class's code agrees with itself; a related stack class may be the same instance.
            return owner.Equals(consumer) ? StackRelation.Same
                : TypeRelations.AreRelated(owner.StackType!, consumer.StackType!) ? StackRelation.Unknown
                : StackRelation.Different;
        }

        if (owner.IsThisStack || consumer.IsThisStack)
        {
            return owner.IsThisStack && consumer.IsThisStack ? StackRelation.Same : StackRelation.Different;
        }

        if (owner.Equals(consumer))
        {
            return StackRelation.Same;
        }

        if ((owner.Key is SyntaxNode && consumer.Key is SyntaxNode) || IsCreatedAsAnotherClass(owner, consumer) || IsCreatedAsAnotherClass(consumer, owner))
        {
            return StackRelation.Different;
        }

        return TypeRelations.AreRelated(owner.StackType!, consumer.StackType!) ? StackRelation.Unknown : StackRelation.Different;
    }

    /// <summary>
    /// Is <paramref name="created"/> a stack made by <c>new T(…)</c>, so exactly a <c>T</c>, where <c>T</c> is not the
    /// class of the stack <paramref name="held"/> by a parameter or member, nor derives from it? Then they are two
    /// stacks: <c>new Stack(app, "Reports")</c> in a helper is never the <c>ComputeStack compute</c> it was given.
    /// </summary>
    private static bool IsCreatedAsAnotherClass(Owner created, Owner held)
        => created.Key is SyntaxNode && !TypeRelations.IsOrInherits(created.StackType, held.StackType!);

    /// <summary>The owner of <paramref name="operation"/>'s value; <see cref="OwnerKind.This"/> when it is the instance the code is written in.</summary>
    public Owner OwnerOf(IOperation? operation, ResolutionWalk walk)
    {
        if (operation is null || !walk.TryEnter())
        {
            return Owner.Unknown;
        }

        try
        {
            var value = OperationFlow.Unwrap(operation);
            if (value is IInstanceReferenceOperation)
            {
                return Owner.This;
            }

            if (value is IParameterReferenceOperation { Parameter: var summarized } && IsSummarizedParameter(summarized, walk))
            {
                return Owner.OfParameter(summarized.Ordinal);
            }

            if (_types.Is(value.Type, CdkTypeKind.Stack))
            {
                return StackIdentityOf(value, walk);
            }

            return value switch
            {
                IObjectCreationOperation creation => _types.Is(creation.Type, CdkTypeKind.Construct) ? OwnerOf(ScopeArgument(creation.Arguments), walk) : Owner.Unknown,
                IInvocationOperation invocation => OwnerOfInvocation(invocation, walk),
                ILocalReferenceOperation local => OwnerOfLocal(local.Local, local.Syntax, local.SemanticModel, walk),
                IParameterReferenceOperation { Parameter: var lambdaParameter } when SymbolFacts.IsLambdaParameter(lambdaParameter) => OwnerOfLambdaElement(lambdaParameter, walk),
                IParameterReferenceOperation parameter => OwnerOfParameter(parameter.Parameter, walk),
                IFieldReferenceOperation { Field.ContainingType.IsTupleType: true, Instance: { } tuple } element => OwnerOfTupleElement(tuple, ImmutableArray.Create(TupleIndex(element.Field)), 0, walk),
                IFieldReferenceOperation field => OwnerOfMember(field.Field, field.Instance, walk),
                IPropertyReferenceOperation { Property.Name: "Value", Instance: ILocalReferenceOperation or IParameterReferenceOperation } pairValue when IsKeyValuePair(pairValue.Property.ContainingType) => OwnerOfPairValue(pairValue, walk),
                IPropertyReferenceOperation { Arguments.Length: 0 } property => OwnerOfMember(property.Property, property.Instance, walk),
                IConditionalOperation { WhenFalse: not null } conditional => OwnerOfEither(conditional.WhenTrue, conditional.WhenFalse, walk),
                ICoalesceOperation coalesce => OwnerOfEither(coalesce.Value, coalesce.WhenNull, walk),

                // A lazily created member (TaskDef => _taskDef ??= new FargateTaskDefinition(this, …)): the field and the new value agree.
                ICoalesceAssignmentOperation lazy => Owner.Combine(OwnerOf(lazy.Target, walk), OwnerOf(lazy.Value, walk)),
                ISwitchExpressionOperation switchExpression => OwnerOfArms(switchExpression, walk),
                IConditionalAccessOperation conditionalAccess => OwnerOf(conditionalAccess.WhenNotNull, walk),
                IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements } => OwnerOfAll(elements, walk),
                IArrayElementReferenceOperation element => OwnerOf(element.ArrayReference, walk),
                IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection } indexer when _types.Is(indexer.Type, CdkTypeKind.Construct) => OwnerOfElements(collection, walk),
                _ => Owner.Unknown,
            };
        }
        finally
        {
            walk.Exit();
        }
    }

    /// <summary>The argument a construct's constructor takes as its scope: the first parameter, typed as a construct.</summary>
    public IOperation? ScopeArgument(IEnumerable<IArgumentOperation> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { Ordinal: 0 } parameter && _types.Is(parameter.Type, CdkTypeKind.Construct))
            {
                return argument.Value;
            }
        }

        return null;
    }


    private bool IsNested(ITypeSymbol? stackType) => _types.Is(stackType, CdkTypeKind.NestedStack);

    /// <summary>
    /// Code in a nested stack class: its parent's values reach it as parameters, never exports, so only a known
    /// top-level stack of a class unrelated to both the nested stack and the one stack class that creates it is
    /// another stack. Anything else (the parent, a construct it received, a class the parent might be) is unknown.
    /// </summary>
    private StackRelation CompareWithNested(Owner owner, Owner consumer, System.Threading.CancellationToken cancellationToken)
    {
        if (!consumer.IsThisStack || owner.Kind != OwnerKind.Stack || owner.IsThisStack || IsNested(owner.StackType)
            || consumer.StackType is not INamedTypeSymbol nested
            || _nestedStackParents.ParentOf(nested, cancellationToken) is not { } parent)
        {
            return StackRelation.Unknown;
        }

        return TypeRelations.AreRelated(owner.StackType!, parent) || TypeRelations.AreRelated(owner.StackType!, nested)
            ? StackRelation.Unknown
            : StackRelation.Different;
    }

    private Owner StackIdentityOf(IOperation value, ResolutionWalk walk)
    {
        var type = value.Type as INamedTypeSymbol;
        switch (value)
        {
            case IObjectCreationOperation when type is not null:
                return Owner.CreatedStack(type, value.Syntax);
            case IInvocationOperation invocation:
                return OwnerOfInvocation(invocation, walk);
            case IConditionalOperation { WhenFalse: not null } conditional:
                return OwnerOfEither(conditional.WhenTrue, conditional.WhenFalse, walk);
        }

        var created = value switch
        {
            ILocalReferenceOperation local => OwnerOfLocal(local.Local, local.Syntax, local.SemanticModel, walk),

            // A helper's plain Stack parameter (AddOutput(Stack scope), called with 'this' each time): what its calls give it.
            IParameterReferenceOperation parameter when type is null || SymbolEqualityComparer.Default.Equals(type, _types.Stack) => OwnerOfParameter(parameter.Parameter, walk),
            IMemberReferenceOperation member when member.Instance is null || OperationFlow.Unwrap(member.Instance) is IInstanceReferenceOperation => OwnMemberOwner(member.Member, walk),
            _ => Owner.Unknown,
        };
        if (created.IsKnownStack && created.Key is SyntaxNode)
        {
            return created;
        }

        if (type is null || SymbolEqualityComparer.Default.Equals(type, _types.Stack))
        {
            // A plain Stack reference says which stack it is only through what it was set to (Stack.Of(this), Stack.Of
            // a construct of a known stack). Held anywhere else (a parameter, a source the model cannot see), it says
            // nothing.
            return created.Kind == OwnerKind.This || created.IsKnownStack ? created : Owner.Unknown;
        }

        switch (value)
        {
            case ILocalReferenceOperation local:
                return created.IsKnownStack ? created : Owner.HeldStack(type, local.Local);
            case IParameterReferenceOperation parameter:
                return Owner.HeldStack(type, parameter.Parameter);
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection }:
                return HolderOf(collection) is { } list ? Owner.HeldStack(type, list) : Owner.Unknown;
            case IMemberReferenceOperation member:
                return Owner.HeldStack(type, member.Member);
            case IArrayElementReferenceOperation { ArrayReference: var array }:
                // services[0]: one of the stacks the array holds, told apart from others by the array only, so two
                // elements of it count as one stack (silent), and a stack of another class as another.
                return HolderOf(array) is { } holder ? Owner.HeldStack(type, holder) : Owner.Unknown;
            default:
                return Owner.Unknown;
        }
    }

    /// <summary>The local, parameter, field or property an array or list of stacks is read from; null for anything else.</summary>
    private static ISymbol? HolderOf(IOperation collection)
        => OperationFlow.Unwrap(collection) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            IPropertyReferenceOperation { Arguments.Length: 0 } property => property.Property,
            _ => null,
        };

    private Owner OwnerOfInvocation(IInvocationOperation invocation, ResolutionWalk walk)
    {
        var method = invocation.TargetMethod;
        if (!method.DeclaringSyntaxReferences.IsEmpty)
        {
            return OwnerOfSourceMethodCall(invocation, walk);
        }

        var queryKind = _queries.KindOf(method);
        if (queryKind != CollectionQueries.Kind.NotAQuery)
        {
            // props.Workers.First(), workers.Find(w => …): an element of the source; specs.Select(s => NewTask(s)).ToArray():
            // an array whose elements the lambda builds.
            return OwnerOfQueryResult(invocation, queryKind, walk);
        }

        if (method.IsStatic)
        {
            if (method.Name == "Of" && invocation.Arguments.Length == 1 && SymbolEqualityComparer.Default.Equals(method.ContainingType, _types.Stack))
            {
                return OwnerOf(invocation.Arguments[0].Value, walk);
            }

            // TaskDefinition.FromTaskDefinitionArn(scope, …), Version.FromVersionArn(scope, …): an imported reference.
            if (method.Name.StartsWith("From", System.StringComparison.Ordinal)
                && _types.Is(method.ReturnType, CdkTypeKind.Construct)
                && ScopeArgument(invocation.Arguments) is { } scope)
            {
                return OwnerOfImport(invocation, scope, walk);
            }

            return Owner.Unknown;
        }

        // fn.AddVersion(…), taskDef.AddContainer(…): the new construct lives under the receiver.
        if (invocation.Instance is { } receiver
            && method.Name.StartsWith("Add", System.StringComparison.Ordinal)
            && _types.Is(receiver.Type, CdkTypeKind.Construct)
            && _types.Is(method.ReturnType, CdkTypeKind.Construct))
        {
            return OwnerOf(receiver, walk);
        }

        return Owner.Unknown;
    }

    private static bool IsSummarizedParameter(IParameterSymbol parameter, ResolutionWalk walk)
        => walk.SummaryMethod is { } summarized && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, summarized);

    private Owner OwnerOfMember(ISymbol member, IOperation? instance, ResolutionWalk walk, int element = -1)
    {
        if (instance is null)
        {
            return member.IsStatic && element < 0 ? OwnerOfStaticMember(member, walk) : Owner.Unknown;
        }

        var receiver = OperationFlow.Unwrap(instance);

        // ((ITaskSource)api).Main: the member of the receiver's class that implements the interface's, explicitly or not.
        member = ImplementationIn(receiver.Type, member, walk.CancellationToken) ?? member;
        if (receiver is IInstanceReferenceOperation)
        {
            return RelativeOwner(member, element, walk);
        }

        // construct.Node.DefaultChild: the escape hatch to a construct's own L1 resource, a child of it, in its stack.
        if (member.Name == KnownCdkNames.DefaultChild
            && receiver is IPropertyReferenceOperation { Instance: { } construct } node
            && _types.ConstructNode is { } nodeType
            && SymbolEqualityComparer.Default.Equals(node.Type, nodeType)
            && _types.Is(construct.Type, CdkTypeKind.Construct))
        {
            return OwnerOf(construct, walk);
        }

        var receiverOwner = OwnerOf(receiver, walk);
        if (!_types.Is(receiver.Type, CdkTypeKind.Construct))
        {
            if (receiverOwner is { IsKnownStack: true, IsThisStack: false, Key: SyntaxNode, StackType: { } createdAs }
                && member.ContainingType is { TypeKind: TypeKind.Interface }
                && createdAs.FindImplementationForInterfaceMember(member) is { } implementation)
            {
                // A stack created as PoolStack, read through an interface of the app's it implements (pool.Worker of an
                // IPoolOutputs): the member of the class it was created as.
                var implemented = RelativeOwner(implementation, element, walk);
                return implemented.Kind == OwnerKind.Foreign ? Owner.Unknown : implemented.Bind(receiverOwner);
            }

            // A props object or another plain value: what it carries into a stack's constructor is foreign there,
            // unless that stack's own code fills the member in (registry.Worker = worker): then it may be its own.
            if (receiverOwner.Kind == OwnerKind.Foreign)
            {
                return _sources.IsSetThroughReceiverIn(member, receiverOwner.StackType!, walk.CancellationToken) ? Owner.Unknown : receiverOwner;
            }

            // Any other object of the app's (compute.Outputs.Worker, a local holding it): what one stack class put in it.
            return element < 0 ? OwnerOfPlainObjectFill(member, walk) : Owner.Unknown;
        }

        switch (receiverOwner.Kind)
        {
            case OwnerKind.Unknown:
            case OwnerKind.Imported:
            case OwnerKind.Stable:
                return receiverOwner;
        }

        var relative = RelativeOwner(member, element, walk);

        // Another instance got this member from elsewhere: which stack that is, its class cannot say.
        return relative.Kind == OwnerKind.Foreign ? Owner.Unknown : relative.Bind(receiverOwner);
    }

    /// <summary>The owner of a member's value, or with an <paramref name="element"/> of its tuple's element there, relative to the instance.</summary>
    private Owner RelativeOwner(ISymbol member, int element, ResolutionWalk walk)
        => element < 0 ? OwnMemberOwner(member, walk) : OwnMemberElementOwner(member, element, walk);

    /// <summary>The owner of a field's or property's value, relative to the instance it is read from.</summary>
    private Owner OwnMemberOwner(ISymbol member, ResolutionWalk walk)
    {
        if (member.DeclaringSyntaxReferences.IsEmpty)
        {
            // CDK's own members: fn.CurrentVersion lives under fn, but LatestVersion renders as the stable "$LATEST" ARN.
            return member.Name == "LatestVersion" && member is IPropertySymbol { Type: var type } && _types.Is(type, CdkTypeKind.FunctionVersion)
                ? Owner.Stable
                : Owner.This;
        }

        var key = member.OriginalDefinition;
        var overridable = key as IPropertySymbol is { } property && SymbolFacts.MayBeOverridden(property);

        // TaskDef = new FargateTaskDefinition(this, …) and nothing else in its class: read off the syntax, no binding.
        // Only where the walk could still follow as many members as the syntax does, so the budget decides the same.
        if (!overridable && walk.MemberNesting + SyntacticScope.MaxDepth + 1 <= ResolutionWalk.MaxMemberNesting && _scope.MemberIsCreatedUnderThis(key))
        {
            return Owner.This;
        }

        // A member's owner holds for every reader: no method's parameters stand for a caller's arguments here.
        return overridable
            ? ResolveOnce(key, _memberOwners, static (owners, member, resolving) => owners.OwnerOfOverridable((IPropertySymbol)member, resolving), summaryMethod: null, walk)
            : ResolveOnce(key, _memberOwners, static (owners, member, resolving) => owners.ResolveSources(owners._sources.OfMember(member, resolving.SiteModel, resolving.CancellationToken), resolving), summaryMethod: null, walk);
    }

    /// <summary>
    /// A property a subclass may override (<c>public abstract IVersion Handler { get; }</c>, a <c>virtual</c> one), read
    /// through the class that declares it (<c>service.Handler</c> of a <c>ServiceStackBase</c>): whichever override the
    /// instance's class runs. Owned relative to the instance when its own values (unless abstract) and every override
    /// in the source agree; unknown otherwise.
    /// </summary>
    private Owner OwnerOfOverridable(IPropertySymbol property, ResolutionWalk walk)
    {
        Owner? agreed = property.IsAbstract ? null : ResolveSources(_sources.OfMember(property, walk.SiteModel, walk.CancellationToken), walk);
        foreach (var overriding in SourceOverridesOf(property, walk.CancellationToken))
        {
            var owner = OwnMemberOwner(overriding, walk);
            if (owner.Kind == OwnerKind.Unknown || (agreed is { } previous && !previous.Equals(owner)))
            {
                return Owner.Unknown;
            }

            agreed = owner;
        }

        return agreed ?? Owner.Unknown;
    }

    /// <summary>The properties of the source's subclasses of its class that override <paramref name="property"/>, at any depth.</summary>
    private List<IPropertySymbol> SourceOverridesOf(IPropertySymbol property, System.Threading.CancellationToken cancellationToken)
    {
        var overrides = new List<IPropertySymbol>();
        var declaringType = property.ContainingType.OriginalDefinition;
        foreach (var name in _declarations.Get(cancellationToken).DerivedByName(new[] { declaringType.Name }))
        {
            foreach (var type in _sources.Compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellationToken))
            {
                if (type is not INamedTypeSymbol subclass || SymbolEqualityComparer.Default.Equals(subclass, declaringType))
                {
                    continue;
                }

                foreach (var candidate in subclass.GetMembers(property.Name))
                {
                    if (candidate is IPropertySymbol { IsOverride: true } overriding && Overrides(overriding, property))
                    {
                        overrides.Add(overriding);
                    }
                }
            }
        }

        return overrides;
    }

    private static bool Overrides(IPropertySymbol overriding, IPropertySymbol property)
    {
        for (var overridden = overriding.OverriddenProperty; overridden is not null; overridden = overridden.OverriddenProperty)
        {
            if (SymbolEqualityComparer.Default.Equals(overridden.OriginalDefinition, property))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The member of <paramref name="type"/>, a class of the source, that implements the interface member
    /// <paramref name="member"/>; null when <paramref name="member"/> is no interface's, or a subclass of the source may
    /// implement it again.
    /// </summary>
    private ISymbol? ImplementationIn(ITypeSymbol? type, ISymbol member, System.Threading.CancellationToken cancellationToken)
        => member.ContainingType is { TypeKind: TypeKind.Interface }
            && type is INamedTypeSymbol { TypeKind: TypeKind.Class } implementer
            && (implementer.IsSealed || !_declarations.HasSourceSubclass(implementer.Name, cancellationToken))
            && implementer.FindImplementationForInterfaceMember(member) is { DeclaringSyntaxReferences.IsEmpty: false } implementation
                ? implementation
                : null;

    /// <summary>The owner of what a local holds; with <paramref name="element"/>, of its tuple's element at that path (<c>built.Task</c>).</summary>
    private Owner OwnerOfLocal(ILocalSymbol local, SyntaxNode reference, SemanticModel? semanticModel, ResolutionWalk walk, ImmutableArray<int> element = default)
    {
        if (!walk.Visiting.Add(local))
        {
            walk.Truncated = true;
            return Owner.Unknown;
        }

        try
        {
            if (element.IsDefault && LoopOf(local, semanticModel, walk.CancellationToken) is { } loop)
            {
                if (LoopedMember(local, loop, walk.CancellationToken) is { } looped)
                {
                    return looped.Type is IArrayTypeSymbol ? OwnerOf(looped, walk) : OwnerOfElements(looped, walk);
                }

                if (LoopedIterator(local, loop) is { } iteratorCall)
                {
                    return BindSummary(iteratorCall, YieldedSummary(iteratorCall.TargetMethod.OriginalDefinition, walk), walk);
                }
            }

            var sources = _sources.OfLocal(local, reference, semanticModel, walk.CancellationToken);
            return sources.IsDefault ? Owner.Unknown : ResolveSources(sources, walk, written: local, element);
        }
        finally
        {
            walk.Visiting.Remove(local);
        }
    }

    /// <summary>
    /// A static member of a stack class that the class's own code sets to a construct of <c>this</c>: owned by an
    /// instance of that class (which one, the class cannot say; <see cref="Compare"/> stays silent within the class).
    /// </summary>
    private Owner OwnerOfStaticMember(ISymbol member, ResolutionWalk walk)
    {
        if (member.ContainingType is not { } type || member.DeclaringSyntaxReferences.IsEmpty)
        {
            return Owner.Unknown;
        }

        if (!_types.IsTopLevelStack(type))
        {
            return _types.Is(type, CdkTypeKind.Construct) ? Owner.Unknown : OwnerOfPlainObjectFill(member, walk);
        }

        return OwnMemberOwner(member, walk).Kind == OwnerKind.This ? Owner.HeldStack(type, member) : Owner.Unknown;
    }

    /// <summary>Is <paramref name="fill"/> put in an object a stack keeps (<see cref="StackKeptObjects"/>)?</summary>
    public bool IsKeptFill(ExpressionSyntax fill, ISymbol member, SemanticModel semanticModel, System.Threading.CancellationToken cancellationToken)
        => _kept.HoldsFill(fill, member, semanticModel, cancellationToken);

    /// <summary>
    /// Does a value put in <paramref name="member"/> of a plain object, at <paramref name="fill"/>, render nothing there?
    /// It does not when a stack keeps the object in a member (<c>Outputs = new ComputeOutputs { Received = tasks.Task }</c>,
    /// see <see cref="StackKeptObjects"/>) or when every fill of the member is of one known
    /// stack (<see cref="OwnerOfPlainObjectFill"/>): each read of the member renders it where the read is used, and is
    /// checked there. Props handed to a construct with another stack's construct are neither: a hand-over.
    /// </summary>
    public bool FillRendersNothing(ISymbol member, SyntaxNode fill, SemanticModel? semanticModel, ResolutionWalk walk)
    {
        if (member.DeclaringSyntaxReferences.IsEmpty || member.ContainingType is not { } type || _types.Is(type, CdkTypeKind.Construct)
            || SymbolFacts.ValueType(member) is not { } valueType || !_types.Is(valueType, CdkTypeKind.Construct))
        {
            return false;
        }

        return (fill is ExpressionSyntax value && semanticModel is not null && _kept.HoldsFill(value, member, semanticModel, walk.CancellationToken))
            || OwnerOfPlainObjectFill(member, walk).IsKnownStack;
    }

    /// <summary>
    /// A construct kept in a member of a plain class or record of the app's, static (<c>Shared.Worker</c>) or not
    /// (<c>Outputs = new ComputeOutputs { Worker = worker }</c>, <c>new ComputeRecord(worker)</c>), that stack classes'
    /// code fills (<see cref="PlainObjectFills"/>), every time with a construct of one stack class (the filler's own, or
    /// one of another stack it reads: <c>Received = tasks.Task</c>): owned by an instance of that class, whichever object
    /// is read (<see cref="Owner.FilledBy"/>; <see cref="Compare"/> stays silent within the class). Filled anywhere else
    /// (the object's own code, the app's), with constructs of different or unknown stacks (a value the filler's
    /// constructor received), or given an initial value: unknown.
    /// </summary>
    private Owner OwnerOfPlainObjectFill(ISymbol member, ResolutionWalk walk)
    {
        if (member is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol)
            || member.DeclaringSyntaxReferences.IsEmpty
            || member.ContainingType is not { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface }
            || SymbolFacts.ValueType(member) is not { } valueType
            || !_types.Is(valueType, CdkTypeKind.Construct)
            || _types.Is(valueType, CdkTypeKind.Stack))
        {
            return Owner.Unknown;
        }

        var key = member.OriginalDefinition;
        return ResolveOnce(key, _plainObjectFills, static (owners, filled, resolving) => owners.FillerOf(filled, resolving), summaryMethod: null, walk);
    }

    private Owner FillerOf(ISymbol member, ResolutionWalk walk)
    {
        if (member.ContainingType is { TypeKind: TypeKind.Interface } contract)
        {
            return FillerThroughImplementations(member, contract, walk);
        }

        var fills = _fills.Of(member, walk.CancellationToken);
        if (fills.IsDefaultOrEmpty)
        {
            return Owner.Unknown;
        }

        INamedTypeSymbol? filler = null;
        foreach (var fill in fills)
        {
            var semanticModel = _sources.SemanticModelFor(fill.SyntaxTree, walk.SiteModel);
            var site = semanticModel.GetEnclosingSymbol(fill.SpanStart, walk.CancellationToken);
            var owner = OwnerAtSite(semanticModel.GetOperation(CdkSyntax.WithoutSuppression(fill), walk.CancellationToken), site, walk);

            // The filling stack's own construct, or one of a known stack it puts in an object a stack keeps (Outputs =
            // new ComputeOutputs { Received = tasks.Task }): the value comes from that stack whichever
            // object is read. Another stack's construct in props handed to a construct is rendered where that construct
            // is (a hand-over, ConsumerResolver); one that reached the filler through its constructor (props.Task) may
            // be the reader's own: unknown.
            if (!owner.IsKnownStack
                || (!owner.IsThisStack && !_kept.HoldsFill(fill, member, semanticModel, walk.CancellationToken))
                || (filler is not null && !SymbolEqualityComparer.Default.Equals(filler, owner.StackType)))
            {
                return Owner.Unknown;
            }

            filler = owner.StackType;
        }

        return Owner.FilledBy(filler!, member);
    }

    /// <summary>
    /// A member of an interface of the app's that plain classes implement (<c>IComputeOutputs Outputs</c>, read as
    /// <c>compute.Outputs.Worker</c>): the stack every implementation's member is filled by, when they agree and nothing
    /// assigns through the interface itself. An implementation that is a stack or construct, or one not filled so: unknown.
    /// </summary>
    private Owner FillerThroughImplementations(ISymbol member, INamedTypeSymbol contract, ResolutionWalk walk)
    {
        var throughContract = _fills.Of(member, walk.CancellationToken);
        if (throughContract.IsDefault || !throughContract.IsEmpty)
        {
            return Owner.Unknown;
        }

        INamedTypeSymbol? filler = null;
        foreach (var implementor in SymbolFacts.SourceTypesDerivedFrom(_sources.Compilation, contract, walk.CancellationToken))
        {
            // A stack or construct implementing it is read through its own members, which the created-stack path
            // and the method summaries place; this path is for plain objects only.
            if (_types.Is(implementor, CdkTypeKind.Construct)
                || implementor.FindImplementationForInterfaceMember(member) is not { } implementation
                || OwnerOfPlainObjectFill(implementation, walk) is not { IsKnownStack: true, StackType: { } stack }
                || (filler is not null && !SymbolEqualityComparer.Default.Equals(filler, stack)))
            {
                return Owner.Unknown;
            }

            filler = stack;
        }

        return filler is null ? Owner.Unknown : Owner.FilledBy(filler, member);
    }

    /// <summary>An array's elements, when one stack owns them all: <c>Workers[0]</c> is owned where <c>new[] { a, b }</c>'s elements are.</summary>
    private Owner OwnerOfAll(ImmutableArray<IOperation> elements, ResolutionWalk walk)
    {
        var owner = OwnerOf(elements[0], walk);
        for (var index = 1; index < elements.Length && owner.Kind != OwnerKind.Unknown; index++)
        {
            owner = Owner.Combine(owner, OwnerOf(elements[index], walk));
        }

        return owner;
    }

    /// <summary>
    /// The owner two branches agree on (<c>?:</c>, <c>??</c>). A branch that throws or is <c>null</c> yields no construct
    /// (<c>props.Worker ?? throw new ArgumentNullException(…)</c>, <c>found ? worker : null</c>): the other decides.
    /// </summary>
    private Owner OwnerOfEither(IOperation first, IOperation second, ResolutionWalk walk)
        => YieldsNoConstruct(second) ? OwnerOf(first, walk)
            : YieldsNoConstruct(first) ? OwnerOf(second, walk)
            : CombineBranches(first, second, walk);

    /// <summary>
    /// The owner both branches agree on. A value the constructor received (<c>props.Override</c>: another stack's) and a
    /// construct of a stack the same constructor received (<c>props.Compute.Worker</c>) agree: either is another stack's.
    /// </summary>
    private Owner CombineBranches(IOperation first, IOperation second, ResolutionWalk walk)
    {
        var (firstOwner, secondOwner) = (OwnerOf(first, walk), OwnerOf(second, walk));
        return firstOwner.Equals(secondOwner) ? firstOwner
            : firstOwner.Kind == OwnerKind.Foreign && CameThrough(second, secondOwner, firstOwner, walk) ? firstOwner
            : secondOwner.Kind == OwnerKind.Foreign && CameThrough(first, firstOwner, secondOwner, walk) ? secondOwner
            : Owner.Unknown;
    }

    /// <summary>
    /// Is <paramref name="operand"/> (owned by <paramref name="owner"/>, a known stack) a construct of a stack
    /// reached through a plain object the constructor received, as <paramref name="foreign"/> was (<c>props.Compute.Worker</c>)?
    /// </summary>
    private bool CameThrough(IOperation operand, Owner owner, Owner foreign, ResolutionWalk walk)
    {
        // A stack reached through what the constructor received is never this one: the value existed before it.
        if (owner.Kind != OwnerKind.Stack)
        {
            return false;
        }

        for (var current = OperationFlow.Unwrap(operand); current is IMemberReferenceOperation { Instance: { } instance };)
        {
            current = OperationFlow.Unwrap(instance);
            if (!_types.Is(current.Type, CdkTypeKind.Construct))
            {
                return OwnerOf(current, walk).Equals(foreign);
            }
        }

        return false;
    }

    private static bool YieldsNoConstruct(IOperation branch)
        => OperationFlow.Unwrap(branch) is IThrowOperation or IDefaultValueOperation or ILiteralOperation { ConstantValue: { HasValue: true, Value: null } };

    private Owner OwnerOfArms(ISwitchExpressionOperation switchExpression, ResolutionWalk walk)
    {
        Owner? result = null;
        foreach (var arm in switchExpression.Arms)
        {
            if (YieldsNoConstruct(arm.Value))
            {
                // _ => throw new ArgumentOutOfRangeException(…), _ => null: no construct comes from this arm.
                continue;
            }

            var owner = OwnerOf(arm.Value, walk);
            if (result is { } previous && !previous.Equals(owner))
            {
                return Owner.Unknown;
            }

            result = owner;
        }

        return result ?? Owner.Unknown;
    }

    /// <summary>A call of a method in source: its summary, bound to the call's arguments and receiver.</summary>
    private Owner OwnerOfSourceMethodCall(IInvocationOperation invocation, ResolutionWalk walk)
    {
        var summary = MethodSummary(invocation.TargetMethod.OriginalDefinition, walk);
        return summary.Kind == OwnerKind.Unknown && invocation.Instance is { } factory && OperationFlow.Unwrap(factory) is not IInstanceReferenceOperation
            ? OwnerThroughFactoryScope(invocation.TargetMethod.OriginalDefinition, factory, walk)
            : BindSummary(invocation, summary, walk);
    }

    /// <summary>A summary of what a source method gives (its result, an element of it, an <c>out</c> parameter), bound to a call's arguments and receiver.</summary>
    private Owner BindSummary(IInvocationOperation invocation, Owner summary, ResolutionWalk walk)
    {
        switch (summary.Kind)
        {
            case OwnerKind.Parameter:
                return OperationFlow.ExplicitArgument(invocation, summary.ParameterOrdinal) is { } argument ? OwnerOf(argument, walk) : Owner.Unknown;
            case OwnerKind.This:
            case OwnerKind.Foreign:
                var receiver = invocation.Instance is null ? null : OperationFlow.Unwrap(invocation.Instance);
                if (receiver is null || receiver is IInstanceReferenceOperation)
                {
                    // A method of the class the code is written in (or a local function): relative to the same this.
                    return invocation.Instance is null && invocation.TargetMethod.IsStatic ? Owner.Unknown : summary;
                }

                // Another instance's own constructs are that instance's; what it got from elsewhere, its class cannot say.
                return summary.Kind == OwnerKind.Foreign ? Owner.Unknown : OwnerOf(receiver, walk);
            default:
                return summary;
        }
    }

    /// <summary>
    /// <c>new TaskFactory(this).Create("api")</c>, <c>factory.Create("api")</c>: a method of the app's object that
    /// returns constructs it creates under the scope it was created with is owned where that scope is:
    /// the argument the object's creation gives that constructor parameter. Unknown when the creation is not seen.
    /// </summary>
    private Owner OwnerThroughFactoryScope(IMethodSymbol method, IOperation factory, ResolutionWalk walk)
    {
        // A virtual method has no returns to read (ValueSources.OfReturns): an override may run instead.
        if (_factoryScopes.GetOrAdd(method, m => FactoryScopeOf(m, walk.CancellationToken)) is not { } scopeParameter
            || _sources.CreationOf(factory, walk.CancellationToken) is not { } creation
            || !SymbolEqualityComparer.Default.Equals(creation.Constructor?.OriginalDefinition, scopeParameter.ContainingSymbol))
        {
            return Owner.Unknown;
        }

        return OperationFlow.ExplicitArgument(creation.Arguments, scopeParameter.Ordinal) is { } scope ? OwnerOf(scope, walk) : Owner.Unknown;
    }

    /// <summary>
    /// The constructor parameter every construct <paramref name="method"/> returns (directly, or through a local given
    /// one value) is created under: through the one
    /// field or property of its class that only that parameter sets (<c>_scope = scope</c>), or the parameter itself (a
    /// primary constructor's). Null when the returns are not all such creations, or the member is set otherwise.
    /// </summary>
    private IParameterSymbol? FactoryScopeOf(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        var returns = _sources.OfReturns(method, cancellationToken);
        if (returns.IsDefaultOrEmpty)
        {
            return null;
        }

        IParameterSymbol? found = null;
        foreach (var returned in returns)
        {
            if (_sources.SemanticModelFor(returned.SyntaxTree, null).GetOperation(returned, cancellationToken) is not { } value
                || _sources.CreationOf(value, cancellationToken) is not { } creation
                || !_types.Is(creation.Type, CdkTypeKind.Construct)
                || ScopeArgument(creation.Arguments) is not { } scope
                || ConstructorParameterBehind(scope, method.ContainingType, cancellationToken) is not { } parameter
                || (found is not null && !SymbolEqualityComparer.Default.Equals(found, parameter)))
            {
                return null;
            }

            found = parameter;
        }

        return found;
    }

    /// <summary>The constructor parameter of <paramref name="type"/> that <paramref name="scope"/> is, or the one that alone sets the member it reads.</summary>
    private IParameterSymbol? ConstructorParameterBehind(IOperation scope, INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        switch (OperationFlow.Unwrap(scope))
        {
            case IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter }
                when SymbolEqualityComparer.Default.Equals(constructor.ContainingType, type):
                return parameter;
            case IMemberReferenceOperation { Instance: IInstanceReferenceOperation, Member: var member } when member is IFieldSymbol or IPropertySymbol:
                IParameterSymbol? setter = null;
                var sources = _sources.OfMember(member, null, cancellationToken);
                foreach (var source in sources.IsDefault ? ImmutableArray<ExpressionSyntax>.Empty : sources)
                {
                    // Set from a constructor's parameter, and only from that one: _scope = scope.
                    if (_sources.SemanticModelFor(source.SyntaxTree, null).GetOperation(source, cancellationToken) is not { } value
                        || OperationFlow.Unwrap(value) is not IParameterReferenceOperation { Parameter: { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } parameter }
                        || !SymbolEqualityComparer.Default.Equals(constructor.ContainingType, type)
                        || (setter is not null && !SymbolEqualityComparer.Default.Equals(setter, parameter)))
                    {
                        return null;
                    }

                    setter = parameter;
                }

                return setter;
            default:
                return null;
        }
    }

    /// <summary>
    /// The argument of <paramref name="call"/> whose construct the volatile reads its method returns are of: the one
    /// every read's receiver is owned like (<c>core</c> of <c>core.WorkerArn()</c>, whose method returns
    /// <c>core.Worker.TaskDefinitionArn</c>). Null when the receivers are owned otherwise or disagree. Summarized once
    /// per method, as a method's result is.
    /// </summary>
    public IArgumentOperation? ArgumentReadBy(IInvocationOperation call, GivenReads reads, ResolutionWalk walk)
    {
        var summary = ResolveOnce(reads, reads.Method, _givenReadSummaries, static (owners, given, resolving) => owners.ResolveSources(given.Receivers, resolving), summaryMethod: reads.Method, walk);
        return summary.Kind == OwnerKind.Parameter ? OperationFlow.ExplicitArgumentOf(call.Arguments, summary.ParameterOrdinal) : null;
    }

    /// <summary>
    /// What a source method's result is owned by, relative to its call: a parameter's argument, its receiver
    /// (<see cref="OwnerKind.This"/>), or an answer that holds for every call. Computed once per method, lazily, with a
    /// depth budget of its own, so that the answer does not depend on which rule asks first.
    /// </summary>
    private Owner MethodSummary(IMethodSymbol method, ResolutionWalk walk)
        => ResolveOnce(method, _methodSummaries, static (owners, summarized, resolving) => owners.ResolveSources(owners._sources.OfReturns(summarized, resolving.CancellationToken), resolving), summaryMethod: method, walk);

    /// <summary>
    /// Resolves a member's or a method's owner once, with a depth budget of its own, so that a cached answer is the
    /// answer any caller would compute, whatever depth it asks from: the diagnostics do not depend on the order the
    /// analysis runs in. Answers cut short by a cycle or the budget are not cached.
    /// </summary>
    /// <remarks><paramref name="resolve"/> is given the resolver and the key, so that a call allocates no closure.</remarks>
    private Owner ResolveOnce<TKey>(TKey key, ConcurrentDictionary<TKey, Owner> cache, Func<OwnershipResolver, TKey, ResolutionWalk, Owner> resolve, IMethodSymbol? summaryMethod, ResolutionWalk walk)
        where TKey : ISymbol
        => ResolveOnce(key, key, cache, resolve, summaryMethod, walk);

    /// <summary>The same for a key that is not a symbol: <paramref name="visited"/> stands for it in the walk's cycle check.</summary>
    private Owner ResolveOnce<TKey>(TKey key, ISymbol visited, ConcurrentDictionary<TKey, Owner> cache, Func<OwnershipResolver, TKey, ResolutionWalk, Owner> resolve, IMethodSymbol? summaryMethod, ResolutionWalk walk)
        where TKey : notnull
    {
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (walk.MemberNesting >= ResolutionWalk.MaxMemberNesting || !walk.Visiting.Add(visited))
        {
            walk.Truncated = true;
            return Owner.Unknown;
        }

        var truncatedBefore = walk.Truncated;
        var depthBefore = walk.Depth;
        var summarizedBefore = walk.SummaryMethod;
        walk.Truncated = false;
        walk.Depth = 0;
        walk.MemberNesting++;
        walk.SummaryMethod = summaryMethod;
        try
        {
            var owner = resolve(this, key, walk);
            if (!walk.Truncated)
            {
                cache.TryAdd(key, owner);
            }

            return owner;
        }
        finally
        {
            walk.SummaryMethod = summarizedBefore;
            walk.MemberNesting--;
            walk.Depth = depthBefore;
            walk.Truncated |= truncatedBefore;
            walk.Visiting.Remove(visited);
        }
    }

    /// <summary>
    /// The owner every source agrees on; a <c>null</c> or <c>default</c> one counts for nothing, and only such ones leave
    /// it unknown. A source that is a target written by a deconstruction or an <c>out</c>
    /// argument (<see cref="OtherWrites"/>) stands for what its writer gives <paramref name="written"/>; with
    /// <paramref name="element"/>, each source is a tuple and its element at that path is resolved.
    /// </summary>
    private Owner ResolveSources(ImmutableArray<ExpressionSyntax> sources, ResolutionWalk walk, ISymbol? written = null, ImmutableArray<int> element = default)
    {
        if (sources.IsDefaultOrEmpty)
        {
            return Owner.Unknown;
        }

        Owner? result = null;
        foreach (var source in sources)
        {
            var operation = _sources.SemanticModelFor(source.SyntaxTree, walk.SiteModel).GetOperation(CdkSyntax.WithoutSuppression(source), walk.CancellationToken);
            if (operation is not null && element.IsDefault && YieldsNoConstruct(operation))
            {
                // ITaskDefinition? selected = null; … selected = compute.Worker;: the null is no construct of any stack.
                continue;
            }

            var owner = operation is null ? Owner.Unknown
                : !element.IsDefault ? OwnerOfTupleElement(operation, element, 0, walk)
                : OwnerOfOtherWrite(operation, written, walk) ?? OwnerOf(operation, walk);
            if (owner.Kind == OwnerKind.Unknown || (result is { } previous && !previous.Equals(owner)))
            {
                return Owner.Unknown;
            }

            result = owner;
        }

        return result ?? Owner.Unknown;
    }
}
