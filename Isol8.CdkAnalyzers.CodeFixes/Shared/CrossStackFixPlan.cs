using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// What the ICDK001 fixes would write at one flagged expression, worked out from the same ownership model the
/// analyzer uses: the call into <c>CrossStackParameters</c>, and the family that could stand for the ARN.
/// </summary>
internal sealed class CrossStackFixPlan
{
    private CrossStackFixPlan(ExpressionSyntax node)
    {
        Node = node;
    }

    /// <summary>The flagged expression the fixes replace.</summary>
    public ExpressionSyntax Node { get; }

    /// <summary>The helper method the SSM fix calls; null when no safe SSM rewrite exists.</summary>
    public string? HelperMethod { get; private set; }

    /// <summary>The helper call's arguments: the consumer scope, the owner, and for <c>Read</c> the attribute name and value.</summary>
    public ImmutableArray<ExpressionSyntax> HelperArguments { get; private set; } = ImmutableArray<ExpressionSyntax>.Empty;

    /// <summary>The family expression the family fix puts in place of the ARN; null when there is none.</summary>
    public ExpressionSyntax? FamilyReplacement { get; private set; }

    /// <summary>
    /// The helper call keeps the owner's old export (<c>keepOldExport: true</c>): the fix removes an import that
    /// deployed consumers still hold, so the owner must go on exporting until they have deployed.
    /// </summary>
    public bool KeepsOldExport { get; private set; }

    /// <summary>The family fix written through the helper, so that the owner keeps its old export; null when there is no family.</summary>
    public CrossStackFixPlan? FamilyPlan { get; private set; }

    /// <summary>The family replacement is a literal folded from the definition site.</summary>
    public bool FamilyIsLiteral { get; private set; }

    /// <summary>The family fix of ICDK001 for <paramref name="diagnostic"/>, written through the helper; null when there is none.</summary>
    public static async Task<CrossStackFixPlan?> CreateFamilyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        => (await CreateAsync(document, diagnostic, cancellationToken).ConfigureAwait(false))?.FamilyPlan;

