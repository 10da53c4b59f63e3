using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Which stacks the app lets take a reference from another region (<c>CrossRegionReferences = true</c> in a stack's
/// props). CDK passes such a value through SSM parameters it writes in the consumer's region with a custom resource,
/// not through an export, and only for a consumer whose props turn it on; the helper's parameter would be published
/// in the owner's region and read in the consumer's, where it does not exist. A stack's region is rarely known from
/// the source (props, config, environment variables), so the fixes that pass a value between stacks are not offered
/// to a consumer that may have it on. Asked by the fixes only, never on the analyzer's path; worked out once per
/// compilation.
/// </summary>
internal sealed class CrossRegionUse
{
    private const string PropertyName = "CrossRegionReferences";

    private readonly CdkTypes _types;
    private readonly ValueSources _sources;

    // Worked out twice at worst; a cancelled search leaves it unknown.
    private Answer? _answer;

    public CrossRegionUse(CdkTypes types, ValueSources sources)
    {
        _types = types;
        _sources = sources;
    }

    /// <summary>
    /// May a stack of class <paramref name="consumerStack"/> take references across regions? It may when props
    /// created for it (<c>new WebStack(app, "Web", new WebStackProps { CrossRegionReferences = true })</c>, or in its
    /// constructor's <c>base(…)</c>) or for a class related to it turn them on, and whenever the source turns them on
    /// where the model cannot tell for which stack (a props object in a local, the app's own props class, a value set
    /// later). <see langword="false"/> or <see langword="null"/> turns nothing on; any other value counts as on.
    /// </summary>
    public bool MayReachAcrossRegions(ITypeSymbol? consumerStack, CancellationToken cancellationToken)
    {
        var answer = _answer ??= Search(cancellationToken);
        if (!answer.Anywhere)
        {
            return false;
        }

        if (answer.Unattributed || consumerStack is null)
        {
            return true;
        }

        foreach (var stack in answer.Stacks)
        {
            if (TypeRelations.AreRelated(stack, consumerStack))
            {
                return true;
            }
        }

        return false;
    }

    private Answer Search(CancellationToken cancellationToken)
    {
        var stacks = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var tree in _sources.Compilation.SyntaxTrees)
        {
            foreach (var token in _sources.Text.TokensNamed(tree.GetRoot(cancellationToken), PropertyName, cancellationToken))
            {
                if (!Enables(token, out var stack, cancellationToken))
                {
                    continue;
                }

                if (stack is null)
                {
                    return new Answer(anywhere: true, unattributed: true, ImmutableArray<INamedTypeSymbol>.Empty);
                }

                stacks.Add(stack);
            }
        }

        return new Answer(stacks.Count > 0, unattributed: false, stacks.ToImmutable());
    }

    /// <summary>Does <paramref name="token"/> turn cross-region references on, and for which stack class (null: the model cannot tell)?</summary>
    private bool Enables(SyntaxToken token, out INamedTypeSymbol? stack, CancellationToken cancellationToken)
    {
        stack = null;
        if (token.Parent is PropertyDeclarationSyntax declaration && declaration.Identifier == token)
        {
            // The app's own props class declares it: for whichever stack is given one.
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

        var semanticModel = _sources.SemanticModelFor(name.SyntaxTree, known: null);
        if (semanticModel.GetSymbolInfo(name, cancellationToken).Symbol is IPropertySymbol property
            && !SymbolEqualityComparer.Default.Equals(property.ContainingAssembly, _types.Assembly)
            && property.DeclaringSyntaxReferences.IsEmpty)
        {
            // Another library's property of that name.
            return false;
        }

        stack = StackGiven(assignment, semanticModel, cancellationToken);
        return true;
    }

    /// <summary>
    /// The stack class the props holding <paramref name="assignment"/> are created for: an argument of <c>new T(…)</c>
    /// for a stack class <c>T</c>, or of the <c>base(…)</c> call of a stack class's constructor; null otherwise.
    /// </summary>
    private INamedTypeSymbol? StackGiven(AssignmentExpressionSyntax assignment, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (assignment.Parent is not InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax props }
            || props.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax arguments })
        {
            return null;
        }

        var stack = arguments.Parent switch
        {
            BaseObjectCreationExpressionSyntax creation => semanticModel.GetTypeInfo(creation, cancellationToken).Type as INamedTypeSymbol,
            ConstructorInitializerSyntax { Parent: ConstructorDeclarationSyntax constructor } => semanticModel.GetDeclaredSymbol(constructor, cancellationToken)?.ContainingType,
            _ => null,
        };
        return _types.Is(stack, CdkTypeKind.Stack) ? stack : null;
    }

    private static bool IsOff(ExpressionSyntax value)
        => CdkSyntax.WalkDownParenthesesAndCasts(value).Kind() is SyntaxKind.FalseLiteralExpression or SyntaxKind.NullLiteralExpression
            or SyntaxKind.DefaultLiteralExpression or SyntaxKind.DefaultExpression;

    private sealed class Answer
    {
        public Answer(bool anywhere, bool unattributed, ImmutableArray<INamedTypeSymbol> stacks)
        {
            Anywhere = anywhere;
            Unattributed = unattributed;
            Stacks = stacks;
        }

        /// <summary>Some source turns cross-region references on.</summary>
        public bool Anywhere { get; }

        /// <summary>Some source turns them on for a stack the model cannot name.</summary>
        public bool Unattributed { get; }

        /// <summary>The stack classes the other sources turn them on for.</summary>
        public ImmutableArray<INamedTypeSymbol> Stacks { get; }
    }
}
