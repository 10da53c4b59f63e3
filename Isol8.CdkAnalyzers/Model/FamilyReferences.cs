using System;
using System.Collections.Immutable;
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
        if (!TryGetSite(node, semanticModel, keyPatterns, cancellationToken, out var key, out var value))
        {
            return null;
        }

        if (value is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Family" } access)
        {
            return model.Types.Is(semanticModel.GetTypeInfo(access.Expression, cancellationToken).Type, CdkTypeKind.ConcreteTaskDefinition)
                ? new FamilyReference(key, value, FamilyReferenceKind.FamilyMember, access.ToString(), null, access.Expression, ImmutableArray<string>.Empty)
                : null;
        }

        if (semanticModel.GetTypeInfo(value, cancellationToken).Type?.SpecialType != SpecialType.System_String)
        {
            return null;
        }

        if (semanticModel.GetConstantValue(value, cancellationToken) is { HasValue: true, Value: string constant })
        {
            var match = model.DeclaredFamilies.Match(constant, cancellationToken);
            return match switch
            {
                { Family: { } family, Distance: 0 } => new FamilyReference(key, value, FamilyReferenceKind.DeclaredFamily, constant, family, null, ImmutableArray<string>.Empty),
                { Family: { } nearest } when value is LiteralExpressionSyntax => new FamilyReference(key, value, FamilyReferenceKind.NearMiss, constant, nearest, null, match.HoleValues),
                _ => null,
            };
        }

        if (value is InterpolatedStringExpressionSyntax)
        {
            var pattern = model.Families.Fold(value, cancellationToken);
            foreach (var family in model.DeclaredFamilies.All(cancellationToken))
            {
                if (family.Pattern.SameShape(pattern))
                {
                    return new FamilyReference(key, value, FamilyReferenceKind.DeclaredFamily, pattern.Display, family, null, ImmutableArray<string>.Empty);
                }
            }
        }

        return null;
    }

    /// <summary>The reference whose value is <paramref name="value"/>, for a fix that starts from the diagnostic.</summary>
    public static FamilyReference? FindForValue(ExpressionSyntax value, SemanticModel semanticModel, CdkModel model, ImmutableArray<string> keyPatterns, CancellationToken cancellationToken)
    {
        var site = value.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax invocation } ? invocation : value.Parent;
        return site is null ? null : Find(site, semanticModel, model, keyPatterns, cancellationToken) is { } reference && reference.Value == value ? reference : null;
    }

    private static bool TryGetSite(SyntaxNode node, SemanticModel semanticModel, ImmutableArray<string> keyPatterns, CancellationToken cancellationToken, out string key, out ExpressionSyntax value)
    {
        key = string.Empty;
        value = null!;
        ExpressionSyntax? keyExpression = null;
        string? name = null;
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
            // A property name: cheap test first, then make sure it is a string property and not, say, FargateServiceProps.TaskDefinition.
            if (!IsTaskDefinitionKey(name, keyPatterns)
                || semanticModel.GetSymbolInfo(((AssignmentExpressionSyntax)node).Left, cancellationToken).Symbol is not IPropertySymbol { Type.SpecialType: SpecialType.System_String })
            {
                return false;
            }

            key = name;
            return true;
        }

        var keyText = keyExpression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal.Token.ValueText,
            IdentifierNameSyntax or MemberAccessExpressionSyntax => semanticModel.GetConstantValue(keyExpression, cancellationToken).Value as string,
            _ => null,
        };
        if (keyText is null || !IsTaskDefinitionKey(keyText, keyPatterns) || !IsEnvironmentTarget(node, semanticModel, cancellationToken))
        {
            return false;
        }

        key = keyText;
        return true;
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

        if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "AddEnvironment" } })
        {
            return target.ContainingNamespace?.ToDisplayString().StartsWith("Amazon.CDK", StringComparison.Ordinal) == true;
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
