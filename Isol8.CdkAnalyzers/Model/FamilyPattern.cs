using System.Collections.Immutable;
using System.Text;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// A task definition family as far as it folds: fixed text and holes, e.g. <c>isol8-{env}-openclaw</c> where
/// <c>env</c> is not a constant. A pattern without holes is a constant family.
/// </summary>
internal sealed class FamilyPattern
{
    public FamilyPattern(ImmutableArray<string?> parts)
    {
        Parts = parts;
    }

    /// <summary>Fixed text, and <see langword="null"/> for each hole.</summary>
    public ImmutableArray<string?> Parts { get; }

    public bool IsConstant
    {
        get
        {
            foreach (var part in Parts)
            {
                if (part is null)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The family when it is a constant; <see langword="null"/> otherwise.</summary>
    public string? Constant => IsConstant ? string.Concat(Parts) : null;

    /// <summary>The fixed text with <c>{…}</c> for each hole, for messages.</summary>
    public string Display
    {
        get
        {
            var text = new StringBuilder();
            foreach (var part in Parts)
            {
                text.Append(part ?? "{…}");
            }

            return text.ToString();
        }
    }

    /// <summary>Does <paramref name="value"/> match, each hole standing for one or more characters?</summary>
    public bool Matches(string value) => IsMatchable(value) && MatchFrom(value, 0, 0, null);

    /// <summary>Fills the holes from a literal that matches the pattern; null when it does not.</summary>
    public ImmutableArray<string>? HoleValues(string value)
    {
        var holes = ImmutableArray.CreateBuilder<string>();
        return IsMatchable(value) && MatchFrom(value, 0, 0, holes) ? holes.ToImmutable() : null;
    }

    /// <summary>Families are short; a long value or a pattern of many holes is not worth the backtracking.</summary>
    private bool IsMatchable(string value)
    {
        var holes = 0;
        foreach (var part in Parts)
        {
            holes += part is null ? 1 : 0;
        }

        return value.Length <= 255 && holes <= 4;
    }

    private bool MatchFrom(string value, int position, int partIndex, ImmutableArray<string>.Builder? holes)
    {
        if (partIndex == Parts.Length)
        {
            return position == value.Length;
        }

        var part = Parts[partIndex];
        if (part is not null)
        {
            return string.CompareOrdinal(value, position, part, 0, part.Length) == 0
                && value.Length - position >= part.Length
                && MatchFrom(value, position + part.Length, partIndex + 1, holes);
        }

        for (var end = position + 1; end <= value.Length; end++)
        {
            var mark = holes?.Count ?? 0;
            holes?.Add(value.Substring(position, end - position));
            if (MatchFrom(value, end, partIndex + 1, holes))
            {
                return true;
            }

            if (holes is not null)
            {
                holes.Count = mark;
            }
        }

        return false;
    }
}
