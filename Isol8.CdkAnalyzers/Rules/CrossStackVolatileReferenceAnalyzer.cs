using System.Collections.Generic;
using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Rules;

/// <summary>
/// ICDK001: a volatile value (a task definition ARN, a Lambda version ARN, …) owned by one stack is read by
/// another, or a volatile construct owned by one stack is handed to a construct or call in another.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CrossStackVolatileReferenceAnalyzer : CdkAnalyzer
{
    /// <summary>Diagnostic property: what the flagged expression is (see <see cref="CrossStackReferenceShape"/>).</summary>
    public const string ShapeProperty = "Shape";

    /// <summary>Diagnostic property: the owning stack's class (<c>Namespace.Type</c>); absent when only "another stack" is known.</summary>
    public const string OwnerStackProperty = "OwnerStack";

    /// <summary>Diagnostic property: the consuming stack's class (<c>Namespace.Type</c>).</summary>
    public const string ConsumerStackProperty = "ConsumerStack";

    /// <summary>
    /// Diagnostic property, on a task definition's hand-over only: present when the construct may be an imported
    /// reference, which lacks the roles and network mode its importer did not give it (no import fix then).
    /// </summary>
    public const string MayBeImportedProperty = "MayBeImported";

    /// <summary>
    /// Diagnostic property, on a call of a method that relays volatile reads of what it is given only: the ordinal of the
    /// parameter whose argument is the construct read (the helper publishes from it).
    /// </summary>
    public const string RelayedArgumentProperty = "RelayedArgument";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CrossStackVolatileReference);

    private protected override void Register(CompilationStartAnalysisContext context, CdkModel model)
    {
        context.RegisterSyntaxNodeAction(c => AnalyzeMemberRead(c, model), SyntaxKind.SimpleMemberAccessExpression, SyntaxKind.MemberBindingExpression);
        context.RegisterSyntaxNodeAction(c => AnalyzeArgument(c, model), SyntaxKind.Argument);
        context.RegisterSyntaxNodeAction(c => AnalyzeInitializer(c, model), SyntaxKind.ObjectInitializerExpression, SyntaxKind.ArrayInitializerExpression, SyntaxKind.CollectionInitializerExpression);
        context.RegisterSyntaxNodeAction(c => AnalyzeCollectionExpression(c, model), SyntaxKind.CollectionExpression);
        context.RegisterSyntaxNodeAction(c => AnalyzeCallOnConstruct(c, model), SyntaxKind.InvocationExpression);
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static void AnalyzeMemberRead(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        var name = context.Node switch
        {
            MemberAccessExpressionSyntax access => access.Name,
            MemberBindingExpressionSyntax binding => binding.Name,
            _ => null,
        };
        if (name is null)
        {
            return;
        }

        var settings = model.SettingsFor(context.Options, context.Node.SyntaxTree);
        var receiverSyntax = context.Node switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            _ => ((MemberBindingExpressionSyntax)context.Node).Parent?.Parent is ConditionalAccessExpressionSyntax conditional ? conditional.Expression : null,
        };
        // A relay may be named like a catalogue member (a construct's own string TaskDefinitionArn): it is asked first.
        if (receiverSyntax is not (null or ThisExpressionSyntax) && model.Relays.MayRelay(name.Identifier.ValueText, settings.Catalogue, context.CancellationToken)
            && RelayRead(context) is ({ } relayRead, var relayReceiver, { } relayMember)
            && AnalyzeRelayedRead(context, model, settings.Catalogue, relayRead, relayReceiver, relayMember))
        {
            return;
        }

        if (receiverSyntax is not (null or ThisExpressionSyntax) && model.RelayedCollections.MayRelay(name.Identifier.ValueText, context.CancellationToken)
            && AnalyzeRelayedCollection(context, model, settings.Catalogue))
        {
            return;
        }

        if (receiverSyntax is not (null or ThisExpressionSyntax)
            && model.MayRelayThroughCdkMember(name.Identifier.ValueText, receiverSyntax, context.CancellationToken)
            && !model.Scope.IsSameScopeUse(receiverSyntax, (ExpressionSyntax)context.Node)
            && AnalyzeCdkMemberRelay(context, model))
        {
            return;
        }

        if (!settings.Catalogue.MayBeVolatile(name.Identifier.ValueText))
        {
            return;
        }

        if (receiverSyntax is not null
            && (!settings.Catalogue.ReceiverNames.MightHold(receiverSyntax, context.CancellationToken)
                || model.Scope.IsSameScopeUse(receiverSyntax, (ExpressionSyntax)context.Node)))
        {
            return;
        }

        if (VolatileValues.Read((ExpressionSyntax)context.Node, context.SemanticModel, settings.Catalogue, context.CancellationToken) is not { Instance: { } receiver } read
            || CrossStackHelper.IsArgumentOfHelper((ExpressionSyntax)context.Node, context.SemanticModel, context.CancellationToken)
            || model.Relays.IsFillOfAPlainObjectRelay((ExpressionSyntax)context.Node, context.SemanticModel, settings.Catalogue, context.CancellationToken))
        {
            return;
        }

        var finding = CrossStackReferences.Find(model, receiver, read, context.ContainingSymbol, context.CancellationToken);
        if (finding is { } found)
        {
            Report(context, model, context.Node, read.Member.Name, found, CrossStackReferenceShape.VolatileMemberRead);
        }
    }

    /// <summary>
    /// <c>containers.ApiArn</c> or <c>containers.Worker.TaskDefinitionArn</c>, where the member is a string member of a
    /// stack or construct holding its own construct's volatile read. False when the member is no relay.
    /// </summary>
    private static bool AnalyzeRelayedRead(SyntaxNodeAnalysisContext context, CdkModel model, VolatileCatalogue catalogue, IOperation read, IOperation? receiver, ISymbol member)
    {
        if (model.Relays.RelayedMember(member, catalogue, context.CancellationToken) is null)
        {
            return false;
        }

        if (CrossStackHelper.IsArgumentOfHelper((ExpressionSyntax)read.Syntax, context.SemanticModel, context.CancellationToken))
        {
            return true;
        }

        // A stack's or construct's relay is owned where the object it is a member of is: the receiver. A plain object's
        // relay is owned by the stack class that filled it, whichever object holds it. A method reading what its call
        // gives it reads the construct of the argument its reads' receivers are owned like.
        var given = model.Relays.GivenReadsOf(member, catalogue, context.CancellationToken);
        var relayedArgument = given is not null && read is IInvocationOperation call
            ? model.Owners.ArgumentReadBy(call, given, new ResolutionWalk(context.CancellationToken, context.SemanticModel))
            : null;
        var found = model.Relays.FillerOf(member, catalogue, context.CancellationToken) is { } filler
            ? CrossStackReferences.Find(model, Owner.FilledBy(filler, member), read, context.ContainingSymbol, context.CancellationToken)
            : given is not null ? (relayedArgument is null ? null : CrossStackReferences.Find(model, relayedArgument.Value, read, context.ContainingSymbol, context.CancellationToken))
            : receiver is null ? null : CrossStackReferences.Find(model, receiver, read, context.ContainingSymbol, context.CancellationToken);
        if (found is { } finding)
        {
            // The fix may import the argument instead (a call giving more than it): a task definition that may itself be an import takes none.
            var mayBeImported = relayedArgument is not null && IsTaskDefinitionThatMayBeImported(context, model, relayedArgument.Value);
            Report(context, model, read.Syntax, member.Name, finding, CrossStackReferenceShape.RelayedVolatileRead, mayBeImported, relayedArgument: relayedArgument?.Parameter?.Ordinal ?? -1);
        }

        return true;
    }

    /// <summary>
    /// A read of CDK's own member that relays a volatile value of the receiver's stack: <c>compute.WorkerArn.StringValue</c>
    /// (an SSM parameter created with its stack's task definition ARN), <c>functions.Handler.FunctionArn</c> (a version
    /// kept as an <c>IFunction</c>). False when the read relays nothing (the catalogue's path decides then).
    /// </summary>
    private static bool AnalyzeCdkMemberRelay(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        if (context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is not IPropertyReferenceOperation { Instance: { } receiver } read
            || !model.Owners.RelaysThroughCdkMember(read, new ResolutionWalk(context.CancellationToken, context.SemanticModel)))
        {
            return false;
        }

        if (!CrossStackHelper.IsArgumentOfHelper((ExpressionSyntax)context.Node, context.SemanticModel, context.CancellationToken)
            && CrossStackReferences.Find(model, receiver, read, context.ContainingSymbol, context.CancellationToken) is { } finding)
        {
            Report(context, model, context.Node, read.Property.Name, finding, CrossStackReferenceShape.RelayedVolatileRead);
        }

        return true;
    }

    /// <summary>
    /// What may be a relay read: a field or property read through a receiver (<c>containers.ApiArn</c>), or a call of a
    /// method (<c>jobs.ArnOf("nightly")</c>, whose analysed member access is the called method; an extension method's
    /// <c>core.WorkerArn()</c> or a static one's <c>Arns.Of(core)</c> has no receiver).
    /// </summary>
    private static (IOperation? Read, IOperation? Receiver, ISymbol? Member) RelayRead(SyntaxNodeAnalysisContext context)
    {
        if (context.Node.Parent is InvocationExpressionSyntax invocation && invocation.Expression == context.Node)
        {
            return context.SemanticModel.GetOperation(invocation, context.CancellationToken) is IInvocationOperation call
                ? (call, call.Instance, call.TargetMethod)
                : default;
        }

        return FieldOrPropertyRead(context) is { } read ? (read, read.Instance, read.Member) : default;
    }

    /// <summary>
    /// <c>Environment = jobs.SharedEnvironment</c> or <c>jobs.Arns[0]</c>, where the member is a collection of strings
    /// that the owning stack or construct fills with its own volatile reads. False when the member is no such relay.
    /// </summary>
    private static bool AnalyzeRelayedCollection(SyntaxNodeAnalysisContext context, CdkModel model, VolatileCatalogue catalogue)
    {
        if (FieldOrPropertyRead(context) is not { Instance: { } receiver } read
            || model.RelayedCollections.RelayOf(read.Member, catalogue, context.CancellationToken) is not { Member: not null } relay)
        {
            return false;
        }

        // One element read by its key may be one of the others (["ENV"] = props.EnvName): only when every element relays.
        if (context.Node.Parent is ElementAccessExpressionSyntax access && access.Expression == context.Node && !relay.EveryElement)
        {
            return true;
        }

        // Only a use the model places, given to a construct (its props, a CDK property): counted, tested or copied in .NET
        // code, or handed to a stack's constructor (whose own code is checked), the collection renders nothing yet.
        if (CrossStackReferences.Find(model, receiver, read, context.ContainingSymbol, context.CancellationToken, skipStackConstruction: true) is { Consumer.Scope: not null } finding)
        {
            Report(context, model, context.Node, read.Member.Name, finding, CrossStackReferenceShape.RelayedVolatileCollection);
        }

        return true;
    }

    /// <summary>The read of a field or property the analysed member access is, through a receiver; null for anything else.</summary>
    private static IMemberReferenceOperation? FieldOrPropertyRead(SyntaxNodeAnalysisContext context)
        => context.SemanticModel.GetOperation(context.Node, context.CancellationToken) is IMemberReferenceOperation { Instance: not null } read
            && read is IPropertyReferenceOperation or IFieldReferenceOperation
                ? read
                : null;

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static void AnalyzeArgument(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        var argument = (ArgumentSyntax)context.Node;
        if (!CrossStackHelper.IsArgumentOfHelper(argument.Expression, context.SemanticModel, context.CancellationToken))
        {
            AnalyzeHandOver(context, model, argument.Expression);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static void AnalyzeInitializer(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        foreach (var expression in ((InitializerExpressionSyntax)context.Node).Expressions)
        {
            var value = expression is AssignmentExpressionSyntax assignment && context.Node.IsKind(SyntaxKind.ObjectInitializerExpression)
                ? assignment.Right
                : expression;
            AnalyzeHandOver(context, model, value);
        }
    }

    /// <summary><c>Layers = [functions.Layer]</c>, <c>ITaskDefinition[] tasks = [pool.Worker]</c>: each element is handed over as an array's is.</summary>
    private static void AnalyzeCollectionExpression(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        foreach (var element in ((CollectionExpressionSyntax)context.Node).Elements)
        {
            if (element is ExpressionElementSyntax { Expression: var value })
            {
                AnalyzeHandOver(context, model, value);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static void AnalyzeHandOver(SyntaxNodeAnalysisContext context, CdkModel model, ExpressionSyntax value)
    {
        if (!IsReference(CdkSyntax.WalkDownParenthesesAndCasts(value)))
        {
            return;
        }

        // The names first, the scope's test after: it is the dearer of the two.
        var mayHoldVolatileConstruct = model.VolatileConstructNames.MightHold(value, context.CancellationToken);
        if ((!mayHoldVolatileConstruct && !model.FunctionInterfaceNames.MightHold(value, context.CancellationToken))
            || model.Scope.IsSameScopeUse(value, value))
        {
            return;
        }

        var typeInfo = context.SemanticModel.GetTypeInfo(value, context.CancellationToken);
        var isVolatileConstruct = mayHoldVolatileConstruct && model.Types.Is(typeInfo.Type, CdkTypeKind.VolatileConstruct);
        if ((!isVolatileConstruct && !SymbolEqualityComparer.Default.Equals(typeInfo.Type, model.Types.IFunction))
            || model.Types.TakesNoArn(typeInfo.ConvertedType))
        {
            return;
        }

        var operation = context.SemanticModel.GetOperation(CdkSyntax.WithoutSuppression(value), context.CancellationToken);
        if (operation is null
            || (!isVolatileConstruct && !model.Owners.IsVersionHeldAsFunction(operation, new ResolutionWalk(context.CancellationToken, context.SemanticModel))))
        {
            return;
        }

        // A version kept as an IFunction (Handler = fn.CurrentVersion) is handed over as the version it is: its ARN renders.
        var renderedType = isVolatileConstruct ? typeInfo.Type! : model.Types.IVersion!;

        // The app's own construct or helper given another stack's construct imports only what its code renders.
        var finding = CrossStackReferences.Find(model, operation, operation, context.ContainingSymbol, context.CancellationToken, skipStackConstruction: true);
        if (finding is { } found
            && model.Slots.Renders(value, renderedType, context.SemanticModel, model.SettingsFor(context.Options, context.Node.SyntaxTree).Catalogue, context.CancellationToken))
        {
            var mayBeImported = IsTaskDefinitionThatMayBeImported(context, model, operation);
            Report(context, model, value, CdkSyntax.TrailingName(value) ?? value.ToString(), found, CrossStackReferenceShape.VolatileConstructHandOver, mayBeImported);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(HotPath.Optimized)]
    private static void AnalyzeCallOnConstruct(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        if (invocation.Expression is SimpleNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax or BaseExpressionSyntax })
        {
            // ArnOf(compute.Worker), this.ArnOf(compute.Worker) in a stack's own code: a method of its class (or a static
            // one in scope), which may relay what it is given (a relay of its own construct is owned by this same stack).
            AnalyzeOwnMethodCall(context, model, invocation);
        }

        if (invocation.Expression is not MemberAccessExpressionSyntax access)
        {
            return;
        }

        var name = access.Name.Identifier.ValueText;
        if (name.StartsWith(KnownCdkNames.GrantPrefix, System.StringComparison.Ordinal))
        {
            AnalyzeGrant(context, model, invocation, access);
        }
        else if (name.StartsWith(KnownCdkNames.MetricPrefix, System.StringComparison.Ordinal))
        {
            AnalyzeMetric(context, model, invocation, access);
        }
        else if (name == KnownCdkNames.AddPermission)
        {
            AnalyzeScopedPermission(context, model, invocation, access);
        }
        else if (model.Declarations.Get(context.CancellationToken).ExtensionMethods.Contains(name))
        {
            // taskDef.AllowRun(role): an extension method of the app's takes its receiver as an argument.
            AnalyzeHandOver(context, model, access.Expression);
        }
    }

    /// <summary>
    /// A task definition handed over, or given to a method relaying it, that may itself be an import: the import fix, which
    /// copies roles an import lacks, must not take it (<see cref="MayBeImportedProperty"/>).
    /// </summary>
    private static bool IsTaskDefinitionThatMayBeImported(SyntaxNodeAnalysisContext context, CdkModel model, IOperation value)
        => model.Types.Is(value.Type, CdkTypeKind.TaskDefinition)
            && model.Owners.MayBeImported(value, new ResolutionWalk(context.CancellationToken, context.SemanticModel));

    private static void AnalyzeOwnMethodCall(SyntaxNodeAnalysisContext context, CdkModel model, InvocationExpressionSyntax invocation)
    {
        var name = invocation.Expression switch
        {
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            _ => null,
        };
        var catalogue = model.SettingsFor(context.Options, context.Node.SyntaxTree).Catalogue;
        if (name is not null
            && model.Relays.MayRelay(name, catalogue, context.CancellationToken)
            && context.SemanticModel.GetOperation(invocation, context.CancellationToken) is IInvocationOperation call)
        {
            AnalyzeRelayedRead(context, model, catalogue, call, call.Instance, call.TargetMethod);
        }
    }

    private static void AnalyzeGrant(SyntaxNodeAnalysisContext context, CdkModel model, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access)
    {
        if (invocation.ArgumentList.Arguments.Count == 0
            || !model.VolatileConstructNames.MightHold(access.Expression, context.CancellationToken)
            || (model.Scope.IsCreatedUnderThis(access.Expression, 0) && model.Scope.IsCreatedUnderThis(invocation.ArgumentList.Arguments[0].Expression, 0)))
        {
            return;
        }

        var receiverType = context.SemanticModel.GetTypeInfo(access.Expression, context.CancellationToken).Type;
        if (!model.Types.Is(receiverType, CdkTypeKind.VolatileConstruct)
            || context.SemanticModel.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation { Instance: { } receiver } grant
            || grant.Arguments.Length == 0)
        {
            return;
        }

        // The grant lands in the grantee's policy: the grantee's stack is the one that imports.
        ReportIfRenderedInAnotherStack(context, model, access.Expression, receiver, grant.Arguments[0].Value, new ResolutionWalk(context.CancellationToken, context.SemanticModel));
    }

    /// <summary>
    /// Reports <paramref name="receiverSyntax"/> when CDK names the construct <paramref name="receiver"/> evaluates to under
    /// <paramref name="renderedUnder"/> (a grantee, a permission's scope) and that is in another stack than the construct.
    /// No fix is offered for these (a grant's or permission's import is not the same: ICDK001's page).
    /// </summary>
    private static void ReportIfRenderedInAnotherStack(SyntaxNodeAnalysisContext context, CdkModel model, ExpressionSyntax receiverSyntax, IOperation receiver, IOperation renderedUnder, ResolutionWalk walk)
    {
        var owner = model.Owners.OwnerAtSite(receiver, context.ContainingSymbol, walk);
        var consumer = model.Owners.OwnerAtSite(renderedUnder, context.ContainingSymbol, walk);
        if (model.Owners.Compare(owner, consumer, context.CancellationToken) == StackRelation.Different)
        {
            Report(context, model, receiverSyntax, CdkSyntax.TrailingName(receiverSyntax) ?? receiverSyntax.ToString(), new CrossStackFinding(owner, new Consumer(consumer, isStackConstruction: false, renderedUnder.Syntax, throughLocal: false)), CrossStackReferenceShape.GrantOnVolatileConstruct);
        }
    }

    /// <summary>
    /// <c>functions.Current.MetricErrors()</c>: a version's metrics name it by its number (the <c>FunctionName</c>
    /// dimension is the function's name and the version), and CDK renders them where the metric is used: an alarm or
    /// dashboard of another stack imports the number (synthesized). Also a version kept as an <c>IFunction</c>.
    /// </summary>
    private static void AnalyzeMetric(SyntaxNodeAnalysisContext context, CdkModel model, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access)
    {
        // Used where it is made (an alarm of the version's own stack): settled by the syntax, after the names.
        if (CdkCallOnVersion(context, model, invocation, access, call => model.Types.IsMetric(call.Type), silentWhenUsedInItsScope: true) is { Instance: { } receiver } call
            && CrossStackReferences.Find(model, receiver, call, context.ContainingSymbol, context.CancellationToken) is { } found)
        {
            Report(context, model, invocation, call.TargetMethod.Name, found, CrossStackReferenceShape.MetricOfVolatileConstruct);
        }
    }

    /// <summary>
    /// <c>functions.Current.AddPermission("Invoke", new Permission { Principal = …, Scope = this })</c>: CDK creates the
    /// permission under the <c>Scope</c> it is given (the way CDK's own targets avoid a cycle), naming the version's
    /// ARN there. Without a <c>Scope</c> it is created under the version, in its own stack: silent.
    /// </summary>
    private static void AnalyzeScopedPermission(SyntaxNodeAnalysisContext context, CdkModel model, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access)
    {
        // Where the call is written says nothing: the permission is made under its scope.
        IOperation? scope = null;
        if (CdkCallOnVersion(context, model, invocation, access, call => (scope = PermissionScope(call)) is not null, silentWhenUsedInItsScope: false) is { Instance: { } receiver }
            && scope is not null)
        {
            ReportIfRenderedInAnotherStack(context, model, access.Expression, receiver, scope, new ResolutionWalk(context.CancellationToken, context.SemanticModel));
        }
    }

    /// <summary>
    /// The call <paramref name="invocation"/> makes when it calls a method of CDK's that <paramref name="accepts"/> on a
    /// Lambda version, or on a version kept as an <c>IFunction</c> (<c>Handler = fn.CurrentVersion</c>); null for any
    /// other. The receiver's names are tested first, then (when <paramref name="silentWhenUsedInItsScope"/>) whether the
    /// syntax shows the version and the call's value both under <c>this</c>, the version kept as a function (a walk over
    /// its sources) last.
    /// </summary>
    private static IInvocationOperation? CdkCallOnVersion(SyntaxNodeAnalysisContext context, CdkModel model, InvocationExpressionSyntax invocation, MemberAccessExpressionSyntax access, System.Func<IInvocationOperation, bool> accepts, bool silentWhenUsedInItsScope)
    {
        var mayHoldVersion = model.VolatileConstructNames.MightHold(access.Expression, context.CancellationToken);
        if ((!mayHoldVersion && !model.FunctionInterfaceNames.MightHold(access.Expression, context.CancellationToken))
            || (silentWhenUsedInItsScope && model.Scope.IsSameScopeUse(access.Expression, invocation))
            || context.SemanticModel.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation { Instance: { } receiver } call
            || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingAssembly, model.Types.Assembly)
            || !accepts(call))
        {
            return null;
        }

        return (mayHoldVersion && model.Types.Is(receiver.Type, CdkTypeKind.FunctionVersion))
            || model.Owners.IsVersionHeldAsFunction(receiver, new ResolutionWalk(context.CancellationToken, context.SemanticModel))
                ? call
                : null;
    }

    /// <summary>The <c>Scope</c> a permission's object initializer sets (<c>new Permission { …, Scope = this }</c>); null when it sets none or is built elsewhere.</summary>
    private static IOperation? PermissionScope(IInvocationOperation call)
    {
        foreach (var argument in call.Arguments)
        {
            if (OperationFlow.Unwrap(argument.Value) is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: KnownCdkNames.PermissionScope }, Value: var value })
                    {
                        return value;
                    }
                }
            }
        }

        return null;
    }

    private static bool IsReference(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or MemberBindingExpressionSyntax or ConditionalAccessExpressionSyntax or ElementAccessExpressionSyntax;

    private static void Report(SyntaxNodeAnalysisContext context, CdkModel model, SyntaxNode node, string what, CrossStackFinding finding, CrossStackReferenceShape shape, bool mayBeImported = false, int relayedArgument = -1)
    {
        // props.Container?.TaskDef.TaskDefinitionArn: flag the whole expression, not its tail.
        while (node.Parent is ConditionalAccessExpressionSyntax access && access.WhenNotNull == node)
        {
            node = access;
        }

        var properties = ImmutableDictionary<string, string?>.Empty
            .Add(ShapeProperty, shape.ToString())
            .Add(ConsumerStackProperty, finding.Consumer.Stack.StackType?.ToDisplayString());
        if (finding.Owner.Kind == OwnerKind.Stack && finding.Owner.StackType is { } ownerStack)
        {
            properties = properties.Add(OwnerStackProperty, ownerStack.ToDisplayString());
        }

        if (mayBeImported)
        {
            properties = properties.Add(MayBeImportedProperty, "true");
        }

        if (relayedArgument >= 0)
        {
            properties = properties.Add(RelayedArgumentProperty, relayedArgument.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        // What the SSM fix needs and only the ownership analysis knows: the consumer scope it reads into. A grant has
        // no fix (its receiver cannot become an import: ICDK001's page says why).
        var additionalLocations = new List<Location>();
        if (shape != CrossStackReferenceShape.GrantOnVolatileConstruct
            && HelperScope.Of(model, context.SemanticModel, finding.Consumer, node, context.ContainingSymbol, context.CancellationToken) is { } helperScope)
        {
            properties = properties.Add(HelperScope.Property, helperScope.Kind);
            if (helperScope.Scope is { } scope)
            {
                additionalLocations.Add(scope.GetLocation());
            }
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.CrossStackVolatileReference,
            node.GetLocation(),
            additionalLocations,
            properties,
            what,
            CrossStackReferences.DescribeOwner(finding.Owner, finding.Consumer.Stack.StackType),
            finding.Consumer.Stack.StackType?.Name));
    }
}
