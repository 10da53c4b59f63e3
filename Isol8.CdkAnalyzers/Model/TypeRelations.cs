using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

internal static class TypeRelations
{
    /// <summary>Is <paramref name="type"/> the same as <paramref name="baseType"/>, derived from it, or implementing it?</summary>
    public static bool IsOrInherits(ITypeSymbol? type, INamedTypeSymbol baseType)
    {
        if (type is null)
        {
            return false;
        }

        var comparer = SymbolEqualityComparer.Default;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (comparer.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        if (baseType.TypeKind != TypeKind.Interface)
        {
            return false;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (comparer.Equals(implemented.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Could one value be an instance of both types (one inherits the other)?</summary>
    public static bool AreRelated(ITypeSymbol first, ITypeSymbol second)
        => first is INamedTypeSymbol firstNamed && second is INamedTypeSymbol secondNamed
            && (IsOrInherits(first, secondNamed) || IsOrInherits(second, firstNamed));
}
