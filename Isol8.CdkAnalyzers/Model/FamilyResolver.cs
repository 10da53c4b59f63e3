using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Finds where a task definition is created and folds its <c>Family</c>: a literal, a constant, an interpolated
/// string whose holes are constants, or a constructor parameter that every construction of the declaring class
/// passes the same constant for.
/// </summary>
internal sealed class FamilyResolver
{
    private const int MaxDepth = 12;

    private readonly Compilation _compilation;
    private readonly CdkTypes _types;
    private readonly ValueSources _sources;
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<ObjectCreationExpressionSyntax>> _constructions = new(SymbolEqualityComparer.Default);
    private Dictionary<string, List<ObjectCreationExpressionSyntax>>? _creationsByTypeName;
    private Dictionary<(string Type, string Name), ExpressionSyntax?>? _constants;

    public FamilyResolver(Compilation compilation, CdkTypes types, ValueSources sources)
    {
        _compilation = compilation;
        _types = types;
        _sources = sources;
    }

    /// <summary>The <c>new XTaskDefinition(…)</c> whose instance <paramref name="value"/> evaluates to, when there is exactly one.</summary>
    public IObjectCreationOperation? CreationBehind(IOperation? value, CancellationToken cancellationToken)
        => CreationBehind(value, 0, cancellationToken);

