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

    /// <summary>Longer values are not compared (families are at most 255 characters).</summary>
    public const int MaxMatchableLength = 255;

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

    /// <summary>The shortest text the pattern matches: its fixed parts and one character per hole.</summary>
    public int MinimumLength
    {
        get
        {
            var length = 0;
            foreach (var part in Parts)
            {
                length += part?.Length ?? 1;
            }

            return length;
        }
    }

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
    public bool Matches(string value) => IsMatchable(value) && MatchFrom(value, 0, 0);

    /// <summary>
    /// Does <paramref name="value"/> match once each run of digits, in it and in the fixed text, stands for any number?
    /// <c>report-v2</c> against <c>report-v1</c>, <c>shard-03</c> against <c>shard-12</c>: a numbered sibling (another
    /// version, shard or index), named so on purpose, not a typo.
    /// </summary>
    public bool MatchesApartFromNumbers(string value)
    {
        var parts = ImmutableArray.CreateBuilder<string?>(Parts.Length);
        foreach (var part in Parts)
        {
            parts.Add(part is null ? null : WithNumbersMasked(part));
        }

        return new FamilyPattern(parts.MoveToImmutable()).Matches(WithNumbersMasked(value));
    }

    /// <summary><paramref name="text"/> with each run of ASCII digits replaced by one <c>#</c>.</summary>
    private static string WithNumbersMasked(string text)
    {
        var masked = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is >= '0' and <= '9')
            {
                if (i == 0 || text[i - 1] is < '0' or > '9')
                {
                    masked.Append('#');
                }
            }
            else
            {
                masked.Append(text[i]);
            }
        }

        return masked.ToString();
    }

    /// <summary>
    /// Families are short; a long value or a pattern of many holes is not worth the backtracking. A pattern without
    /// fixed text (<c>Family = family</c> from a parameter) would match any string: it says nothing, so it matches nothing.
    /// </summary>
    private bool IsMatchable(string value)
    {
        var holes = 0;
        var fixedText = 0;
        foreach (var part in Parts)
        {
            holes += part is null ? 1 : 0;
            fixedText += part?.Length ?? 0;
        }

        return value.Length <= MaxMatchableLength && holes <= 4 && fixedText > 0;
    }

    private bool MatchFrom(string value, int position, int partIndex)
    {
        if (partIndex == Parts.Length)
        {
            return position == value.Length;
        }

        var part = Parts[partIndex];
        if (part is not null)
        {
            return value.Length - position >= part.Length
                && string.CompareOrdinal(value, position, part, 0, part.Length) == 0
                && MatchFrom(value, position + part.Length, partIndex + 1);
        }

        for (var end = position + 1; end <= value.Length; end++)
        {
            if (MatchFrom(value, end, partIndex + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The fewest single-character edits that turn <paramref name="value"/> into something the pattern matches (a hole
    /// stands for one or more characters at no cost), and the hole values of that closest match; -1 when too long to compare.
    /// </summary>
    public int DistanceTo(string value, out ImmutableArray<string> holeValues)
    {
        holeValues = ImmutableArray<string>.Empty;
        if (!IsMatchable(value))
        {
            return -1;
        }

        // The pattern as a sequence of characters and holes ('\0' marks a hole).
        var pattern = new StringBuilder();
        foreach (var part in Parts)
        {
            pattern.Append(part ?? "\0");
        }

        var p = pattern.ToString();
        var n = value.Length;
        var m = p.Length;
        var cost = new int[m + 1, n + 1];
        for (var j = 0; j <= n; j++)
        {
            cost[0, j] = j;
        }

        for (var i = 1; i <= m; i++)
        {
            var hole = p[i - 1] == '\0';
            cost[i, 0] = cost[i - 1, 0] + 1;
            for (var j = 1; j <= n; j++)
            {
                if (hole)
                {
                    // A hole takes one more character (staying in the hole) or its first character.
                    cost[i, j] = System.Math.Min(cost[i, j - 1], cost[i - 1, j - 1]);
                    cost[i, j] = System.Math.Min(cost[i, j], cost[i - 1, j] + 1);
                }
                else
                {
                    var substitute = cost[i - 1, j - 1] + (p[i - 1] == value[j - 1] ? 0 : 1);
                    cost[i, j] = System.Math.Min(substitute, System.Math.Min(cost[i - 1, j] + 1, cost[i, j - 1] + 1));
                }
            }
        }

        holeValues = HoleValuesOf(p, value, cost);
        return cost[m, n];
    }

    /// <summary>
    /// The family the pattern names when its holes take <paramref name="holeValues"/>; null when a hole has no value
    /// or an empty one (a literal that gives a hole no characters, <c>"isol8--worker"</c> for <c>$"isol8-{env}-worker"</c>,
    /// says nothing of what the hole holds, and filling it with nothing would only give that literal back).
    /// </summary>
    public string? Fill(ImmutableArray<string> holeValues)
    {
        var text = new StringBuilder();
        var hole = 0;
        foreach (var part in Parts)
        {
            if (part is null && (hole >= holeValues.Length || holeValues[hole].Length == 0))
            {
                return null;
            }

            text.Append(part ?? holeValues[hole++]);
        }

        return text.ToString();
    }

    private static ImmutableArray<string> HoleValuesOf(string pattern, string value, int[,] cost)
    {
        var holes = new System.Collections.Generic.List<string>();
        var i = pattern.Length;
        var j = value.Length;
        var current = new StringBuilder();
        while (i > 0)
        {
            if (pattern[i - 1] == '\0')
            {
                // A hole left empty at the same cost as one that takes characters: the literal's characters are
                // better explained by the fixed text beside it (`isol8--worker` for `isol8-{…}-worker` lacks the hole,
                // it does not hold "-"). An empty hole value then tells the fix there is nothing to fill it with.
                if (current.Length == 0 && cost[i, j] == cost[i - 1, j] + 1)
                {
                    holes.Insert(0, string.Empty);
                    i--;
                    continue;
                }

                if (j > 0 && cost[i, j] == cost[i, j - 1])
                {
                    current.Insert(0, value[j - 1]);
                    j--;
                    continue;
                }

                if (j > 0 && cost[i, j] == cost[i - 1, j - 1])
                {
                    current.Insert(0, value[j - 1]);
                    j--;
                }

                holes.Insert(0, current.ToString());
                current.Clear();
                i--;
                continue;
            }

            if (j > 0 && cost[i, j] == cost[i - 1, j - 1] + (pattern[i - 1] == value[j - 1] ? 0 : 1))
            {
                i--;
                j--;
            }
            else if (cost[i, j] == cost[i - 1, j] + 1)
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        return holes.ToImmutableArray();
    }
}
