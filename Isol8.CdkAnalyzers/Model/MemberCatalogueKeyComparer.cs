using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>Compares the keys of answers kept per member and catalogue (the options can add members): the member by symbol, the catalogue by reference.</summary>
internal sealed class MemberCatalogueKeyComparer : IEqualityComparer<(ISymbol Member, VolatileCatalogue Catalogue)>
{
    public static readonly MemberCatalogueKeyComparer Instance = new();

    public bool Equals((ISymbol Member, VolatileCatalogue Catalogue) x, (ISymbol Member, VolatileCatalogue Catalogue) y)
        => SymbolEqualityComparer.Default.Equals(x.Member, y.Member) && ReferenceEquals(x.Catalogue, y.Catalogue);

    public int GetHashCode((ISymbol Member, VolatileCatalogue Catalogue) key) => SymbolEqualityComparer.Default.GetHashCode(key.Member);
}
