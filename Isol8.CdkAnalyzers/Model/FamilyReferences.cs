using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Finds values that identify a task definition by family, for ICDK003 and ICDK004: the value of an environment
/// entry or a string property whose key or name says it is a task definition (<c>TASK_DEFINITION</c>,
/// <c>TASK_DEF</c>, <c>TaskDefinition</c>, or the configured patterns) and not a family. The key is checked on the
/// syntax first; the semantic model is asked only about keys that match.
/// </summary>
internal static class FamilyReferences
{
    /// <summary>The node kinds that can hold a key and a value.</summary>
    public static readonly ImmutableArray<SyntaxKind> SiteKinds = ImmutableArray.Create(
        SyntaxKind.SimpleAssignmentExpression,
        SyntaxKind.ComplexElementInitializerExpression,
        SyntaxKind.InvocationExpression);

    public static FamilyReference? Find(SyntaxNode node, SemanticModel semanticModel, CdkModel model, ImmutableArray<string> keyPatterns, CancellationToken cancellationToken)
    {
        // The syntax first: a key or name that says "task definition", and a value that could be a family.
        if (!TryGetSiteSyntax(node, keyPatterns, out var keyExpression, out var name, out var value)
            || Triage(value, model, cancellationToken) is not { } triage)
        {
            return null;
        }

        // ICDK003 and ICDK004 both ask about each site: the semantic answer is computed once, in the shared model.
        // (No factory lambda: its closure would be allocated on entry to this method, for every node of these kinds.)
        var key = (node, keyPatterns);
        if (model.FamilySites.TryGetValue(key, out var known))
        {
            return known.Value;
        }

        return model.FamilySites.GetOrAdd(key, new StrongBox<FamilyReference?>(Resolve(node, semanticModel, model, keyPatterns, keyExpression, name, value, triage, cancellationToken))).Value;
    }

    private static FamilyReference? Resolve(SyntaxNode node, SemanticModel semanticModel, CdkModel model, ImmutableArray<string> keyPatterns, ExpressionSyntax? keyExpression, string? name, ExpressionSyntax value, Triaged triage, CancellationToken cancellationToken)
    {

        // Then the semantic model, for the few sites left.
        var key = name ?? KeyText(keyExpression!, semanticModel, cancellationToken);
        if (key is null || !IsTaskDefinitionKey(key, keyPatterns) || !IsTarget(node, name is not null, semanticModel, cancellationToken))
        {
            return null;
        }

        if (triage.Kind == FamilyReferenceKind.FamilyMember)
        {
            var access = (MemberAccessExpressionSyntax)value;
            return model.Types.Is(semanticModel.GetTypeInfo(access.Expression, cancellationToken).Type, CdkTypeKind.ConcreteTaskDefinition)
                ? new FamilyReference(key, value, FamilyReferenceKind.FamilyMember, access.ToString(), null, access.Expression, ImmutableArray<string>.Empty)
                : null;
        }

        if (semanticModel.GetTypeInfo(value, cancellationToken).Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        if (triage.Family is not null)
        {
            return new FamilyReference(key, value, triage.Kind, triage.Text, triage.Family, null, triage.HoleValues);
        }

        // A constant by name: its value decides.
        if (semanticModel.GetConstantValue(value, cancellationToken) is { HasValue: true, Value: string constant }
            && model.DeclaredFamilies.Match(constant, cancellationToken) is { Family: { } declared, Distance: 0 })
        {
            return new FamilyReference(key, value, FamilyReferenceKind.DeclaredFamily, constant, declared, null, ImmutableArray<string>.Empty);
        }

        return null;
    }

    /// <summary>What the syntax says a value could be: a <c>.Family</c> read, a literal or template that (nearly) matches a declared family, or a constant's name.</summary>
    private static Triaged? Triage(ExpressionSyntax value, CdkModel model, CancellationToken cancellationToken)
    {
        switch (CdkSyntax.WalkDownParenthesesAndCasts(value))
        {
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: KnownCdkNames.Family }:
                return new Triaged(FamilyReferenceKind.FamilyMember, string.Empty, null, ImmutableArray<string>.Empty);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                var text = literal.Token.ValueText;
                return model.DeclaredFamilies.Match(text, cancellationToken) switch
                {
                    { Family: { } family, Distance: 0 } => new Triaged(FamilyReferenceKind.DeclaredFamily, text, family, ImmutableArray<string>.Empty),
                    { Family: { } nearest } match => new Triaged(FamilyReferenceKind.NearMiss, text, nearest, match.HoleValues),
                    _ => null,
                };
            case InterpolatedStringExpressionSyntax:
                var pattern = model.Families.Fold(value, syntaxOnly: true, cancellationToken);
                return model.DeclaredFamilies.WithShape(pattern, cancellationToken) is { } sameShape
                    ? new Triaged(FamilyReferenceKind.DeclaredFamily, pattern.Display, sameShape, ImmutableArray<string>.Empty)
                    : null;
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                var trailing = CdkSyntax.TrailingName(value);
                return trailing is not null && model.DeclaredFamilies.ConstantNames(cancellationToken).Contains(trailing)
                    ? new Triaged(FamilyReferenceKind.DeclaredFamily, string.Empty, null, ImmutableArray<string>.Empty)
                    : null;
            default:
                return null;
        }
    }

