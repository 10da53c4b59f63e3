using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The app's plain types that hold nothing a construct could be placed under: every instance field (an
/// auto-property's, a captured primary constructor parameter's) is a string, number, flag, enum or .NET collection of
/// those (<c>class Catalog { List&lt;string&gt; _names; }</c>).
/// An instance method of one can render a construct it is given only under that construct (<c>Stack.Of(task)</c>, the
/// owner's stack), under another construct the call gives it, or under a scope the call does not show; never under the
/// caller's stack unseen.
/// </summary>
internal sealed class ScopelessObjects
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _answers = new(SymbolEqualityComparer.Default);

    public ScopelessObjects(Compilation compilation)
    {
        _compilation = compilation;
    }

    /// <summary>
    /// Is <paramref name="type"/> a type of the source that holds no scope, and whose every subclass in the source
    /// holds none either (the object called may be one)?
    /// </summary>
    public bool HoldsNoScope(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (_answers.TryGetValue(type.OriginalDefinition, out var known))
        {
            return known;
        }

        var answer = Decide(type.OriginalDefinition, cancellationToken);
        _answers.TryAdd(type.OriginalDefinition, answer);
        return answer;
    }

    private bool Decide(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        // A library's type, an interface above all, may be any implementation. A construct class derives from one.
        if (type.DeclaringSyntaxReferences.IsEmpty || !HoldsOnlyInertState(type))
        {
            return false;
        }

        // A struct is sealed too.
        if (type.IsSealed)
        {
            return true;
        }

        foreach (var derived in SymbolFacts.SourceTypesDerivedFrom(_compilation, type, cancellationToken))
        {
            if (!HoldsOnlyInertState(derived))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The type's own and its source bases' instance fields are all inert.</summary>
    private static bool HoldsOnlyInertState(INamedTypeSymbol type)
    {
        for (var current = type; current is { SpecialType: not (SpecialType.System_Object or SpecialType.System_ValueType) }; current = current.BaseType)
        {
            // A base from a library may hold anything.
            if (current.DeclaringSyntaxReferences.IsEmpty)
            {
                return false;
            }

            // Fields only: an auto-property's backing field and a captured primary constructor parameter are fields
            // too, and a constructor parameter that no field keeps is gone once the object is built.
            foreach (var member in current.GetMembers())
            {
                if (member is IFieldSymbol { IsStatic: false } field && !IsInert(field.Type, depth: 0))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>A string, number, flag or enum (or a nullable one), or a .NET collection of them: nothing that is or leads to a construct.</summary>
    private static bool IsInert(ITypeSymbol type, int depth)
        => type.TypeKind == TypeKind.Enum || type.SpecialType is not (SpecialType.None or SpecialType.System_Object)
            || (depth <= 2
                && (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
                    ? IsInert(nullable.TypeArguments[0], depth + 1)
                    : SymbolFacts.IsCollectionOf(type, element => IsInert(element, depth + 1))));
}
