using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>Is an expression a volatile value, wherever it is owned?</summary>
internal static class VolatileValues
{
    /// <summary>How many locals and string pieces the search for a volatile value follows before it gives up.</summary>
    private const int MaxDepth = 4;

    /// <summary>
    /// The volatile member <paramref name="expression"/>'s value comes from: a read of it (<c>taskDef.TaskDefinitionArn</c>,
    /// unless its receiver is an imported reference or a stable one such as <c>LatestVersion</c>), a relay of one (a
    /// stack's <c>ApiArn</c> set to it, or its method returning it), a string built from one (<c>$"{arn}"</c>, <c>"td:" + arn</c>), or a local
    /// whose every value is one. Null otherwise.
    /// </summary>
    public static ISymbol? VolatileMember(ExpressionSyntax expression, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        => VolatileMember(expression, semanticModel, model, catalogue, depth: 0, cancellationToken);

    private static ISymbol? VolatileMember(ExpressionSyntax expression, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (CdkSyntax.WalkDownParenthesesAndCasts(expression))
        {
            case MemberAccessExpressionSyntax access when catalogue.MayBeVolatile(access.Name.Identifier.ValueText):
                return CatalogueRead(access, semanticModel, model, catalogue, cancellationToken);
            case MemberAccessExpressionSyntax access:
                return Relay(access, access.Name.Identifier.ValueText, semanticModel, model, catalogue, cancellationToken);
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolationSyntax interpolation && VolatileMember(interpolation.Expression, semanticModel, model, catalogue, depth + 1, cancellationToken) is { } interpolatedMember)
                    {
                        return interpolatedMember;
                    }
                }

                return null;
            case BinaryExpressionSyntax concatenation when concatenation.IsKind(SyntaxKind.AddExpression):
                return VolatileMember(concatenation.Left, semanticModel, model, catalogue, depth + 1, cancellationToken)
                    ?? VolatileMember(concatenation.Right, semanticModel, model, catalogue, depth + 1, cancellationToken);
            case IdentifierNameSyntax identifier:
                return semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local
                    ? LocalValue(local, identifier, semanticModel, model, catalogue, depth, cancellationToken)
                    : Relay(identifier, identifier.Identifier.ValueText, semanticModel, model, catalogue, cancellationToken);
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax or MemberAccessExpressionSyntax } call:
                return CdkSyntax.TrailingName(call.Expression) is { } name ? Relay(call, name, semanticModel, model, catalogue, cancellationToken) : null;
            default:
                return null;
        }
    }

    private static ISymbol? CatalogueRead(MemberAccessExpressionSyntax access, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (Read(access, semanticModel, catalogue, cancellationToken) is not { Instance: { } receiver } read)
        {
            return null;
        }

        var owner = model.Owners.OwnerOf(receiver, new ResolutionWalk(cancellationToken, semanticModel));
        return owner.Kind is OwnerKind.Imported or OwnerKind.Stable ? null : read.Member;
    }

    /// <summary>
    /// A stack's or construct's string member relaying its own construct's volatile read (<c>ApiArn</c>), or a call of its
    /// method returning one (<c>NightlyArn()</c>): the relay.
    /// </summary>
    private static ISymbol? Relay(ExpressionSyntax reference, string name, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        => model.Relays.MayRelay(name, catalogue, cancellationToken)
            && semanticModel.GetOperation(reference, cancellationToken) switch
            {
                IPropertyReferenceOperation property => (ISymbol)property.Property,
                IFieldReferenceOperation field => field.Field,
                IInvocationOperation call => call.TargetMethod,
                _ => null,
            } is { } member
            && model.Relays.RelayedMember(member, catalogue, cancellationToken) is not null
                ? member
                : null;

    /// <summary>A local whose every value (its initializer and each assignment) is volatile: the first one's member.</summary>
    private static ISymbol? LocalValue(ILocalSymbol local, IdentifierNameSyntax reference, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        var sources = model.Sources.OfLocal(local, reference, semanticModel, cancellationToken);
        if (sources.IsDefaultOrEmpty)
        {
            return null;
        }

        ISymbol? first = null;
        foreach (var source in sources)
        {
            if (VolatileMember(source, semanticModel, model, catalogue, depth + 1, cancellationToken) is not { } member)
            {
                return null;
            }

            first ??= member;
        }

        return first;
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
