using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Whether the app lets any stack take a reference from another region (<c>CrossRegionReferences = true</c> in a
/// stack's props). CDK then passes such a value through SSM parameters it writes in the consumer's region with a
/// custom resource, not through an export; the helper's parameter would be published in the owner's region and read
/// in the consumer's, where it does not exist. A stack's region is rarely known from the source (props, config,
/// environment variables), so the fixes that pass a value between stacks are not offered in such an app at all.
/// Asked by the fixes only, never on the analyzer's path; worked out once per compilation.
/// </summary>
internal sealed class CrossRegionUse
{
    private const string PropertyName = "CrossRegionReferences";

    private readonly CdkTypes _types;
    private readonly ValueSources _sources;

    // 0 not yet known, 1 no, 2 yes. Worked out twice at worst; a cancelled search leaves it unknown.
    private int _answer;

    public CrossRegionUse(CdkTypes types, ValueSources sources)
    {
        _types = types;
        _sources = sources;
    }

    /// <summary>
    /// Does any source set <c>CrossRegionReferences</c> to something other than <see langword="false"/> or
    /// <see langword="null"/>, or declare its own such property (a props class of its own implementing
    /// <c>IStackProps</c>)? A value the source computes counts as set: unknown means no fix.
    /// </summary>
    public bool IsEnabledAnywhere(CancellationToken cancellationToken)
    {
        var answer = Volatile.Read(ref _answer);
        if (answer == 0)
        {
            answer = Search(cancellationToken) ? 2 : 1;
            Volatile.Write(ref _answer, answer);
        }

        return answer == 2;
    }

    private bool Search(CancellationToken cancellationToken)
    {
        foreach (var tree in _sources.Compilation.SyntaxTrees)
        {
            foreach (var token in _sources.Text.TokensNamed(tree.GetRoot(cancellationToken), PropertyName, cancellationToken))
            {
                if (Enables(token, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool Enables(SyntaxToken token, CancellationToken cancellationToken)
    {
        if (token.Parent is PropertyDeclarationSyntax declaration && declaration.Identifier == token)
        {
            return true;
        }

        if (token.Parent is not IdentifierNameSyntax name)
        {
            return false;
        }

        // Only a value given to the property counts (an object initializer's entry, props.CrossRegionReferences = …);
        // a read passes on what was set elsewhere, and that is found where it was set.
        var target = name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? (ExpressionSyntax)access : name;
        if (target.Parent is not AssignmentExpressionSyntax assignment || assignment.Left != target || IsOff(assignment.Right))
        {
            return false;
        }

        var property = _sources.SemanticModelFor(tree: name.SyntaxTree, known: null).GetSymbolInfo(name, cancellationToken).Symbol as IPropertySymbol;
        return property is null
            || SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, _types.Assembly)
            || !property.DeclaringSyntaxReferences.IsEmpty;
    }

    private static bool IsOff(ExpressionSyntax value)
        => CdkSyntax.WalkDownParenthesesAndCasts(value).Kind() is SyntaxKind.FalseLiteralExpression or SyntaxKind.NullLiteralExpression
            or SyntaxKind.DefaultLiteralExpression or SyntaxKind.DefaultExpression;
}
