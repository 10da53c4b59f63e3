using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>Is an expression a volatile value, wherever it is owned?</summary>
internal static class VolatileValues
{
    /// <summary>
    /// The volatile member <paramref name="expression"/> reads (<c>taskDef.TaskDefinitionArn</c>), unless its receiver
    /// is an imported reference or a stable one (<c>LatestVersion</c>); null otherwise.
    /// </summary>
    public static ISymbol? VolatileMember(ExpressionSyntax expression, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var value = CdkSyntax.WalkDownParenthesesAndCasts(expression);
        if (value is not MemberAccessExpressionSyntax access || !catalogue.MayBeVolatile(access.Name.Identifier.ValueText))
        {
            return null;
        }

        if (Read(access, semanticModel, catalogue, cancellationToken) is not { Instance: { } receiver } read)
        {
            return null;
        }

        var owner = model.Owners.OwnerOf(receiver, new ResolutionWalk(cancellationToken, semanticModel));
        return owner.Kind is OwnerKind.Imported or OwnerKind.Stable ? null : read.Member;
    }

    /// <summary>
    /// The one check of "is this a volatile read", for ICDK001, ICDK005 and the fixes: <paramref name="node"/> (a member
    /// access or a <c>?.</c> binding) reads a catalogue member of a field or property through a receiver. Null otherwise.
    /// </summary>
    public static IMemberReferenceOperation? Read(ExpressionSyntax node, SemanticModel semanticModel, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        => semanticModel.GetOperation(node, cancellationToken) is IMemberReferenceOperation { Instance: { } receiver } read
            && read is IPropertyReferenceOperation or IFieldReferenceOperation
            && catalogue.IsVolatile(read.Member, receiver.Type)
                ? read
                : null;
}