    /// <summary>The reference whose value is <paramref name="value"/>, for a fix that starts from the diagnostic.</summary>
    public static FamilyReference? FindForValue(ExpressionSyntax value, SemanticModel semanticModel, CdkModel model, ImmutableArray<string> keyPatterns, CancellationToken cancellationToken)
    {
        var site = value.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation } ? invocation : value.Parent;
        return site is null ? null : Find(site, semanticModel, model, keyPatterns, cancellationToken) is { } reference && reference.Value == value ? reference : null;
    }

    private static bool TryGetSiteSyntax(SyntaxNode node, ImmutableArray<string> keyPatterns, out ExpressionSyntax? keyExpression, out string? name, out ExpressionSyntax value)
    {
        keyExpression = null;
        name = null;
        value = null!;
        switch (node)
        {
            case AssignmentExpressionSyntax assignment:
                value = assignment.Right;
                switch (assignment.Left)
                {
                    case ImplicitElementAccessSyntax { ArgumentList.Arguments: { Count: 1 } implicitKeys }:
                        keyExpression = implicitKeys[0].Expression;
                        break;
                    case ElementAccessExpressionSyntax { ArgumentList.Arguments: { Count: 1 } elementKeys }:
                        keyExpression = elementKeys[0].Expression;
                        break;
                    case IdentifierNameSyntax property when assignment.Parent is InitializerExpressionSyntax:
                        name = property.Identifier.ValueText;
                        break;
                    case MemberAccessExpressionSyntax member:
                        name = member.Name.Identifier.ValueText;
                        break;
                }

                break;
            case InitializerExpressionSyntax { Expressions: { Count: 2 } entry } when node.IsKind(SyntaxKind.ComplexElementInitializerExpression):
                keyExpression = entry[0];
                value = entry[1];
                break;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "TryAdd" or "AddEnvironment" }, ArgumentList.Arguments: { Count: 2 } arguments }:
                keyExpression = arguments[0].Expression;
                value = arguments[1].Expression;
                break;
        }

        if (value is null)
        {
            return false;
        }

        if (name is not null)
        {
            return IsTaskDefinitionKey(name, keyPatterns);
        }

        return keyExpression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => IsTaskDefinitionKey(literal.Token.ValueText, keyPatterns),
            IdentifierNameSyntax or MemberAccessExpressionSyntax => true,
            _ => false,
        };
    }

    private static string? KeyText(ExpressionSyntax keyExpression, SemanticModel semanticModel, CancellationToken cancellationToken)
        => keyExpression is LiteralExpressionSyntax literal
            ? literal.Token.ValueText
            : semanticModel.GetConstantValue(keyExpression, cancellationToken).Value as string;

    /// <summary>A string property, an entry of a string dictionary, or a construct's environment; never a tag (<c>Tags.Of(x).Add</c>).</summary>
    private static bool IsTarget(SyntaxNode node, bool isProperty, SemanticModel semanticModel, CancellationToken cancellationToken)
        => isProperty
            ? semanticModel.GetSymbolInfo(((AssignmentExpressionSyntax)node).Left, cancellationToken).Symbol is IPropertySymbol { Type.SpecialType: SpecialType.System_String }
            : IsEnvironmentTarget(node, semanticModel, cancellationToken);

    private sealed class Triaged
    {
        public Triaged(FamilyReferenceKind kind, string text, DeclaredFamily? family, ImmutableArray<string> holeValues)
        {
            Kind = kind;
            Text = text;
            Family = family;
            HoleValues = holeValues;
        }

        public FamilyReferenceKind Kind { get; }

        public string Text { get; }

        public DeclaredFamily? Family { get; }

        public ImmutableArray<string> HoleValues { get; }
    }

    private static bool IsTaskDefinitionKey(string key, ImmutableArray<string> keyPatterns)
    {
        if (key.IndexOf("family", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }

        foreach (var pattern in keyPatterns)
        {
            if (key.IndexOf(pattern, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An entry of a string dictionary or of a construct's environment; never a tag (<c>Tags.Of(x).Add</c>).</summary>
    private static bool IsEnvironmentTarget(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var target = node switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => semanticModel.GetTypeInfo(access.Expression, cancellationToken).Type,
            AssignmentExpressionSyntax { Left: ElementAccessExpressionSyntax element } => semanticModel.GetTypeInfo(element.Expression, cancellationToken).Type,
            _ => InitializedType(node, semanticModel, cancellationToken),
        };

        if (target is null)
        {
            return false;
        }

        if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: KnownCdkNames.AddEnvironment } })
        {
            return target.ContainingNamespace?.ToDisplayString().StartsWith(KnownCdkNames.CdkNamespace, StringComparison.Ordinal) == true;
        }

        foreach (var implemented in target.AllInterfaces)
        {
            if (implemented.Name == "IDictionary" && implemented.TypeArguments.Length == 2
                && implemented.TypeArguments[0].SpecialType == SpecialType.System_String
                && implemented.TypeArguments[1].SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }

    private static ITypeSymbol? InitializedType(SyntaxNode node, SemanticModel semanticModel, CancellationToken cancellationToken)
        => node.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax creation }
            ? semanticModel.GetTypeInfo(creation, cancellationToken).Type
            : node.Parent?.Parent is InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax outer }
                ? semanticModel.GetTypeInfo(outer, cancellationToken).Type
                : null;
}
