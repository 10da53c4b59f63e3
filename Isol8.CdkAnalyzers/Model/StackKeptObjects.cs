using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Does a stack keep the object of the app's that a fill goes into? <c>Outputs = new ComputeOutputs { Received =
/// tasks.Task }</c> is a stack's record of what it holds, read by others through it, and renders nothing itself;
/// <c>new Worker(this, "W", new WorkerProps { Task = tasks.Task })</c> is a hand-over to a construct, which renders it
/// where that construct is. Only the first can carry another stack's construct (<see cref="OwnershipResolver"/>).
/// </summary>
internal sealed class StackKeptObjects
{
    private readonly CdkTypes _types;
    private readonly ValueSources _sources;
    private readonly SourceDeclarations _declarations;
    private ImmutableArray<INamedTypeSymbol> _constructParameterTypes;

    public StackKeptObjects(CdkTypes types, ValueSources sources, SourceDeclarations declarations)
    {
        _types = types;
        _sources = sources;
        _declarations = declarations;
    }

    /// <summary>
    /// Is <paramref name="fill"/>, a value <see cref="PlainObjectFills"/> found for <paramref name="member"/>, put in an
    /// object that a stack keeps in a member of its own (<c>Outputs = new … { M = fill }</c>, <c>Outputs.M = fill</c>,
    /// <c>compute.Outputs.M = fill</c>, through a local holding it), or in a static member (the app's one place for it)?
    /// Not when the member's type is the app's own and what a construct class of the app's (no stack) takes in its
    /// constructor: such props, kept or not, are handed to the construct, which renders them.
    /// </summary>
    public bool HoldsFill(ExpressionSyntax fill, ISymbol member, SemanticModel model, CancellationToken cancellationToken)
        => !member.DeclaringSyntaxReferences.IsEmpty
            && !IsConstructInput(member.ContainingType, cancellationToken)
            && (member.IsStatic || (HolderOf(fill) is { } kept && IsKeptByAStack(kept, model, cancellationToken)));

    /// <summary>Does a constructor of a construct class of the app's, no stack, take <paramref name="type"/> (as itself, a base or an interface)?</summary>
    private bool IsConstructInput(INamedTypeSymbol type, CancellationToken cancellationToken)
        => ConstructParameterTypes(cancellationToken).Any(parameterType => TypeRelations.IsOrInherits(type, parameterType));

    /// <summary>
    /// The parameter types of the constructors of the app's construct classes that are no stacks, found once per
    /// compilation by the class names the declarations pass collected. An <c>object</c> parameter takes anything and
    /// says nothing about props: left out.
    /// </summary>
    private ImmutableArray<INamedTypeSymbol> ConstructParameterTypes(CancellationToken cancellationToken)
    {
        if (_constructParameterTypes.IsDefault)
        {
            var snapshot = _declarations.Get(cancellationToken);
            var found = snapshot.ConstructClassNames
                .Where(name => !snapshot.StackClassNames.Contains(name))
                .SelectMany(name => _sources.Compilation.GetSymbolsWithName(name, SymbolFilter.Type, cancellationToken))
                .OfType<INamedTypeSymbol>()
                .Where(construct => _types.Is(construct, CdkTypeKind.Construct) && !_types.Is(construct, CdkTypeKind.Stack))
                .SelectMany(construct => construct.InstanceConstructors)
                .SelectMany(constructor => constructor.Parameters)
                .Select(parameter => parameter.Type.OriginalDefinition)
                .OfType<INamedTypeSymbol>()
                .Where(parameterType => parameterType.SpecialType != SpecialType.System_Object)
                .Distinct<INamedTypeSymbol>(SymbolEqualityComparer.Default)
                .ToImmutableArray();
            ImmutableInterlocked.InterlockedInitialize(ref _constructParameterTypes, found);
        }

        return _constructParameterTypes;
    }

    /// <summary>The object a fill goes into: the creation (or <c>with</c>) whose initializer or arguments give it, or the receiver assigned through.</summary>
    private static ExpressionSyntax? HolderOf(ExpressionSyntax fill)
        => fill.Parent switch
        {
            AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: ExpressionSyntax created } } => created,
            AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Expression: var receiver } } => receiver,
            ArgumentSyntax { Parent: ArgumentListSyntax { Parent: BaseObjectCreationExpressionSyntax creation } } => creation,
            _ => null,
        };

    private bool IsKeptByAStack(ExpressionSyntax holder, SemanticModel model, CancellationToken cancellationToken)
    {
        if (holder is BaseObjectCreationExpressionSyntax or WithExpressionSyntax)
        {
            var outer = CdkSyntax.WalkUpParenthesesAndCasts(holder);
            return outer.Parent switch
            {
                AssignmentExpressionSyntax assignment when assignment.Right == outer => IsStackMember(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol),
                EqualsValueClauseSyntax { Parent: { } declaration } => model.GetDeclaredSymbol(declaration, cancellationToken) switch
                {
                    ILocalSymbol local => IsGivenToAStack(local, declaration, model, cancellationToken),
                    var declared => IsStackMember(declared),
                },
                _ => false,
            };
        }

        return model.GetSymbolInfo(holder, cancellationToken).Symbol switch
        {
            ILocalSymbol local => local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is VariableDeclaratorSyntax declarator
                && ((declarator.Initializer?.Value is { } initial && IsStackMember(model.GetSymbolInfo(CdkSyntax.WalkDownParenthesesAndCasts(initial), cancellationToken).Symbol))
                    || IsGivenToAStack(local, declarator, model, cancellationToken)),
            var symbol => IsStackMember(symbol),
        };
    }

    /// <summary>Is <paramref name="local"/> assigned to a stack's member in the code it is declared in (<c>Outputs = outputs;</c>)?</summary>
    private bool IsGivenToAStack(ILocalSymbol local, SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
        => CdkSyntax.EnclosingBody(declaration) is { } body
            && body.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(assignment =>
                CdkSyntax.WalkDownParenthesesAndCasts(assignment.Right) is IdentifierNameSyntax name
                && name.Identifier.ValueText == local.Name
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local)
                && IsStackMember(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol));

    /// <summary>An instance field or property of a stack class: what the stack keeps for others to read.</summary>
    private bool IsStackMember(ISymbol? symbol)
        => symbol is IFieldSymbol { IsStatic: false } or IPropertySymbol { IsStatic: false } && _types.Is(symbol.ContainingType, CdkTypeKind.Stack);
}
