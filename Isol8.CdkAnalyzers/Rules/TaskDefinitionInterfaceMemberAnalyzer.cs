using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Rules;

/// <summary>
/// ICDK002: a member of the concrete task definition classes (<c>Family</c>, <c>DefaultContainer</c>, …) read
/// through <c>ITaskDefinition</c> or one of its sub-interfaces, where it does not exist. Reported on code that does
/// not compile, so the fixes can run from <c>dotnet format</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TaskDefinitionInterfaceMemberAnalyzer : CdkAnalyzer
{
    /// <summary>Diagnostic property: the member's proper name (<c>Family</c> for a typed <c>family</c>).</summary>
    public const string MemberProperty = "Member";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.TaskDefinitionInterfaceMember);

    private protected override void Register(CompilationStartAnalysisContext context, CdkModel model)
        => context.RegisterSyntaxNodeAction(c => Analyze(c, model), SyntaxKind.SimpleMemberAccessExpression, SyntaxKind.MemberBindingExpression);

    private static void Analyze(SyntaxNodeAnalysisContext context, CdkModel model)
    {
        var (receiver, name) = context.Node switch
        {
            MemberAccessExpressionSyntax access => (access.Expression, access.Name),
            MemberBindingExpressionSyntax binding when binding.Parent?.Parent is ConditionalAccessExpressionSyntax conditional => (conditional.Expression, binding.Name),
            _ => (null, null),
        };

        if (receiver is null || name is null || !model.ConcreteTaskDefinitionMembers.TryGet(name.Identifier.ValueText, out var memberName, out var owners)
            || !model.TaskDefinitionInterfaceNames.MightHold(receiver, context.CancellationToken))
        {
            return;
        }

        var receiverType = context.SemanticModel.GetTypeInfo(receiver, context.CancellationToken).Type;
        if (receiverType is not { TypeKind: TypeKind.Interface } || !model.Types.Is(receiverType, CdkTypeKind.TaskDefinition)
            || context.SemanticModel.GetSymbolInfo(context.Node, context.CancellationToken).Symbol is not null)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.TaskDefinitionInterfaceMember,
            name.GetLocation(),
            ImmutableDictionary<string, string?>.Empty.Add(MemberProperty, memberName),
            memberName,
            receiverType.Name,
            owners));
    }
}
