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
        Assert.True(Template.DistanceTo("partner-billing-runner", out _) > 3);
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
}
