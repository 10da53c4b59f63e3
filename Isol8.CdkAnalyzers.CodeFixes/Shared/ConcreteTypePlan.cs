using System.Threading;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// The member behind an <c>ITaskDefinition</c> receiver (a property, field or props member in source) and the
/// concrete type every value assigned to it has: declaring the member with that type makes the concrete-only
/// members reachable.
/// </summary>
internal sealed class ConcreteTypePlan
{
    private ConcreteTypePlan(ISymbol member, INamedTypeSymbol concreteType, TypeSyntax declaredType)
    {
        Member = member;
        ConcreteType = concreteType;
        DeclaredType = declaredType;
    }

    public ISymbol Member { get; }

    public INamedTypeSymbol ConcreteType { get; }

    /// <summary>The type syntax of the member's declaration, to be replaced.</summary>
    public TypeSyntax DeclaredType { get; }

    public static ConcreteTypePlan? Create(CdkModel model, SemanticModel semanticModel, ExpressionSyntax receiver, CancellationToken cancellationToken)
    {
        var member = semanticModel.GetSymbolInfo(receiver, cancellationToken).Symbol?.OriginalDefinition;
        if (member is not (IPropertySymbol or IFieldSymbol) || member.DeclaringSyntaxReferences.Length != 1)
        {
            // Outside the source (a CDK member), or partial: not ours to change.
            return null;
        }

        var declaredType = member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
        {
            PropertyDeclarationSyntax property => property.Type,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } => declaration.Type,
            _ => null,
        };
        if (declaredType is null)
        {
            return null;
        }

        var sources = model.Sources.OfMember(member, semanticModel, cancellationToken);
        if (sources.IsDefaultOrEmpty)
        {
            sources = model.Sources.OfObjectInitializers(member, cancellationToken);
        }

        INamedTypeSymbol? common = null;
        foreach (var source in sources)
        {
            var type = model.Sources.SemanticModelFor(source.SyntaxTree, null).GetTypeInfo(source, cancellationToken).Type as INamedTypeSymbol;
            if (type is null || !model.Types.Is(type, CdkTypeKind.ConcreteTaskDefinition))
            {
                // An imported reference (FromTaskDefinitionArn returns the interface) or a value the model cannot type.
                return null;
            }

            common = common is null ? type : CommonBase(common, type);
        }

        return common is null ? null : new ConcreteTypePlan(member, common, declaredType);
    }

    private static INamedTypeSymbol CommonBase(INamedTypeSymbol first, INamedTypeSymbol second)
    {
        for (var candidate = first; candidate is not null; candidate = candidate.BaseType)
        {
            if (TypeRelations.IsOrInherits(second, candidate))
            {
                return candidate;
            }
        }

        return first;
    }

    public string MemberName => Member.Name;

    public string ConcreteTypeName => ConcreteType.Name;
}
