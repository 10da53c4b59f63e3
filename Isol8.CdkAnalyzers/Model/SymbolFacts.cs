using System.Linq;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>Small facts about symbols that several parts of the model ask.</summary>
internal static class SymbolFacts
{
    /// <summary>May a subclass's override run where <paramref name="property"/> is read (abstract, virtual, or an override left open)?</summary>
    public static bool MayBeOverridden(IPropertySymbol property)
        => property.ContainingType is { TypeKind: TypeKind.Class, IsSealed: false }
            && (property.IsAbstract || property.IsVirtual || (property.IsOverride && !property.IsSealed));

    /// <summary>Does <paramref name="type"/> declare or inherit (from a base class or an interface) a member named <paramref name="name"/>?</summary>
    public static bool HasMember(ITypeSymbol type, string name)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (!current.GetMembers(name).IsEmpty)
            {
                return true;
            }
        }

        return type.AllInterfaces.Any(implemented => !implemented.GetMembers(name).IsEmpty);
    }

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

    /// <summary>A .NET collection (<c>List</c>, <c>Dictionary</c>, their interfaces, immutable ones): what it holds is what was put in it.</summary>
    public static bool IsDotnetCollection(ITypeSymbol? type)
        => type?.ContainingNamespace?.ToDisplayString() is "System.Collections.Generic" or "System.Collections.Immutable" or "System.Collections.ObjectModel";

    /// <summary>An array, or a .NET collection (<see cref="IsDotnetCollection"/>), whose element or every type argument is <paramref name="element"/>'s.</summary>
    public static bool IsCollectionOf(ITypeSymbol? type, System.Func<ITypeSymbol, bool> element)
        => type switch
        {
            IArrayTypeSymbol array => element(array.ElementType),
            INamedTypeSymbol { IsGenericType: true } named when IsDotnetCollection(named) => named.TypeArguments.All(element),
            _ => false,
        };

    /// <summary>The property a positional record's primary-constructor parameter declares (<c>Worker</c> in <c>record Outputs(ITaskDefinition Worker)</c>); null for any other parameter.</summary>
    public static IPropertySymbol? PositionalProperty(IParameterSymbol? parameter)
        => parameter is { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { IsRecord: true } record } }
            ? record.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault()
            : null;

    /// <summary>A parameter of a lambda or anonymous method (<c>w</c> in <c>Select(w =&gt; …)</c>).</summary>
    public static bool IsLambdaParameter(IParameterSymbol parameter)
        => parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction };

    /// <summary>The member whose code a position is in, past the lambdas and local functions inside it.</summary>
    public static ISymbol? EnclosingMember(ISymbol? symbol)
    {
        while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
        {
            symbol = symbol.ContainingSymbol;
        }

        return symbol;
    }

    /// <summary>The classes and structs the compilation declares, nested ones included, that derive from or implement <paramref name="baseOrInterface"/> (not it).</summary>
    public static System.Collections.Generic.List<INamedTypeSymbol> SourceTypesDerivedFrom(Compilation compilation, INamedTypeSymbol baseOrInterface, System.Threading.CancellationToken cancellationToken)
    {
        var found = new System.Collections.Generic.List<INamedTypeSymbol>();
        Collect(compilation.Assembly.GlobalNamespace, baseOrInterface, found, cancellationToken);
        return found;
    }

    private static void Collect(INamespaceOrTypeSymbol scope, INamedTypeSymbol baseOrInterface, System.Collections.Generic.List<INamedTypeSymbol> found, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var member in scope.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is INamespaceSymbol nested)
            {
                Collect(nested, baseOrInterface, found, cancellationToken);
            }
            else if (member is INamedTypeSymbol type)
            {
                if (type.TypeKind is TypeKind.Class or TypeKind.Struct && !SymbolEqualityComparer.Default.Equals(type, baseOrInterface)
                    && (TypeRelations.IsOrInherits(type, baseOrInterface) || type.AllInterfaces.Contains(baseOrInterface, SymbolEqualityComparer.Default)))
                {
                    found.Add(type);
                }

                Collect(type, baseOrInterface, found, cancellationToken);
            }
        }
    }
}