    /// <summary>The expression a task definition's props set <c>Family</c> to; null when the family is not set.</summary>
    public static ExpressionSyntax? FamilyExpression(IObjectCreationOperation creation)
    {
        foreach (var argument in creation.Arguments)
        {
            if (OperationFlow.Unwrap(argument.Value) is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: KnownCdkNames.Family } } assignment)
                    {
                        return assignment.Value.Syntax as ExpressionSyntax;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>Folds a family expression as far as it goes.</summary>
    public FamilyPattern Fold(ExpressionSyntax expression, CancellationToken cancellationToken)
        => Fold(expression, syntaxOnly: false, cancellationToken);

    /// <summary>
    /// Folds a family expression; with <paramref name="syntaxOnly"/>, from the syntax alone (constructor parameters and
    /// constants of other types stay holes): cheap enough to run over every declaration of a compilation.
    /// </summary>
    public FamilyPattern Fold(ExpressionSyntax expression, bool syntaxOnly, CancellationToken cancellationToken)
    {
        var parts = ImmutableArray.CreateBuilder<string?>();
        FoldInto(expression, parts, 0, syntaxOnly, cancellationToken);
        return new FamilyPattern(Merge(parts));
    }

    /// <summary>The constant family of the task definition behind <paramref name="value"/>, if it has one.</summary>
    public string? ConstantFamilyOf(IOperation value, CancellationToken cancellationToken)
        => CreationBehind(value, cancellationToken) is { } creation && FamilyExpression(creation) is { } family
            ? Fold(family, cancellationToken).Constant
            : null;

    private IObjectCreationOperation? CreationBehind(IOperation? value, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (value is null || depth > MaxDepth)
        {
            return null;
        }

        value = OperationFlow.Unwrap(value);
        switch (value)
        {
            case IObjectCreationOperation creation when _types.Is(creation.Type, CdkTypeKind.ConcreteTaskDefinition):
                return creation;
            case ILocalReferenceOperation local:
                return Single(_sources.OfLocal(local.Local, local.Syntax, local.SemanticModel, cancellationToken), depth, cancellationToken);
            case IMemberReferenceOperation { Member: IPropertySymbol { ContainingType.TypeKind: TypeKind.Interface } contract }:
                // props.Core.Worker through the app's IContainerOutputs: the one task definition its implementations give.
                return CreationThroughImplementations(contract, depth, cancellationToken);
            case IMemberReferenceOperation { Member: IFieldSymbol or IPropertySymbol } member:
                return CreationInMember(member.Member, member.SemanticModel, depth, cancellationToken);
            case IInvocationOperation { TargetMethod: var method } when !method.DeclaringSyntaxReferences.IsEmpty:
                // Platform.Worker(): the one task definition the method returns.
                return Single(_sources.OfReturns(method, cancellationToken), depth, cancellationToken);
            default:
                return null;
        }
    }

    private IObjectCreationOperation? CreationInMember(ISymbol member, SemanticModel? semanticModel, int depth, CancellationToken cancellationToken)
    {
        var sources = _sources.OfMember(member, semanticModel, cancellationToken);
        return Single(sources.IsDefaultOrEmpty ? _sources.OfObjectInitializers(member, cancellationToken) : sources, depth, cancellationToken);
    }

    /// <summary>
    /// The creation behind an interface member of the app's when every class of the source that implements the
    /// interface gives the same one (in practice, one stack class implements its outputs interface). Null when a class
    /// implements it otherwise, or an implementation may be overridden (its value would be the override's).
    /// </summary>
    private IObjectCreationOperation? CreationThroughImplementations(IPropertySymbol contract, int depth, CancellationToken cancellationToken)
    {
        if (contract.ContainingType is not { DeclaringSyntaxReferences.IsEmpty: false, IsGenericType: false } interfaceType)
        {
            return null;
        }

        IObjectCreationOperation? agreed = null;
        foreach (var implementor in SymbolFacts.SourceTypesDerivedFrom(_compilation, interfaceType, cancellationToken))
        {
            if (implementor.FindImplementationForInterfaceMember(contract) is not IPropertySymbol implementation
                || SymbolFacts.MayBeOverridden(implementation)
                || CreationInMember(implementation, null, depth + 1, cancellationToken) is not { } creation
                || (agreed is not null && agreed.Syntax != creation.Syntax))
            {
                return null;
            }

            agreed = creation;
        }

        return agreed;
    }

    private IObjectCreationOperation? Single(ImmutableArray<ExpressionSyntax> sources, int depth, CancellationToken cancellationToken)
    {
        if (sources.IsDefault || sources.Length != 1)
        {
            return null;
        }

        var operation = _sources.SemanticModelFor(sources[0].SyntaxTree, null).GetOperation(CdkSyntax.WithoutSuppression(sources[0]), cancellationToken);
        return CreationBehind(operation, depth + 1, cancellationToken);
    }

    /// <summary>
    /// Folds on the syntax first (literals, interpolations, concatenations, constructor parameters and <c>const</c>
    /// fields of the declaring type), so the declarations of a whole compilation fold without binding their bodies;
    /// the semantic model is asked only about what the syntax cannot tell (a constant of another type).
    /// </summary>
    private void FoldInto(ExpressionSyntax expression, ImmutableArray<string?>.Builder parts, int depth, bool syntaxOnly, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > MaxDepth)
        {
            parts.Add(null);
            return;
        }

        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                parts.Add(literal.Token.ValueText);
                return;
            case ParenthesizedExpressionSyntax parenthesized:
                FoldInto(parenthesized.Expression, parts, depth + 1, syntaxOnly, cancellationToken);
                return;
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        parts.Add(text.TextToken.ValueText);
                    }
                    else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole)
                    {
                        FoldInto(hole.Expression, parts, depth + 1, syntaxOnly, cancellationToken);
                    }
                    else
                    {
                        parts.Add(null);
                    }
                }

                return;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                FoldInto(binary.Left, parts, depth + 1, syntaxOnly, cancellationToken);
                FoldInto(binary.Right, parts, depth + 1, syntaxOnly, cancellationToken);
                return;
            case IdentifierNameSyntax identifier when CdkSyntax.ParameterInScope(identifier) is { Parent.Parent: ConstructorDeclarationSyntax or TypeDeclarationSyntax } parameter:
                parts.Add(syntaxOnly ? null : FoldParameter(parameter, depth, cancellationToken));
                return;
            case IdentifierNameSyntax identifier when ConstField(identifier) is { } initializer:
                FoldInto(initializer, parts, depth + 1, syntaxOnly, cancellationToken);
                return;
            case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax constantName } qualified when syntaxOnly
                && ConstantOf(CdkSyntax.TrailingName(qualified.Expression), constantName.Identifier.ValueText, cancellationToken) is { } otherTypes:
                // Family = Families.Worker: the constant of the app's class of that name (the semantic fold below asks the model).
                FoldInto(otherTypes, parts, depth + 1, syntaxOnly, cancellationToken);
                return;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax when !syntaxOnly:
                var model = _sources.SemanticModelFor(expression.SyntaxTree, null);
                parts.Add(model.GetConstantValue(expression, cancellationToken) is { HasValue: true, Value: string constant } ? constant : null);
                return;
            default:
                parts.Add(null);
                return;
        }
    }

    /// <summary>The names of the compilation's <c>const</c> fields, whatever their type.</summary>
    public IEnumerable<string> ConstantNames(CancellationToken cancellationToken)
    {
        foreach (var key in Constants(cancellationToken).Keys)
        {
            yield return key.Name;
        }
    }

    /// <summary>
    /// The initializer of the <c>const</c> field <paramref name="name"/> of a type named <paramref name="typeName"/>
    /// (<c>Families.Worker</c>); null when no type so named declares one, or more than one does (which one a use
    /// names, the syntax cannot tell).
    /// </summary>
    private ExpressionSyntax? ConstantOf(string? typeName, string name, CancellationToken cancellationToken)
        => typeName is not null && Constants(cancellationToken).TryGetValue((typeName, name), out var initializer) ? initializer : null;

    /// <summary>Every <c>const</c> field of the source by its type's name and its own, found once per compilation with a word search.</summary>
    private Dictionary<(string Type, string Name), ExpressionSyntax?> Constants(CancellationToken cancellationToken)
    {
        if (_constants is { } known)
        {
            return known;
        }

        var constants = new Dictionary<(string Type, string Name), ExpressionSyntax?>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var token in _sources.Text.KeywordsNamed(tree.GetRoot(cancellationToken), "const", cancellationToken))
            {
                if (token.Parent is FieldDeclarationSyntax { Parent: TypeDeclarationSyntax type } field)
                {
                    foreach (var variable in field.Declaration.Variables)
                    {
                        var key = (type.Identifier.ValueText, variable.Identifier.ValueText);
                        constants[key] = constants.ContainsKey(key) ? null : variable.Initializer?.Value;
                    }
                }
            }
        }

        return Interlocked.CompareExchange(ref _constants, constants, null) ?? constants;
    }

    /// <summary>The initializer of the <c>const</c> field of the enclosing type that <paramref name="identifier"/> names.</summary>
    private static ExpressionSyntax? ConstField(IdentifierNameSyntax identifier)
    {
        if (CdkSyntax.EnclosingType(identifier) is not { } type)
        {
            return null;
        }

        foreach (var member in type.Members)
        {
            if (member is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword))
            {
                foreach (var variable in field.Declaration.Variables)
                {
                    if (variable.Identifier.ValueText == identifier.Identifier.ValueText)
                    {
                        return variable.Initializer?.Value;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A constructor parameter folds when every construction of its class in the compilation passes the same constant.</summary>
    private string? FoldParameter(ParameterSyntax parameter, int depth, CancellationToken cancellationToken)
    {
        var owner = parameter.Parent?.Parent;
        if (owner is null || _sources.SemanticModelFor(parameter.SyntaxTree, null).GetDeclaredSymbol(parameter, cancellationToken) is not { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor } symbol)
        {
            return null;
        }

        var constructions = _constructions.TryGetValue(constructor.OriginalDefinition, out var known) ? known : FindConstructions(constructor, cancellationToken);
        if (constructions.IsEmpty)
        {
            return null;
        }

        string? folded = null;
        foreach (var construction in constructions)
        {
            var argument = ArgumentFor(construction, symbol);
            string? value;
            if (argument is null)
            {
                value = symbol.HasExplicitDefaultValue ? symbol.ExplicitDefaultValue as string : null;
            }
            else
            {
                var parts = ImmutableArray.CreateBuilder<string?>();
                FoldInto(argument, parts, depth + 1, syntaxOnly: false, cancellationToken);
                value = new FamilyPattern(Merge(parts)).Constant;
            }

            if (value is null || (folded is not null && folded != value))
            {
                return null;
            }

            folded = value;
        }

        return folded;
    }

    private static ExpressionSyntax? ArgumentFor(BaseObjectCreationExpressionSyntax construction, IParameterSymbol parameter)
    {
        var arguments = construction.ArgumentList?.Arguments ?? default;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (argument.NameColon is { } name ? name.Name.Identifier.ValueText == parameter.Name : i == parameter.Ordinal)
            {
                return argument.Expression;
            }
        }

        return null;
    }

    /// <summary>
    /// The <c>new</c> expressions of a constructor: found by name in an index of the compilation built once, and
    /// resolved a whole name group at a time, so many classes of one name cost one lookup per creation.
    /// </summary>
    private ImmutableArray<ObjectCreationExpressionSyntax> FindConstructions(IMethodSymbol constructor, CancellationToken cancellationToken)
    {
        var index = _creationsByTypeName;
        if (index is null)
        {
            index = IndexCreations(cancellationToken);
            Interlocked.CompareExchange(ref _creationsByTypeName, index, null);
        }

        if (!index.TryGetValue(constructor.ContainingType.Name, out var candidates))
        {
            _constructions.TryAdd(constructor.OriginalDefinition, ImmutableArray<ObjectCreationExpressionSyntax>.Empty);
            return ImmutableArray<ObjectCreationExpressionSyntax>.Empty;
        }

        var byConstructor = new Dictionary<IMethodSymbol, ImmutableArray<ObjectCreationExpressionSyntax>.Builder>(SymbolEqualityComparer.Default);
        foreach (var creation in candidates)
        {
            var model = _sources.SemanticModelFor(creation.SyntaxTree, null);
            if (model.GetSymbolInfo(creation, cancellationToken).Symbol?.OriginalDefinition is IMethodSymbol target)
            {
                if (!byConstructor.TryGetValue(target, out var list))
                {
                    list = ImmutableArray.CreateBuilder<ObjectCreationExpressionSyntax>();
                    byConstructor.Add(target, list);
                }

                list.Add(creation);
            }
        }

        foreach (var pair in byConstructor)
        {
            _constructions.TryAdd(pair.Key, pair.Value.ToImmutable());
        }

        var result = byConstructor.TryGetValue(constructor.OriginalDefinition, out var found) ? found.ToImmutable() : ImmutableArray<ObjectCreationExpressionSyntax>.Empty;
        _constructions.TryAdd(constructor.OriginalDefinition, result);
        return result;
    }

    private Dictionary<string, List<ObjectCreationExpressionSyntax>> IndexCreations(CancellationToken cancellationToken)
    {
        var index = new Dictionary<string, List<ObjectCreationExpressionSyntax>>(System.StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is ObjectCreationExpressionSyntax creation && CdkSyntax.TypeName(creation.Type) is { } name)
                {
                    if (!index.TryGetValue(name, out var list))
                    {
                        list = new List<ObjectCreationExpressionSyntax>();
                        index.Add(name, list);
                    }

                    list.Add(creation);
                }
            }
        }

        return index;
    }

    private static ImmutableArray<string?> Merge(ImmutableArray<string?>.Builder parts)
    {
        var merged = ImmutableArray.CreateBuilder<string?>();
        foreach (var part in parts)
        {
            if (part is not null && merged.Count > 0 && merged[merged.Count - 1] is { } previous)
            {
                merged[merged.Count - 1] = previous + part;
            }
            else if (part is not null || merged.Count == 0 || merged[merged.Count - 1] is not null)
            {
                merged.Add(part);
            }
        }

        return merged.ToImmutable();
    }
}
