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
        => VolatileMember(expression, semanticModel, model, catalogue, depth: 0, throughLocal: false, cancellationToken);

    // throughLocal: the expression is a local's value, not the one used; a loop's variable there may be used under a
    // condition the use does not see (var copied = value; if (…) Export(copied)), so it is not followed.
    private static ISymbol? VolatileMember(ExpressionSyntax expression, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, int depth, bool throughLocal, CancellationToken cancellationToken)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        switch (CdkSyntax.WalkDownParenthesesAndCasts(expression))
        {
            case MemberAccessExpressionSyntax access when catalogue.MayBeVolatile(access.Name.Identifier.ValueText):
                return CatalogueRead(access, semanticModel, model, catalogue, cancellationToken);
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Value", Expression: IdentifierNameSyntax pair } pairValue
                when !throughLocal && semanticModel.GetSymbolInfo(pair, cancellationToken).Symbol is ILocalSymbol pairLocal && LoopDeclaring(pairLocal, out var pairPart, cancellationToken) is { } pairLoop && pairPart.Position < 0
                    && semanticModel.GetSymbolInfo(pairValue, cancellationToken).Symbol is IPropertySymbol { ContainingType: var pairType } && model.Owners.IsKeyValuePair(pairType):
                // foreach (var pair in outputs) … pair.Value: a dictionary's value, each in its turn (as var (name, value) would be).
                return LoopedElement(pairLoop, pairValue, position: 1, elementCount: 2, semanticModel, model, catalogue, depth, cancellationToken);
            case MemberAccessExpressionSyntax access:
                return Relay(access, access.Name.Identifier.ValueText, semanticModel, model, catalogue, cancellationToken);
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolationSyntax interpolation && VolatileMember(interpolation.Expression, semanticModel, model, catalogue, depth + 1, throughLocal, cancellationToken) is { } interpolatedMember)
                    {
                        return interpolatedMember;
                    }
                }

                return null;
            case BinaryExpressionSyntax concatenation when concatenation.IsKind(SyntaxKind.AddExpression):
                return VolatileMember(concatenation.Left, semanticModel, model, catalogue, depth + 1, throughLocal, cancellationToken)
                    ?? VolatileMember(concatenation.Right, semanticModel, model, catalogue, depth + 1, throughLocal, cancellationToken);
            case IdentifierNameSyntax identifier:
                return semanticModel.GetSymbolInfo(identifier, cancellationToken).Symbol is ILocalSymbol local
                    ? (throughLocal ? null : LoopedValue(local, identifier, semanticModel, model, catalogue, depth, cancellationToken)) ?? LocalValue(local, identifier, semanticModel, model, catalogue, depth, cancellationToken)
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
            if (VolatileMember(source, semanticModel, model, catalogue, depth + 1, throughLocal: true, cancellationToken) is not { } member)
            {
                return null;
            }

            first ??= member;
        }

        return first;
    }

    /// <summary>
    /// A <c>foreach</c> variable over a collection created in place or in a local of the same body (<c>foreach (var (name,
    /// value) in outputs)</c>, <c>foreach (var arn in new[] { … })</c>): the first volatile element seen. Each element is
    /// used in its turn, so one volatile element is enough, whatever the others are; but only where the loop's body uses
    /// the variable unconditionally (a filter such as <c>if (name != "WorkerArn")</c> may skip it). Null otherwise.
    /// </summary>
    private static ISymbol? LoopedValue(ILocalSymbol local, IdentifierNameSyntax reference, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
        => LoopDeclaring(local, out var part, cancellationToken) is { } loop
            ? LoopedElement(loop, reference, part.Position, part.Count, semanticModel, model, catalogue, depth, cancellationToken)
            : null;

    /// <summary>The <c>foreach</c> that declares <paramref name="local"/>, and which part of the element it is (<see cref="CdkSyntax.LoopDeclaring"/>).</summary>
    private static CommonForEachStatementSyntax? LoopDeclaring(ILocalSymbol local, out (int Position, int Count) part, CancellationToken cancellationToken)
    {
        part = default;
        return local.DeclaringSyntaxReferences.Length == 1 ? CdkSyntax.LoopDeclaring(local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken), out part) : null;
    }

    /// <summary>
    /// The first volatile element of what <paramref name="loop"/> iterates, or of its part at <paramref name="position"/>
    /// (of <paramref name="elementCount"/>: a tuple's element, or a dictionary pair's value at 1); -1 for the element itself.
    /// </summary>
    private static ISymbol? LoopedElement(CommonForEachStatementSyntax loop, SyntaxNode use, int position, int elementCount, SemanticModel semanticModel, CdkModel model, VolatileCatalogue catalogue, int depth, CancellationToken cancellationToken)
    {
        if (!IsUsedUnconditionally(loop, use))
        {
            return null;
        }

        var collection = CdkSyntax.WalkDownParenthesesAndCasts(loop.Expression);
        var elements = collection is IdentifierNameSyntax && semanticModel.GetSymbolInfo(collection, cancellationToken).Symbol is ILocalSymbol held
            ? model.Collections.SeenInLocal(held, cancellationToken)
            : CollectionElements.CreatedWith(collection);
        if (elements.IsDefaultOrEmpty)
        {
            return null;
        }

        // A dictionary's elements are its values already: a pair's value (its second part) is the element; the pair itself
        // and its key are nothing this follows.
        var isDictionary = model.Owners.IsKeyValuePair(semanticModel.GetForEachStatementInfo(loop).ElementType as INamedTypeSymbol);
        if (isDictionary && position != 1)
        {
            return null;
        }

        foreach (var element in elements)
        {
            var part = position < 0 || isDictionary ? element
                : CdkSyntax.WalkDownParenthesesAndCasts(element) is TupleExpressionSyntax tuple && tuple.Arguments.Count == elementCount ? tuple.Arguments[position].Expression
                : null;
            if (part is not null && VolatileMember(part, semanticModel, model, catalogue, depth + 1, throughLocal: true, cancellationToken) is { } member)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>
    /// Does every pass of <paramref name="loop"/> reach <paramref name="use"/>: is it in a statement of the loop's body
    /// itself, after nothing but expressions and declarations?
    /// </summary>
    private static bool IsUsedUnconditionally(CommonForEachStatementSyntax loop, SyntaxNode use)
    {
        var statement = use.FirstAncestorOrSelf<StatementSyntax>();
        if (statement == loop.Statement)
        {
            return true;
        }

        if (statement?.Parent != loop.Statement || loop.Statement is not BlockSyntax body)
        {
            return false;
        }

        foreach (var earlier in body.Statements)
        {
            if (earlier == statement)
            {
                return true;
            }

            if (earlier is not (ExpressionStatementSyntax or LocalDeclarationStatementSyntax))
            {
                return false;
            }
        }

        return false;
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
