using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Answers "in which stack is this value used?". Code in a stack class uses values in that stack. Code outside
/// any stack (top-level statements, <c>Main</c>, a <c>Stage</c>, helpers) uses them in the stack that owns the scope
/// of the construct creation or call they flow into, or in the stack being created when they flow into its
/// constructor arguments or props; values are followed through locals.
/// </summary>
internal sealed class ConsumerResolver
{
    private readonly CdkTypes _types;
    private readonly OwnershipResolver _owners;
    private readonly ValueSources _sources;
    private readonly ScopelessObjects _scopeless;

    /// <summary>Per app method with several construct parameters, the one its code creates constructs under (<see cref="ScopeParameterOf"/>).</summary>
    private readonly ConcurrentDictionary<IMethodSymbol, string?> _scopeParameters = new(SymbolEqualityComparer.Default);

    public ConsumerResolver(CdkTypes types, OwnershipResolver owners, ValueSources sources)
    {
        _types = types;
        _owners = owners;
        _sources = sources;
        _scopeless = new ScopelessObjects(sources.Compilation);
    }

    public void CollectConsumers(IOperation use, ISymbol? containingSymbol, List<Consumer> consumers, ResolutionWalk walk)
    {
        var found = consumers.Count;
        var unknownScopes = walk.UnknownScopes;
        var staysInCode = WalkUp(use, containingSymbol, consumers, walk, throughLocal: false);
        // The site's stack only when nothing else decided: for a construct class it searches for the class's creations.
        if (!staysInCode && consumers.Count == found && walk.UnknownScopes == unknownScopes
            && _owners.SiteStack(containingSymbol, walk.CancellationToken) is { IsKnownStack: true } site)
        {
            // Code in a stack class that does not pass the value to an explicit scope uses it in that stack. A value
            // given to a scope of unknown stack (a construct the stack received, Stack.Of something unknown) is used
            // there, wherever that is: the consumer is unknown, and the rule stays silent.
            consumers.Add(new Consumer(site, isStackConstruction: false, scope: null, throughLocal: false));
        }
    }

