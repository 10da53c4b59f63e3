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
        Assert.Equal(1, Template.DistanceTo("isol8--openclaw", out _));
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
}
