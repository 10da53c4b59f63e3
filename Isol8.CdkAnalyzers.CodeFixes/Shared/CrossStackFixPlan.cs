using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Model;
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

    /// <summary>The family fix of ICDK001 at <paramref name="span"/>, written through the helper; null when there is none.</summary>
    public static async Task<CrossStackFixPlan?> CreateFamilyAsync(Document document, TextSpan span, CancellationToken cancellationToken)
        => (await CreateAsync(document, span, cancellationToken).ConfigureAwait(false))?.FamilyPlan;

    public static async Task<CrossStackFixPlan?> CreateAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null || root.FindNode(span, getInnermostNodeForTie: true) is not ExpressionSyntax node)
        {
            return null;
        }

        var model = CdkModel.For(semanticModel.Compilation);
        if (model is null || node is ConditionalAccessExpressionSyntax)
        {
            return null;
        }

        var containingSymbol = semanticModel.GetEnclosingSymbol(node.SpanStart, cancellationToken);
        var plan = new CrossStackFixPlan(node);
        var catalogue = model.SettingsFor(document.Project.AnalyzerOptions, semanticModel.SyntaxTree).Catalogue;
        if (node is MemberAccessExpressionSyntax access
            && semanticModel.GetOperation(access, cancellationToken) is IMemberReferenceOperation { Instance: { } receiver } read
            && read is IPropertyReferenceOperation or IFieldReferenceOperation
            && catalogue.IsVolatile(read.Member, receiver.Type))
        {
            var finding = CrossStackReferences.Find(model, receiver, read, containingSymbol, cancellationToken);
            if (finding is null)
            {
                return null;
            }

            plan.PlanRead(model, semanticModel, access, read, finding.Value, containingSymbol, cancellationToken);
            return plan;
        }

        if (semanticModel.GetOperation(node, cancellationToken) is { } handedOver)
        {
            var finding = CrossStackReferences.Find(model, handedOver, handedOver, containingSymbol, cancellationToken, skipStackConstruction: true);
            if (finding is null)
            {
                return null;
            }

            plan.PlanHandOver(model, semanticModel, finding.Value, containingSymbol, cancellationToken);
            return plan;
        }

        return null;
    }

    /// <summary>
    /// For ICDK003: pins <c>taskDef.Family</c> to the revision. Through the SSM helper when the task definition is
    /// owned by another stack; as <c>taskDef.TaskDefinitionArn</c> when it is owned by the stack that uses it.
    /// </summary>
    public static async Task<CrossStackFixPlan?> CreatePinAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(span, getInnermostNodeForTie: true) is not MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Family" } access
            || semanticModel is null || CdkModel.For(semanticModel.Compilation) is not { } model
            || semanticModel.GetOperation(access, cancellationToken) is not IPropertyReferenceOperation { Instance: { } receiver } read)
        {
            return null;
        }

        var containingSymbol = semanticModel.GetEnclosingSymbol(access.SpanStart, cancellationToken);
        var plan = new CrossStackFixPlan(access);
        if (CrossStackReferences.Find(model, receiver, read, containingSymbol, cancellationToken) is { } finding)
        {
            if (plan.ScopeFor(model, semanticModel, finding.Consumer, containingSymbol, cancellationToken) is not { } scope)
            {
                return null;
            }

            // The family held no import: there is no old export to keep.
            plan.UseHelper(CrossStackHelper.TaskDefinitionArnMethod, ImmutableArray.Create(scope, access.Expression.WithoutTrivia()), keepsOldExport: false);
            return plan;
        }

        if (CrossStackReferences.IsUsedByItsOwner(model, receiver, read, containingSymbol, cancellationToken))
        {
            plan.DirectReplacement = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, access.Expression.WithoutTrivia(), SyntaxFactory.IdentifierName("TaskDefinitionArn"));
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
            || semanticModel.GetOperation(access.Expression, cancellationToken) is not { } receiver
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

    private void PlanRead(CdkModel model, SemanticModel semanticModel, MemberAccessExpressionSyntax access, IMemberReferenceOperation read, CrossStackFinding finding, ISymbol? containingSymbol, CancellationToken cancellationToken)
    {
        var receiver = access.Expression.WithoutTrivia();
        var receiverKind = model.Types.KindOf(read.Instance!.Type);
        var member = read.Member.Name;

        if (member == "TaskDefinitionArn" && (receiverKind & CdkTypeKind.TaskDefinition) != 0)
        {
            if (model.Families.ConstantFamilyOf(read.Instance, cancellationToken) is { } family)
            {
                FamilyReplacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(family));
                FamilyIsLiteral = true;
            }
            else if ((receiverKind & CdkTypeKind.ConcreteTaskDefinition) != 0)
            {
                FamilyReplacement = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver, SyntaxFactory.IdentifierName("Family"));
            }
        }

        if (FamilyReplacement is not null && (FamilyIsLiteral || IsPureReference(receiver)))
        {
            FamilyPlan = ForFamily(Node, receiver, FamilyReplacement);
        }

        if (ScopeFor(model, semanticModel, finding.Consumer, containingSymbol, cancellationToken) is not { } scope)
        {
            return;
        }

        var typedMethod = (member, receiverKind) switch
        {
            ("TaskDefinitionArn", var kind) when (kind & CdkTypeKind.TaskDefinition) != 0 => CrossStackHelper.TaskDefinitionArnMethod,
            ("FunctionArn", var kind) when (kind & CdkTypeKind.FunctionVersion) != 0 => CrossStackHelper.FunctionArnMethod,
            ("EdgeArn", var kind) when (kind & CdkTypeKind.FunctionVersion) != 0 => CrossStackHelper.EdgeArnMethod,
            ("LayerVersionArn", var kind) when (kind & CdkTypeKind.LayerVersion) != 0 => CrossStackHelper.LayerVersionArnMethod,
            _ => null,
        };

        if (typedMethod is not null)
        {
            UseHelper(typedMethod, ImmutableArray.Create(scope, receiver), keepsOldExport: true);
        }
        else if (IsPureReference(receiver) && (receiverKind & CdkTypeKind.Construct) != 0)
        {
            // CfnTaskDefinition.Ref and the user's own catalogue entries: name the attribute, pass the value.
            UseHelper(
                CrossStackHelper.ReadMethod,
                ImmutableArray.Create<ExpressionSyntax>(scope, receiver, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(member)), access.WithoutTrivia()),
                keepsOldExport: true);
        }
    }

    private void PlanHandOver(CdkModel model, SemanticModel semanticModel, CrossStackFinding finding, ISymbol? containingSymbol, CancellationToken cancellationToken)
    {
        var typeInfo = semanticModel.GetTypeInfo(Node, cancellationToken);
        var kind = model.Types.KindOf(typeInfo.Type);
        var (method, importedType) = (kind & CdkTypeKind.TaskDefinition) != 0 ? (CrossStackHelper.ImportTaskDefinitionMethod, model.Types.ITaskDefinition)
            : (kind & CdkTypeKind.FunctionVersion) != 0 ? (CrossStackHelper.ImportVersionMethod, model.Types.IVersion)
            : (kind & CdkTypeKind.LayerVersion) != 0 ? (CrossStackHelper.ImportLayerVersionMethod, model.Types.ILayerVersion)
            : (null, null);

        // A FargateService or EcsRunTask takes the concrete TaskDefinition: an imported reference does not fit, and no fix is offered.
        if (method is null || importedType is null || SlotType(semanticModel, typeInfo, cancellationToken) is not { } target
            || !semanticModel.Compilation.ClassifyConversion(importedType, target).IsImplicit)
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

        // A slot that takes any IFunction may grant it invoke permissions (an events rule target, an integration):
        // CDK cannot create them for an imported version and drops the AWS::Lambda::Permission silently. No fix.
        if ((kind & CdkTypeKind.FunctionVersion) != 0 && model.Types.IFunction is { } function
            && semanticModel.Compilation.ClassifyConversion(function, target).IsImplicit)
        {
            return;
        }

        if (ScopeFor(model, semanticModel, finding.Consumer, containingSymbol, cancellationToken) is { } scope)
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
            _ => null,
        };
        return slot is not null && slot.Locations.Length > 0 && slot.Locations[0].IsInSource;
    }

    /// <summary>
    /// The consumer scope the helper reads the parameter into: <c>this</c> in a stack's own code, or the scope
    /// expression the value flows into directly when the code is outside a stack. Null when there is none to name.
    /// </summary>
    private ExpressionSyntax? ScopeFor(CdkModel model, SemanticModel semanticModel, Consumer consumer, ISymbol? containingSymbol, CancellationToken cancellationToken)
    {
        if (consumer.Stack.IsThisStack)
        {
            // Field initializers cannot use 'this'.
            return containingSymbol is IMethodSymbol ? SyntaxFactory.ThisExpression() : null;
        }

        if (consumer.Scope is not ExpressionSyntax scope || consumer.ThroughLocal || !IsPureReference(scope) || scope.SyntaxTree != Node.SyntaxTree)
        {
            return null;
        }

        var scopeType = semanticModel.GetTypeInfo(scope, cancellationToken).Type;
        return model.Types.Construct is { } construct && TypeRelations.IsOrInherits(scopeType, construct) ? scope.WithoutTrivia() : null;
    }

    /// <summary><c>this</c>, a name, or a chain of member accesses on one (<c>!</c> allowed): safe to evaluate twice or to move.</summary>
    private static bool IsPureReference(ExpressionSyntax expression)
        => expression switch
        {
            ThisExpressionSyntax or IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax access => IsPureReference(access.Expression),
            PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression) => IsPureReference(suppressed.Operand),
            _ => false,
        };
}