    /// <summary>
    /// Follows a value up to where it is used. True when it provably stays in the app's .NET code: tested, measured or
    /// logged (<c>string.IsNullOrEmpty(arn)</c>, <c>arn.Length</c>, <c>arn == ""</c>, <c>Console.WriteLine(arn)</c>), so
    /// no template holds it.
    /// </summary>
    private bool WalkUp(IOperation use, ISymbol? containingSymbol, List<Consumer> consumers, ResolutionWalk walk, bool throughLocal)
    {
        if (!walk.TryEnter())
        {
            return false;
        }

        try
        {
            var current = use;
            while (current.Parent is { } parent)
            {
                walk.CancellationToken.ThrowIfCancellationRequested();
                if (StaysInCode(parent, current) || StaysOutOfTemplates(parent) || IsNameOfMetric(parent, current))
                {
                    return true;
                }

                switch (parent)
                {
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case IArgumentOperation:
                    case IInterpolationOperation:
                    case IInterpolatedStringOperation:
                    case IBinaryOperation:
                    case IArrayInitializerOperation:
                    case IArrayCreationOperation:
                    case IObjectOrCollectionInitializerOperation:
                    case IMemberInitializerOperation:
                    case ITupleOperation:
                    case ICoalesceOperation:
                    case IAnonymousObjectCreationOperation:
                    case IConditionalOperation conditional when conditional.Condition != current:
                    case IConditionalAccessOperation access when access.WhenNotNull == current:
                    case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance == current:
                        current = parent;
                        continue;

                    case ISimpleAssignmentOperation assignment when assignment.Value == current:
                        if (OperationFlow.Unwrap(assignment.Target) is IMemberReferenceOperation { Member: var filled }
                            && _owners.FillRendersNothing(filled, assignment.Value.Syntax, assignment.SemanticModel, walk))
                        {
                            // Outputs = new ComputeOutputs { Received = tasks.Task }: kept in an object of the app's,
                            // which renders nothing. Each read of the member is checked where it is used.
                            return true;
                        }

                        if (!FollowAssignmentTarget(assignment, containingSymbol, consumers, walk, throughLocal))
                        {
                            current = parent;
                            continue;
                        }

                        return false;

                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return FollowLocal(declarator.Symbol, declarator.Syntax, declarator.SemanticModel, containingSymbol, consumers, walk);

                    case IObjectCreationOperation creation:
                        if (_types.Is(creation.Type, CdkTypeKind.Stack) && creation.Type is INamedTypeSymbol stackType)
                        {
                            consumers.Add(new Consumer(Owner.CreatedStack(stackType, creation.Syntax), isStackConstruction: true, scope: null, throughLocal));
                            return false;
                        }

                        if (_types.Is(creation.Type, CdkTypeKind.Construct))
                        {
                            AddOwner(_owners.ScopeArgument(creation.Arguments), containingSymbol, consumers, walk, throughLocal);
                            return false;
                        }

                        if (current is IArgumentOperation { Value.Syntax: var argument } positionalArgument
                            && SymbolFacts.PositionalProperty(positionalArgument.Parameter) is { } positional
                            && _owners.FillRendersNothing(positional, argument, creation.SemanticModel, walk))
                        {
                            // new ComputeRecord(tasks.Task): a positional record's property, as above.
                            return true;
                        }

                        current = parent;
                        continue;

                    case IInvocationOperation invocation:
                        if (invocation.Instance == current)
                        {
                            if (IsCopyOfCollection(invocation.TargetMethod))
                            {
                                // arns.ToArray(): the same values, handed on.
                                current = parent;
                                continue;
                            }

                            if (_types.IsMetric(current.Type))
                            {
                                // metric.CreateAlarm(this, "Errors", …): the alarm is created under the call's scope.
                                // metric.With(…): the same dimensions, handed on.
                                if (_owners.ScopeArgument(invocation.Arguments) is { } alarmScope)
                                {
                                    AddOwner(alarmScope, containingSymbol, consumers, walk, throughLocal);
                                    return false;
                                }

                                if (_types.IsMetric(invocation.Type))
                                {
                                    current = parent;
                                    continue;
                                }
                            }

                            return false;
                        }

                        if (invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver })
                        {
                            // An element of a collection initializer: { { "TASK_DEF_ARN", arn } }.
                            current = parent;
                            continue;
                        }

                        if (invocation.TargetMethod.MethodKind == MethodKind.Constructor && _types.Is(invocation.TargetMethod.ContainingType, CdkTypeKind.Stack))
                        {
                            // base(scope, id, task) in a stack's constructor: the base class's code uses it in this same
                            // stack, and is checked itself, as a stack's code is checked for what its creation gives it.
                            consumers.Add(new Consumer(_owners.SiteStack(containingSymbol, walk.CancellationToken), isStackConstruction: true, scope: null, throughLocal));
                            return false;
                        }

                        if (!invocation.TargetMethod.IsStatic && IsHandedToAScopelessObject(invocation, current, walk.CancellationToken))
                        {
                            // catalog.Register(task), Catalog holding only strings: it places what it renders under the
                            // other construct the call gives it, or where the call does not show (Stack.Of(task)).
                            if (ScopeArgumentOfCall(invocation, current, walk.CancellationToken) is { } given)
                            {
                                AddOwner(given, containingSymbol, consumers, walk, throughLocal);
                            }
                            else
                            {
                                walk.UnknownScopes++;
                            }

                            return false;
                        }

                        if (invocation.Instance is not null)
                        {
                            if (DeclaredScopeArgument(invocation, current, walk.CancellationToken) is { } givenScope)
                            {
                                // AddOutputTo(compute, arn), builder.RenderIn(platform, task): the app's method creates
                                // its constructs under the scope the call gives it, not under its receiver.
                                AddOwner(givenScope, containingSymbol, consumers, walk, throughLocal);
                                return false;
                            }

                            if (IsAppsPlainObject(invocation.Instance.Type) && ScopeOfCreatedObject(invocation.Instance, walk) is { } objectScope)
                            {
                                // new ScheduleBuilder(compute).WithTask(task): the app's object renders under the scope it was created with.
                                AddOwner(objectScope, containingSymbol, consumers, walk, throughLocal);
                                return false;
                            }

                            FollowReceiver(invocation.Instance, containingSymbol, consumers, walk, throughLocal);
                            return false;
                        }

                        // A static method, or a local function (no receiver): a helper, whose scope is the construct its call gives it.
                        var scope = ScopeArgumentOfCall(invocation, current, walk.CancellationToken);
                        if (scope is not null)
                        {
                            AddOwner(scope, containingSymbol, consumers, walk, throughLocal);
                            return false;
                        }

                        if (GivesAConstruct(invocation, current))
                        {
                            // Several constructs, and the method's code does not say which is its scope.
                            walk.UnknownScopes++;
                            return false;
                        }

                        if (!invocation.TargetMethod.IsStatic)
                        {
                            // A local function given no scope may use one it captures ('this' in a stack's constructor):
                            // the site's stack, if any, decides.
                            return false;
                        }

                        if (current is IArgumentOperation { Value.Type: var handedType } && _types.Is(handedType, CdkTypeKind.Construct)
                            && !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
                        {
                            // A construct given to a static helper of the app's with no scope beside it (Tagging.Tag(task),
                            // task.Tag()): the helper can only place what it renders under the construct itself
                            // (Stack.Of(task), the owner's stack) or a scope the call does not show. Not the caller's stack.
                            walk.UnknownScopes++;
                            return false;
                        }

                        current = parent;
                        continue;

                    default:
                        return false;
                }
            }

            return false;
        }
        finally
        {
            walk.Exit();
        }
    }

