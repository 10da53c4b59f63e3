using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>Small facts about symbols that several parts of the model ask.</summary>
internal static class SymbolFacts
{
    /// <summary>The type a parameter, property, field or local holds; null for anything else.</summary>
    public static ITypeSymbol? ValueType(ISymbol symbol)
        => symbol switch
        {
            IParameterSymbol parameter => parameter.Type,
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            ILocalSymbol local => local.Type,
            _ => null,
        };

    /// <summary>The outermost namespace of the type that declares <paramref name="member"/> (<c>System</c> for <c>System.Collections.Generic.List&lt;T&gt;.Add</c>).</summary>
    public static string? RootNamespace(ISymbol member)
    {
        var namespaceSymbol = member.ContainingType?.ContainingNamespace;
        while (namespaceSymbol is { ContainingNamespace.IsGlobalNamespace: false })
        {
            namespaceSymbol = namespaceSymbol.ContainingNamespace;
        }

        return namespaceSymbol?.Name;
    }

    /// <summary>The member whose code a position is in, past the lambdas and local functions inside it.</summary>
    public static ISymbol? EnclosingMember(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }
}