    /// <summary>
    /// The fixes of one ICDK001 diagnostic. The analyzer's finding travels in the diagnostic: its shape, and the
    /// consumer scope the helper reads into (<see cref="HelperScope"/>); the plan asks the semantic model what the
    /// flagged expression is, never the ownership model again.
    /// </summary>
    public static async Task<CrossStackFixPlan?> CreateAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
            || node is ConditionalAccessExpressionSyntax
            || CdkModel.For(semanticModel.Compilation) is not { } model
            || !diagnostic.Properties.TryGetValue(CrossStackVolatileReferenceAnalyzer.ShapeProperty, out var shapeName)
            || !System.Enum.TryParse<CrossStackReferenceShape>(shapeName, out var shape))
        {
            return null;
        }

        // A nested stack's import: the helper's parameter and dependency have not been proven to deploy from inside
        // one, so no fix is offered (ICDK001's page says what to do instead).
        var consumerStack = diagnostic.Properties.TryGetValue(CrossStackVolatileReferenceAnalyzer.ConsumerStackProperty, out var consumerName) && consumerName is not null
            ? semanticModel.Compilation.GetTypeByMetadataName(consumerName)
            : null;
        if (model.Types.Is(consumerStack, CdkTypeKind.NestedStack))
        {
            return null;
        }

        // A consumer that may take references across regions: the helper's parameter would be read in a region it is
        // not published in, and the family would name a task definition there is none of (ICDK001's page).
        if (model.CrossRegion.MayReachAcrossRegions(consumerStack, cancellationToken))
        {
            return null;
        }

        // A value CDK also renders under another construct the same object is given (an events target's role is made in
        // the job definition's stack: new BatchJob(queue.JobQueueArn, queue, jobDefinition.JobDefinitionArn, jobDefinition)):
        // the parameter the fix reads in the consumer would be referenced from the owner, a cycle that fails synthesis.
        if (IsGivenWithAnotherConstruct(node, semanticModel, model, cancellationToken))
        {
            return null;
        }

        var plan = new CrossStackFixPlan(node);
        var scope = ScopeOf(diagnostic, root);
        switch (shape)
        {
            case CrossStackReferenceShape.VolatileMemberRead when node is MemberAccessExpressionSyntax access:
                var catalogue = model.SettingsFor(document.Project.AnalyzerOptions, semanticModel.SyntaxTree).Catalogue;
                if (VolatileValues.Read(access, semanticModel, catalogue, cancellationToken) is not { } read)
                {
                    return null;
                }

                plan.PlanRead(model, access, read, scope, cancellationToken);
                return plan;
            case CrossStackReferenceShape.VolatileConstructHandOver:
                plan.PlanHandOver(model, semanticModel, model.SettingsFor(document.Project.AnalyzerOptions, semanticModel.SyntaxTree).Catalogue, scope, diagnostic.Properties.ContainsKey(CrossStackVolatileReferenceAnalyzer.MayBeImportedProperty), cancellationToken);
                return plan;
            case CrossStackReferenceShape.RelayedVolatileRead when diagnostic.Properties.TryGetValue(CrossStackVolatileReferenceAnalyzer.RelayedArgumentProperty, out var ordinal):
                // core.WorkerArn(), Arns.Of(core): published from the construct the call gives the method, when that is all it gives.
                if (RelayedArgument(node, ordinal, semanticModel, cancellationToken) is not ({ } argument, var givenAlone))
                {
                    return null;
                }

                var argumentType = semanticModel.GetTypeInfo(argument, cancellationToken).Type;
                if (givenAlone
                    && CdkSyntax.TrailingName(((InvocationExpressionSyntax)node).Expression) is { } method
                    && model.Types.Is(argumentType, CdkTypeKind.Construct))
                {
                    plan.PlanRelay(argument, method, scope);
                    return plan;
                }

                // Arn(this, core.Worker): a volatile construct given with other values is imported where it is given; the
                // method reads its ARN from the import (the same value, through the owner's parameter).
                if (!model.Types.Is(argumentType, CdkTypeKind.VolatileConstruct))
                {
                    return null;
                }

                var importPlan = new CrossStackFixPlan(argument);
                importPlan.PlanHandOver(model, semanticModel, model.SettingsFor(document.Project.AnalyzerOptions, semanticModel.SyntaxTree).Catalogue, scope, diagnostic.Properties.ContainsKey(CrossStackVolatileReferenceAnalyzer.MayBeImportedProperty), cancellationToken);
                return importPlan;
            case CrossStackReferenceShape.MetricOfVolatileConstruct when node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax metric }:
                // functions.Current.MetricErrors(): the same metric of the version imported from the owner's parameter.
                // An imported version's metrics name it as the version's own do (FunctionName is the function's name
                // and the number), so the alarm watches what it watched (synthesized). A version kept as an IFunction
                // gets none: the import is an IVersion.
                var receiverPlan = new CrossStackFixPlan(metric.Expression);
                receiverPlan.PlanHandOver(model, semanticModel, model.SettingsFor(document.Project.AnalyzerOptions, semanticModel.SyntaxTree).Catalogue, scope, mayBeImported: false, cancellationToken, calledMethod: metric.Name.Identifier.ValueText);
                return receiverPlan;
            case CrossStackReferenceShape.RelayedVolatileRead when RelayedMember(node) is { } relay:
                // The helper publishes from the relay's construct: a receiver typed by the app's own interface is not one.
                if (!model.Types.Is(semanticModel.GetTypeInfo(relay.Expression, cancellationToken).Type, CdkTypeKind.Construct))
                {
                    return null;
                }

                plan.PlanRelay(relay.Expression, relay.Name.Identifier.ValueText, scope);
                return plan;
            default:
                return null;
        }
    }

    /// <summary>
    /// Is <paramref name="node"/> an argument of a CDK object that is no construct (an events target) to which another
    /// argument hands a construct other than <c>this</c>? CDK may build resources under that construct, in its stack,
    /// from the value.
    /// </summary>
    private static bool IsGivenWithAnotherConstruct(ExpressionSyntax node, SemanticModel semanticModel, CdkModel model, CancellationToken cancellationToken)
    {
        var current = semanticModel.GetOperation(CdkSyntax.WithoutSuppression(node), cancellationToken);
        while (current?.Parent is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        if (current?.Parent is not IArgumentOperation { Parent: IObjectCreationOperation creation } argument
            || model.Types.Is(creation.Type, CdkTypeKind.Construct)
            || !SymbolEqualityComparer.Default.Equals(creation.Type?.ContainingAssembly, model.Types.Assembly))
        {
            return false;
        }

        foreach (var other in creation.Arguments)
        {
            if (other != argument && other.Value.Syntax is not ThisExpressionSyntax
                && model.Types.Is(OperationFlow.Unwrap(other.Value).Type, CdkTypeKind.Construct))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The consumer scope the analyzer found: <c>this</c>, the expression at its additional location, or none.</summary>
    private static ExpressionSyntax? ScopeOf(Diagnostic diagnostic, SyntaxNode root)
    {
        if (!diagnostic.Properties.TryGetValue(HelperScope.Property, out var kind))
        {
            return null;
        }

        if (kind == HelperScope.This)
        {
            return SyntaxFactory.ThisExpression();
        }

        return kind == HelperScope.Expression && diagnostic.AdditionalLocations.Count > 0
            && diagnostic.AdditionalLocations[0] is { IsInSource: true } location && location.SourceTree == root.SyntaxTree
            && root.FindNode(location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax scope && CdkSyntax.IsPureReference(scope)
                ? scope.WithoutTrivia()
                : null;
    }

    /// <summary>
    /// For ICDK003: pins <c>taskDef.Family</c> to the revision. Through the SSM helper when the task definition is
    /// owned by another stack; as <c>taskDef.TaskDefinitionArn</c> when it is owned by the stack that uses it.
    /// </summary>
    public static async Task<CrossStackFixPlan?> CreatePinAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(span, getInnermostNodeForTie: true) is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: KnownCdkNames.Family } access
            || semanticModel is null || CdkModel.For(semanticModel.Compilation) is not { } model
            || semanticModel.GetOperation(access, cancellationToken) is not IPropertyReferenceOperation { Instance: { } receiver } read)
        {
            return null;
        }

        var containingSymbol = semanticModel.GetEnclosingSymbol(access.SpanStart, cancellationToken);
        var plan = new CrossStackFixPlan(access);
        if (CrossStackReferences.Find(model, receiver, read, containingSymbol, cancellationToken) is { } finding)
        {
            // ICDK003 reports the family without asking who owns it: the ownership analysis runs here, once. The
            // helper's parameter cannot cross regions (see CreateAsync).
            if (model.CrossRegion.MayReachAcrossRegions(finding.Consumer.Stack.StackType, cancellationToken)
                || ScopeFor(model, semanticModel, finding.Consumer, access, containingSymbol, cancellationToken) is not { } scope)
            {
                return null;
            }

            // The family held no import: there is no old export to keep.
            plan.UseHelper(CrossStackHelper.TaskDefinitionArnMethod, ImmutableArray.Create(scope, access.Expression.WithoutTrivia()), keepsOldExport: false);
            return plan;
        }

        if (CrossStackReferences.IsUsedByItsOwner(model, receiver, read, containingSymbol, cancellationToken))
        {
            plan.DirectReplacement = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName(KnownCdkNames.TaskDefinitionArn));
            return plan;
        }

        return null;
    }

    /// <summary>
    /// For ICDK002: <paramref name="access"/> (<c>taskDef.Family</c> on an <c>ITaskDefinition</c>) becomes the declared
    /// family. When another stack owns the task definition, through <c>TaskDefinitionFamily(…, keepOldExport: true)</c>:
    /// the code deployed before this edit most likely read its ARN, and deployed consumers still import it.
    /// </summary>
    public static async Task<CrossStackFixPlan?> CreateDeclaredFamilyAsync(Document document, MemberAccessExpressionSyntax access, string family, CancellationToken cancellationToken)
    {
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(family));
        var plan = new CrossStackFixPlan(access) { DirectReplacement = literal };
        if (semanticModel is null || CdkModel.For(semanticModel.Compilation) is not { } model
            || semanticModel.GetOperation(CdkSyntax.WithoutSuppression(access.Expression), cancellationToken) is not { } receiver
            || semanticModel.GetOperation(access, cancellationToken) is not { } use)
        {
            return plan;
        }

        var containingSymbol = semanticModel.GetEnclosingSymbol(access.SpanStart, cancellationToken);
        if (CrossStackReferences.Find(model, receiver, use, containingSymbol, cancellationToken) is not null)
        {
            return ForFamily(access, access.Expression.WithoutTrivia(), literal);
        }

        return plan;
    }

    /// <summary>For ICDK003 when the owner uses its own task definition: the ARN itself, no parameter needed.</summary>
    public ExpressionSyntax? DirectReplacement { get; private set; }

    private void PlanRead(CdkModel model, MemberAccessExpressionSyntax access, IMemberReferenceOperation read, ExpressionSyntax? scope, CancellationToken cancellationToken)
    {
        var receiver = access.Expression.WithoutTrivia();
        var receiverKind = model.Types.KindOf(read.Instance!.Type);
        var member = read.Member.Name;

        if (member == KnownCdkNames.TaskDefinitionArn && (receiverKind & CdkTypeKind.TaskDefinition) != 0)
        {
            if (model.Families.ConstantFamilyOf(read.Instance, cancellationToken) is { } family)
            {
                FamilyReplacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(family));
                FamilyIsLiteral = true;
            }
            else if ((receiverKind & CdkTypeKind.ConcreteTaskDefinition) != 0)
            {
                FamilyReplacement = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName(KnownCdkNames.Family));
            }
        }

        if (FamilyReplacement is not null && (FamilyIsLiteral || CdkSyntax.IsPureReference(receiver)))
        {
            FamilyPlan = ForFamily(Node, receiver, FamilyReplacement);
        }

        if (scope is null)
        {
            return;
        }

        var typedMethod = (member, receiverKind) switch
        {
            (KnownCdkNames.TaskDefinitionArn, var kind) when (kind & CdkTypeKind.TaskDefinition) != 0 => CrossStackHelper.TaskDefinitionArnMethod,
            (KnownCdkNames.FunctionArn, var kind) when (kind & CdkTypeKind.FunctionVersion) != 0 => CrossStackHelper.FunctionArnMethod,
            (KnownCdkNames.EdgeArn, var kind) when (kind & CdkTypeKind.FunctionVersion) != 0 => CrossStackHelper.EdgeArnMethod,
            (KnownCdkNames.LayerVersionArn, var kind) when (kind & CdkTypeKind.LayerVersion) != 0 => CrossStackHelper.LayerVersionArnMethod,
            _ => null,
        };

        if (typedMethod is not null)
        {
            UseHelper(typedMethod, ImmutableArray.Create(scope, receiver), keepsOldExport: true);
        }
        else if (CdkSyntax.IsPureReference(receiver) && (receiverKind & CdkTypeKind.Construct) != 0)
        {
            // CfnTaskDefinition.Ref and the user's own catalogue entries: name the attribute, pass the value.
            UseHelper(
                CrossStackHelper.ReadMethod,
                ImmutableArray.Create<ExpressionSyntax>(scope, receiver, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(member)), access.WithoutTrivia()),
                keepsOldExport: true);
        }
    }

    /// <summary>
    /// <c>containers.ApiArn</c>, a string member of the owning stack: published from that stack under the member's name
    /// (<c>Read(this, containers, "ApiArn", containers.ApiArn)</c>); the old export is the one its resource's reference
    /// made, and the helper keeps it.
    /// </summary>
    /// <summary>
    /// The relay member a flagged relay read names: <c>containers.ApiArn</c>, or the method of <c>jobs.NightlyArn()</c>.
    /// A call with arguments has none: the helper publishes one parameter per construct and member, and each argument
    /// may give another value (ICDK001's page).
    /// </summary>
    private static MemberAccessExpressionSyntax? RelayedMember(ExpressionSyntax node)
        => node switch
        {
            MemberAccessExpressionSyntax access => access,
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax method, ArgumentList.Arguments.Count: 0 } => method,
            _ => null,
        };

    private void PlanRelay(ExpressionSyntax owningConstruct, string name, ExpressionSyntax? scope)
    {
        var owning = owningConstruct.WithoutTrivia();
        if (scope is null || !CdkSyntax.IsPureReference(owning))
        {
            return;
        }

        UseHelper(
            CrossStackHelper.ReadMethod,
            ImmutableArray.Create<ExpressionSyntax>(scope, owning, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name)), Node.WithoutTrivia()),
            keepsOldExport: true);
    }

    /// <summary>
    /// The argument a relaying call gives the parameter of <paramref name="ordinal"/> (<c>core</c> of <c>core.WorkerArn()</c>
    /// or <c>Arns.Of(core)</c>), and whether it gives nothing else: the value then depends on that construct alone, so
    /// one parameter per construct and method holds it.
    /// </summary>
    private static (ExpressionSyntax? Argument, bool GivenAlone) RelayedArgument(ExpressionSyntax node, string? ordinal, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (node is not InvocationExpressionSyntax invocation
            || !int.TryParse(ordinal, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parameter)
            || semanticModel.GetOperation(invocation, cancellationToken) is not IInvocationOperation call
            || OperationFlow.ExplicitArgumentOf(call.Arguments, parameter) is not { Value.Syntax: ExpressionSyntax argument })
        {
            return default;
        }

        var explicitArguments = 0;
        foreach (var given in call.Arguments)
        {
            explicitArguments += given.ArgumentKind == ArgumentKind.Explicit ? 1 : 0;
        }

        return (argument, explicitArguments == 1);
    }

    // calledMethod: set when Node is the receiver of a call of that method (a version's metric), not a value given to a
    // slot; the import must have the method.
    private void PlanHandOver(CdkModel model, SemanticModel semanticModel, VolatileCatalogue catalogue, ExpressionSyntax? scope, bool mayBeImported, CancellationToken cancellationToken, string? calledMethod = null)
    {
        var typeInfo = semanticModel.GetTypeInfo(Node, cancellationToken);
        var kind = model.Types.KindOf(typeInfo.Type);
        var (method, importedType) = (kind & CdkTypeKind.TaskDefinition) != 0 ? (CrossStackHelper.ImportTaskDefinitionMethod, model.Types.ITaskDefinition)
            : (kind & CdkTypeKind.FunctionVersion) != 0 ? (CrossStackHelper.ImportVersionMethod, model.Types.IVersion)
            : (kind & CdkTypeKind.LayerVersion) != 0 ? (CrossStackHelper.ImportLayerVersionMethod, model.Types.ILayerVersion)
            : (null, null);

        // A FargateService or EcsRunTask takes the concrete TaskDefinition: an imported reference does not fit, and no fix is offered.
        var target = calledMethod is null ? SlotType(semanticModel, typeInfo, cancellationToken) : importedType;
        if (method is null || importedType is null || target is null
            || !semanticModel.Compilation.ClassifyConversion(importedType, target).IsImplicit
            || (calledMethod is not null && !SymbolFacts.HasMember(importedType, calledMethod)))
        {
            return;
        }

        // CDK's own task definition slots (an events rule's EcsTask) create roles and security groups in the task
        // definition's scope: handed an import, they move to the consumer's stack and the owner loses them. Only a
        // slot the project declares (its own construct or helper) takes the import. No fix elsewhere.
        if ((kind & CdkTypeKind.TaskDefinition) != 0 && !IsSlotDeclaredInSource(semanticModel, cancellationToken))
        {
            return;
        }

        // ImportTaskDefinition copies the owner's roles and network mode into the new import: an imported task
        // definition has them only when its importer gave them, and reading a missing one fails the synthesis. No fix
        // where the analyzer found the construct handed over may be one (TaskDefinition.FromTaskDefinitionArn(this,
        // "Task", cfn.AttrTaskDefinitionArn)).
        if ((kind & CdkTypeKind.TaskDefinition) != 0 && mayBeImported)
        {
            return;
        }

        // A slot that takes any IFunction may grant it invoke permissions (an events rule target, an integration):
        // CDK cannot create them for an imported version and drops the AWS::Lambda::Permission silently. No fix.
        if ((kind & CdkTypeKind.FunctionVersion) != 0 && model.Types.IFunction is { } function
            && semanticModel.Compilation.ClassifyConversion(function, target).IsImplicit)
        {
            return;
        }

        // The app's code behind the slot casts it to a concrete class ((FargateTaskDefinition)taskDef, as, is): an
        // imported reference would fail the cast when the app synthesizes. No fix.
        if (typeInfo.Type is { } handedType && model.Slots.CastsBehind(Node, handedType, semanticModel, catalogue, cancellationToken))
        {
            return;
        }

        if (scope is not null)
        {
            UseHelper(method, ImmutableArray.Create(scope, Node.WithoutTrivia()), keepsOldExport: true);
        }
    }

    /// <summary>
    /// <c>TaskDefinitionFamily(owner, family, keepOldExport: true)</c> in place of <paramref name="node"/>: the family, while
    /// the owner keeps the export of the ARN that deployed consumers still import.
    /// </summary>
    private static CrossStackFixPlan ForFamily(ExpressionSyntax node, ExpressionSyntax owner, ExpressionSyntax family)
    {
        var plan = new CrossStackFixPlan(node);
        plan.UseHelper(CrossStackHelper.TaskDefinitionFamilyMethod, ImmutableArray.Create(owner, family), keepsOldExport: true);
        return plan;
    }

    private void UseHelper(string method, ImmutableArray<ExpressionSyntax> arguments, bool keepsOldExport)
    {
        HelperMethod = method;
        HelperArguments = arguments;
        KeepsOldExport = keepsOldExport;
    }

    /// <summary>
    /// The type the value must convert to. An element of <c>new[] { … }</c> converts to the element type the array
    /// is inferred with, but the array converts on to its slot (<c>ILayerVersion[]</c>): with the element imported, the
    /// inferred type becomes the slot's element type, so the slot decides.
    /// </summary>
    private ITypeSymbol? SlotType(SemanticModel semanticModel, TypeInfo typeInfo, CancellationToken cancellationToken)
        => Node.Parent is InitializerExpressionSyntax { Parent: ImplicitArrayCreationExpressionSyntax array }
            && semanticModel.GetTypeInfo(array, cancellationToken).ConvertedType is IArrayTypeSymbol { ElementType: var element }
                ? element
                : typeInfo.ConvertedType;

    /// <summary>Is the parameter or property that receives <see cref="Node"/> declared in the project's source?</summary>
    private bool IsSlotDeclaredInSource(SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var slot = Node.Parent switch
        {
            ArgumentSyntax argument => (semanticModel.GetOperation(argument, cancellationToken) as IArgumentOperation)?.Parameter?.ContainingSymbol,
            AssignmentExpressionSyntax assignment when assignment.Right == Node => semanticModel.GetSymbolInfo(assignment.Left, cancellationToken).Symbol,
            // The receiver of an extension method's call (taskDef.AllowRun(role)): its 'this' parameter.
            MemberAccessExpressionSyntax access when access.Expression == Node => DeclaredSlots.ExtensionReceiverSlot(access, semanticModel, cancellationToken)?.ContainingSymbol,
            _ => null,
        };
        return slot is not null && slot.Locations.Length > 0 && slot.Locations[0].IsInSource;
    }

    /// <summary>The consumer scope for a finding the fix worked out itself (ICDK003's pin), as ICDK001 hands it over.</summary>
    private static ExpressionSyntax? ScopeFor(CdkModel model, SemanticModel semanticModel, Consumer consumer, SyntaxNode use, ISymbol? containingSymbol, CancellationToken cancellationToken)
        => HelperScope.Of(model, semanticModel, consumer, use, containingSymbol, cancellationToken) switch
        {
            { Kind: HelperScope.This } => SyntaxFactory.ThisExpression(),
            { Scope: { } scope } => scope.WithoutTrivia(),
            _ => null,
        };
}
