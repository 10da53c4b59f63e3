using System.Collections.Immutable;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>A declared family a string matches (distance 0) or nearly matches, with the hole values read off the string.</summary>
internal sealed class FamilyMatch
{
    public static readonly FamilyMatch None = new(null, -1, ImmutableArray<string>.Empty);

    public FamilyMatch(DeclaredFamily? family, int distance, ImmutableArray<string> holeValues)
    {
        Family = family;
        Distance = distance;
        HoleValues = holeValues;
    }

    public DeclaredFamily? Family { get; }

    /// <summary>0 for a match; the number of edits for a near miss; -1 for neither.</summary>
    public int Distance { get; }

    public ImmutableArray<string> HoleValues { get; }

    /// <summary>How many edits a literal may be from a declared family and still count as drift from it.</summary>
    public static int DriftThreshold(int length) => length <= 8 ? 1 : length <= 24 ? 2 : 3;
}