    /// <summary>
    /// Does <paramref name="parent"/> end the value's way in .NET code: a comparison, a member of the string that is
    /// no string (<c>Length</c>, <c>StartsWith</c>), or a static .NET method that returns no string (<c>IsNullOrEmpty</c>,
    /// <c>Console.WriteLine</c>, <c>ArgumentException.ThrowIfNullOrEmpty</c>)? Such a method keeps nothing of it.
    /// </summary>
    private static bool StaysInCode(IOperation parent, IOperation current)
        => parent switch
        {
            IBinaryOperation binary => binary.Type?.SpecialType == SpecialType.System_Boolean,
            IPropertyReferenceOperation { Property.ContainingType.SpecialType: SpecialType.System_String } property => property.Instance == current,
            IInvocationOperation { TargetMethod: { ContainingType.SpecialType: SpecialType.System_String } method } invocation
                => invocation.Instance == current && IsNoString(method.ReturnType),
            IArgumentOperation { Parent: IInvocationOperation { TargetMethod: { IsStatic: true } method } } => IsFramework(method) && IsNoString(method.ReturnType),
            _ => false,
        };

    /// <summary>
    /// Does <paramref name="parent"/> give the value to CDK where no template holds it: a message of
    /// <c>Annotations.Of(x)</c> or the construct tree's metadata (<c>Node.AddMetadata</c>), both written to the cloud
    /// assembly's manifest unresolved, or one of <c>Token</c>'s tests of it (<c>Token.IsUnresolved(arn)</c>)? CDK makes no
    /// export for them. (<c>CfnResource.AddMetadata</c> is another method: it renders into the template; so may any
    /// other CDK method, whatever it returns: <c>role.AddToPolicy(statement)</c> answers a bool.)
    /// </summary>
    private bool StaysOutOfTemplates(IOperation parent)
        => parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod: var method } }
            && method.ContainingType is { } type
            && (SymbolEqualityComparer.Default.Equals(type, _types.Annotations)
                || (SymbolEqualityComparer.Default.Equals(type, _types.ConstructNode) && method.Name == KnownCdkNames.AddMetadata)
                || (method.ReturnType.SpecialType == SpecialType.System_Boolean && SymbolEqualityComparer.Default.Equals(type, _types.Token)));

    /// <summary><c>metric.MetricName</c>, <c>metric.Namespace</c>: what the metric measures, not the dimensions that name the version.</summary>
    private bool IsNameOfMetric(IOperation parent, IOperation current)
        => parent is IPropertyReferenceOperation { Property.Name: KnownCdkNames.MetricName or KnownCdkNames.MetricNamespace } read
            && read.Instance == current
            && _types.IsMetric(current.Type);

    /// <summary><c>List&lt;T&gt;.ToArray()</c>, <c>AsReadOnly()</c>: a .NET collection's own copy of its elements.</summary>
    private static bool IsCopyOfCollection(IMethodSymbol method)
        => method.Name is "ToArray" or "AsReadOnly" && method.Parameters.IsEmpty && SymbolFacts.IsDotnetCollection(method.ContainingType);

    private static bool IsNoString(ITypeSymbol type)
        => type.SpecialType is SpecialType.System_Void or SpecialType.System_Boolean or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Char;

    /// <summary>A method of .NET itself, which renders nothing into a template.</summary>
    private static bool IsFramework(ISymbol method) => SymbolFacts.RootNamespace(method) == "System";

    /// <summary>Follows a value assigned to a local, to a member of a local props object or to a CDK property of a construct; false when the assignment is part of an object initializer.</summary>
    private bool FollowAssignmentTarget(ISimpleAssignmentOperation assignment, ISymbol? containingSymbol, List<Consumer> consumers, ResolutionWalk walk, bool throughLocal)
    {
        switch (OperationFlow.Unwrap(assignment.Target))
        {
            case ILocalReferenceOperation local:
                FollowLocal(local.Local, local.Syntax, local.SemanticModel, containingSymbol, consumers, walk);
                return true;
            case IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } }:
                return false;
            case IMemberReferenceOperation { Instance: { } instance, Member.DeclaringSyntaxReferences.IsEmpty: true } when _types.Is(instance.Type, CdkTypeKind.Construct):
                // output.Value = arn, cfnService.TaskDefinition = arn: a CDK property of a construct, rendered in the construct's
                // stack. A property the app declares on its own construct renders nothing by being set.
                AddOwner(instance, containingSymbol, consumers, walk, throughLocal);
                return true;
            case IMemberReferenceOperation { Instance: { } instance } when OperationFlow.Unwrap(instance) is ILocalReferenceOperation holder:
                FollowLocal(holder.Local, holder.Syntax, holder.SemanticModel, containingSymbol, consumers, walk);
                return true;
            default:
                return true;
        }
    }

    private void FollowReceiver(IOperation? receiver, ISymbol? containingSymbol, List<Consumer> consumers, ResolutionWalk walk, bool throughLocal)
    {
        if (receiver is null)
        {
            return;
        }

        if (_types.Is(receiver.Type, CdkTypeKind.Construct))
        {
            AddOwner(receiver, containingSymbol, consumers, walk, throughLocal);
        }
        else if (OperationFlow.Unwrap(receiver) is ILocalReferenceOperation holder)
        {
            // environment.Add("TASK_DEF_ARN", arn): the dictionary carries the value on.
            FollowLocal(holder.Local, holder.Syntax, holder.SemanticModel, containingSymbol, consumers, walk);
        }
    }

    /// <summary>
    /// A class of the app's that is no construct (a construct is placed by its own owner): a builder, a publisher, a
    /// registry, which creates its constructs under a scope it keeps or is given.
    /// </summary>
    private bool IsAppsPlainObject(ITypeSymbol? type)
        => type is INamedTypeSymbol { TypeKind: TypeKind.Class, DeclaringSyntaxReferences.IsEmpty: false } && !_types.Is(type, CdkTypeKind.Construct);

    /// <summary>
    /// The first construct given to the creation of the object <paramref name="receiver"/> is (see
    /// <see cref="ValueSources.CreationOf"/>); null when it is not seen, or the creation gives no construct.
    /// </summary>
    private IOperation? ScopeOfCreatedObject(IOperation receiver, ResolutionWalk walk)
        => _sources.CreationOf(receiver, walk.CancellationToken) is { } creation ? FirstConstructArgument(creation.Arguments) : null;

    /// <summary>A construct given to an instance method of the app's own plain object that holds no scope (<see cref="ScopelessObjects"/>).</summary>
    private bool IsHandedToAScopelessObject(IInvocationOperation invocation, IOperation current, System.Threading.CancellationToken cancellationToken)
        => current is IArgumentOperation { Value.Type: var handedType } && _types.Is(handedType, CdkTypeKind.Construct)
            && invocation.Instance is { Type: INamedTypeSymbol receiverType } && _scopeless.HoldsNoScope(receiverType, cancellationToken);

    /// <summary>
    /// The construct a call gives a method besides <paramref name="current"/>, as the scope the method renders under:
    /// the only one; of several, the one the app's method creates its constructs under (<c>Publish(IVpc vpc, string
    /// arn, Construct scope)</c> with <c>new CfnOutput(scope, …)</c>), none when its code does not say which, and the
    /// first for a method of a library (CDK puts the scope first).
    /// </summary>
    private IOperation? ScopeArgumentOfCall(IInvocationOperation invocation, IOperation current, System.Threading.CancellationToken cancellationToken)
    {
        var (count, first) = ConstructArguments(invocation.Arguments, current);
        return count <= 1 || invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty
            ? first?.Value
            : ArgumentForScopeParameter(invocation, current, cancellationToken);
    }

    /// <summary>
    /// The construct a call of the app's own method gives the parameter its code creates constructs under
    /// (<see cref="ScopeParameterOf"/>); null for a library's method, or when the method's code names no such parameter.
    /// </summary>
    private IOperation? DeclaredScopeArgument(IInvocationOperation invocation, IOperation current, System.Threading.CancellationToken cancellationToken)
        => invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty || !GivesAConstruct(invocation, current)
            ? null
            : ArgumentForScopeParameter(invocation, current, cancellationToken);

    private IOperation? ArgumentForScopeParameter(IInvocationOperation invocation, IOperation current, System.Threading.CancellationToken cancellationToken)
    {
        var scopeParameter = _scopeParameters.GetOrAdd(invocation.TargetMethod.OriginalDefinition, method => ScopeParameterOf(method, cancellationToken));
        foreach (var argument in invocation.Arguments)
        {
            if (argument != current && argument.Parameter?.Name == scopeParameter && _types.Is(argument.Parameter?.Type, CdkTypeKind.Construct))
            {
                return argument.Value;
            }
        }

        return null;
    }

    private bool GivesAConstruct(IInvocationOperation invocation, IOperation current) => ConstructArguments(invocation.Arguments, current).Count > 0;

    private IOperation? FirstConstructArgument(ImmutableArray<IArgumentOperation> arguments)
        => ConstructArguments(arguments, skipped: null).First?.Value;

    /// <summary>How many of <paramref name="arguments"/>, other than <paramref name="skipped"/>, a construct parameter takes, and the first.</summary>
    private (int Count, IArgumentOperation? First) ConstructArguments(ImmutableArray<IArgumentOperation> arguments, IOperation? skipped)
    {
        IArgumentOperation? first = null;
        var count = 0;
        foreach (var argument in arguments)
        {
            if (argument != skipped && _types.Is(argument.Parameter?.Type, CdkTypeKind.Construct))
            {
                first ??= argument;
                count++;
            }
        }

        return (count, first);
    }

    /// <summary>
    /// The name of the one parameter the method's code passes first to a creation or a call (<c>new CfnOutput(scope,
    /// …)</c>, <c>Add(scope, …)</c>): the scope it creates its constructs under. Null when none, or several, are.
    /// </summary>
    private static string? ScopeParameterOf(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var parameter in method.Parameters)
        {
            names.Add(parameter.Name);
        }

        string? found = null;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
            {
                if (node is ArgumentListSyntax { Arguments.Count: > 0 } list
                    && list.Arguments[0].Expression is IdentifierNameSyntax first
                    && list.Parent is BaseObjectCreationExpressionSyntax or InvocationExpressionSyntax
                    && names.Contains(first.Identifier.ValueText))
                {
                    if (found is not null && found != first.Identifier.ValueText)
                    {
                        return null;
                    }

                    found = first.Identifier.ValueText;
                }
            }
        }

        return found;
    }


    private void AddOwner(IOperation? scope, ISymbol? containingSymbol, List<Consumer> consumers, ResolutionWalk walk, bool throughLocal)
    {
        // A helper's scope parameter (AddOutput(this) at every call) is owned where its calls' scopes are.
        var owner = _owners.OwnerAtSite(scope, containingSymbol, walk);
        if (owner.IsKnownStack)
        {
            consumers.Add(new Consumer(owner, isStackConstruction: false, scope?.Syntax, throughLocal));
        }
        else
        {
            walk.UnknownScopes++;
        }
    }

    /// <summary>Follows every use of a local; true when there is one and each stays in .NET code (see <see cref="WalkUp"/>).</summary>
    private bool FollowLocal(ILocalSymbol local, SyntaxNode anyReference, SemanticModel? knownModel, ISymbol? containingSymbol, List<Consumer> consumers, ResolutionWalk walk)
    {
        if (!walk.FollowedLocals.Add(local))
        {
            return false;
        }

        var body = CdkSyntax.EnclosingBody(anyReference);
        if (body is null)
        {
            return false;
        }

        var model = _sources.SemanticModelFor(anyReference.SyntaxTree, knownModel);
        var identifiers = new List<IdentifierNameSyntax>();
        _sources.Text.CollectIdentifiers(body, local.Name, identifiers, walk.CancellationToken);
        var (uses, staysInCode) = (0, true);
        foreach (var identifier in identifiers)
        {
            if (model.GetOperation(identifier, walk.CancellationToken) is ILocalReferenceOperation reference
                && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                && !(reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference))
            {
                uses++;
                staysInCode &= WalkUp(reference, containingSymbol, consumers, walk, throughLocal: true);
            }
        }

        return uses > 0 && staysInCode;
    }
}
