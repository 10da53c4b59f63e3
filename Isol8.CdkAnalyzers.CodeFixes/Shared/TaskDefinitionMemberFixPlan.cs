using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>What the ICDK002 fixes would do for one member access on an <c>ITaskDefinition</c>.</summary>
internal sealed class TaskDefinitionMemberFixPlan
{
    private TaskDefinitionMemberFixPlan(MemberAccessExpressionSyntax access, string memberName)
    {
        Access = access;
        MemberName = memberName;
    }

    public MemberAccessExpressionSyntax Access { get; }

    /// <summary>The member's proper name (<c>Family</c> for a typed <c>family</c>).</summary>
    public string MemberName { get; }

    /// <summary>The family folded from the definition site, for a <c>Family</c> read; null when it does not fold.</summary>
    public string? DeclaredFamily { get; private set; }

    /// <summary>The definition site was found and sets no family: CDK derives one from the construct path.</summary>
    public bool FamilyNotSet { get; private set; }

    public ConcreteTypePlan? ConcreteType { get; private set; }

    public static async Task<TaskDefinitionMemberFixPlan?> CreateAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root?.FindNode(span, getInnermostNodeForTie: true) is not SimpleNameSyntax { Parent: MemberAccessExpressionSyntax access } name
            || access.Name != name || semanticModel is null)
        {
            return null;
        }

        var model = CdkModel.For(semanticModel.Compilation);
        if (model is null || !model.ConcreteTaskDefinitionMembers.TryGet(name.Identifier.ValueText, out var memberName, out _))
        {
            return null;
        }

        var receiverType = semanticModel.GetTypeInfo(access.Expression, cancellationToken).Type;
        if (receiverType is not { TypeKind: TypeKind.Interface } || !model.Types.Is(receiverType, CdkTypeKind.TaskDefinition))
        {
            return null;
        }

        var plan = new TaskDefinitionMemberFixPlan(access, memberName);
        if (memberName == KnownCdkNames.Family
            && model.Families.CreationBehind(semanticModel.GetOperation(CdkSyntax.WithoutSuppression(access.Expression), cancellationToken), cancellationToken) is { } creation)
        {
            if (FamilyResolver.FamilyExpression(creation) is { } family)
            {
                plan.DeclaredFamily = model.Families.Fold(family, cancellationToken).Constant;
            }
            else
            {
                plan.FamilyNotSet = true;
            }
        }

        plan.ConcreteType = ConcreteTypePlan.Create(model, semanticModel, access.Expression, cancellationToken);
        return plan;
    }
}
