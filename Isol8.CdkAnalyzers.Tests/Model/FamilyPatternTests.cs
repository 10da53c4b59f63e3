using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;

namespace Isol8.CdkAnalyzers.Tests.Model;

public class FamilyPatternTests
{
    private static readonly FamilyPattern Template = new(ImmutableArray.Create<string?>("isol8-", null, "-openclaw"));

    [Theory]
    [InlineData("isol8-prod-openclaw", true)]
    [InlineData("isol8-staging-eu-openclaw", true)]
    [InlineData("isol8--openclaw", false)]
    [InlineData("isol8-prod-openclow", false)]
    public void Matches_TreatsAHoleAsOneOrMoreCharacters(string value, bool matches)
        => Assert.Equal(matches, Template.Matches(value));

    [Fact]
    public void DistanceTo_CountsEditsOutsideTheHoles_AndReadsTheHoleValues()
    {
        Assert.Equal(1, Template.DistanceTo("isol8-prod-openclow", out var holes));
        Assert.Equal(new[] { "prod" }, holes);
        Assert.Equal("isol8-prod-openclaw", Template.Fill(holes));
        Assert.Equal(0, Template.DistanceTo("isol8-prod-openclaw", out _));
        Assert.Equal(13, Template.DistanceTo("partner-billing-runner", out _));
    }

    [Fact]
    public void ConstantPattern_IsPlainEditDistance()
    {
        var constant = new FamilyPattern(ImmutableArray.Create<string?>("isol8-prod-openclaw"));
        Assert.Equal("isol8-prod-openclaw", constant.Constant);
        Assert.Equal(2, constant.DistanceTo("isol8-prd-openclw", out _));
    }

    [Fact]
    public void LongValues_AreNotCompared()
    {
        Assert.False(Template.Matches(new string('x', 10_000)));
        Assert.Equal(-1, Template.DistanceTo(new string('x', 10_000), out _));
    }

    [Fact]
    public void EmptyHole_CostsTheOneCharacterItNeeds()
    {
        Assert.False(Template.Matches("isol8--openclaw"));
        Assert.Equal(1, Template.DistanceTo("isol8--openclaw", out var holes));
        Assert.Equal(new[] { string.Empty }, holes);
        Assert.Null(Template.Fill(holes));
    }

    [Theory]
    [InlineData("a-xy-b", true, 0)]
    [InlineData("a-xyz-b", true, 0)]
    [InlineData("a-x-b", false, 1)]
    [InlineData("a--b", false, 2)]
    public void AdjacentHoles_EachTakeOneOrMoreCharacters(string value, bool matches, int distance)
    {
        var adjacent = new FamilyPattern(ImmutableArray.Create<string?>("a-", null, null, "-b"));
        Assert.Equal(matches, adjacent.Matches(value));
        Assert.Equal(distance, adjacent.DistanceTo(value, out var holes));
        Assert.Equal(2, holes.Length);
    }

    [Fact]
    public void AdjacentHoles_SplitTheirTextBetweenThem()
    {
        var adjacent = new FamilyPattern(ImmutableArray.Create<string?>("a-", null, null, "-b"));
        adjacent.DistanceTo("a-xy-b", out var holes);
        Assert.Equal("a-xy-b", adjacent.Fill(holes));
        Assert.All(holes, hole => Assert.NotEmpty(hole));
    }

    [Theory]
    [InlineData("isol8-prod-openclaw")]
    [InlineData("arn:aws:ecs:eu-west-1:123456789012:task-definition/isol8-prod-openclaw:7")]
    [InlineData("x")]
    public void PatternOfHolesOnly_MatchesNothing(string value)
    {
        foreach (var holesOnly in new[] { new FamilyPattern(ImmutableArray.Create<string?>((string?)null)), new FamilyPattern(ImmutableArray.Create<string?>(null, null)) })
        {
            Assert.False(holesOnly.Matches(value));
            Assert.Equal(-1, holesOnly.DistanceTo(value, out _));
        }
    }

    [Theory]
    // Up to four holes are compared; a fifth makes the backtracking not worth it.
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void HolesBudget_FourAreMatched_FiveAreNot(int holes, bool compared)
    {
        var parts = ImmutableArray.CreateBuilder<string?>();
        var value = new System.Text.StringBuilder();
        for (var i = 0; i < holes; i++)
        {
            parts.Add("-");
            parts.Add(null);
            value.Append("-x");
        }

        var pattern = new FamilyPattern(parts.ToImmutable());
        Assert.Equal(compared, pattern.Matches(value.ToString()));
        Assert.Equal(compared ? 0 : -1, pattern.DistanceTo(value.ToString(), out _));
    }

    [Fact]
    public void MinimumLength_CountsTheFixedTextAndOneCharacterPerHole()
        => Assert.Equal(16, Template.MinimumLength);

    [Fact]
    public void Fill_NamesNoFamily_WhenAHoleHasNoValueOrAnEmptyOne()
    {
        var twoHoles = new FamilyPattern(ImmutableArray.Create<string?>("a-", null, "-", null));

        Assert.Null(twoHoles.Fill(ImmutableArray.Create("x")));
        Assert.Null(twoHoles.Fill(ImmutableArray.Create("x", string.Empty)));
        Assert.Null(twoHoles.Fill(ImmutableArray.Create(string.Empty, "y")));
        Assert.Equal("a-x-y", twoHoles.Fill(ImmutableArray.Create("x", "y")));
    }

    [Theory]
    // Plain edit distances where the last column and the first row of the table decide.
    [InlineData("x", "abc", 3)]
    [InlineData("abc", "x", 3)]
    [InlineData("ab", "ba", 2)]
    public void ConstantPattern_ExactEditDistance(string family, string value, int distance)
        => Assert.Equal(distance, new FamilyPattern(ImmutableArray.Create<string?>(family)).DistanceTo(value, out _));

    [Theory]
    // A hole at either end that the value leaves nothing for: one edit, one hole value.
    [InlineData(null, "abc")]
    [InlineData("abc", null)]
    public void HoleAtAnEnd_WithNothingLeftForIt_CostsOneEdit(string? first, string? second)
    {
        var pattern = new FamilyPattern(ImmutableArray.Create(first, second));

        Assert.Equal(1, pattern.DistanceTo("abc", out var holes));
        Assert.Single(holes);
    }

    [Theory]
    // A substitution or an extra character beside a hole: the hole keeps its value.
    [InlineData(new[] { "isol8-", null, "-openclaw" }, "isol8-prod-opencl4w", 1, "prod")]
    [InlineData(new[] { "isol8-", null, "-openclaw" }, "isol9-prod-openclaw", 1, "prod")]
    [InlineData(new[] { "isol8-", null, "-openclaw" }, "isol8-prod-openclaw-x", 2, "prod")]
    [InlineData(new[] { "a-", null, "-b" }, "a-xyz-c", 1, "xyz")]
    [InlineData(new[] { "a-", null, "-bcd" }, "a-xyz-bd", 1, "xyz")]
    [InlineData(new[] { "a-", null, "-b" }, "a-xyz-b", 0, "xyz")]
    public void DistanceTo_ReadsTheHoleValuesOfTheClosestMatch(string?[] parts, string value, int distance, string firstHole)
    {
        var pattern = new FamilyPattern(ImmutableArray.Create(parts));

        Assert.Equal(distance, pattern.DistanceTo(value, out var holes));
        Assert.Equal(firstHole, holes[0]);
    }
}
