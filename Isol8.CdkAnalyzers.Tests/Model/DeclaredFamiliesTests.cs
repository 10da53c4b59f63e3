using System.Threading;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>Which declaration a family site is matched with: the first in declaration order, whichever way it is found.</summary>
public class DeclaredFamiliesTests
{
    private static DeclaredFamilies Declared(params string[] families)
    {
        var declarations = string.Join("\n", System.Array.ConvertAll(families, family => "        new FargateTaskDefinition(this, \"T" + System.Guid.NewGuid().ToString("N") + "\", new FargateTaskDefinitionProps { Family = " + family + " });"));
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public class FamilyStack : Stack
            {
                public FamilyStack(Construct scope, string id, string env) : base(scope, id)
                {
            """ + declarations + """

                }
            }
            """);
        return CdkModel.CreateUnshared(compilation)!.DeclaredFamilies;
    }

    private static string Text(DeclaredFamily? family) => family?.Declaration.ToString() ?? "none";

    [Theory]
    [InlineData("api-prod", "$\"api-{env}\"")]
    [InlineData("worker", "\"worker\"")]
    [InlineData("api", "\"api\"")]
    public void Match_TheFirstDeclarationThatMatches_TemplateBeforeConstant(string value, string expected)
        => Assert.Equal(expected, Text(Declared("$\"api-{env}\"", "\"api-prod\"", "\"worker\"", "\"api\"").Match(value, CancellationToken.None) is { Distance: 0 } match ? match.Family : null));

    [Fact]
    public void Match_TheFirstDeclarationThatMatches_ConstantBeforeTemplate()
        => Assert.Equal("\"api-prod\"", Text(Declared("\"api-prod\"", "$\"api-{env}\"").Match("api-prod", CancellationToken.None).Family));

    [Fact]
    public void Match_OfTwoEqualConstants_TheFirst()
    {
        var declared = Declared("\"worker\"", "\"worker\"");

        Assert.Same(declared.All(CancellationToken.None)[0], declared.Match("worker", CancellationToken.None).Family);
    }

    [Fact]
    public void Match_NearMiss_WhenNoneMatches()
    {
        var match = Declared("$\"api-{env}\"", "\"worker\"").Match("workr", CancellationToken.None);

        Assert.Equal("\"worker\"", Text(match.Family));
        Assert.Equal(1, match.Distance);
    }

    [Fact]
    public void Match_EmptyOrOverlongValue_MatchesNoConstant()
    {
        var declared = Declared("\"\"", "\"" + new string('a', 256) + "\"");

        Assert.Null(declared.Match(string.Empty, CancellationToken.None).Family);
        Assert.Equal(-1, declared.Match(new string('a', 256), CancellationToken.None).Distance);
    }

    [Fact]
    public void WithShape_TheFirstDeclarationOfTheSameFixedPartsAndHoles()
    {
        var declared = Declared("\"api-prod\"", "$\"api-{env}-x\"", "$\"api-{env}\"", "$\"api-{id}\"");

        Assert.Equal("$\"api-{env}\"", Text(declared.WithShape(new FamilyPattern(System.Collections.Immutable.ImmutableArray.Create<string?>("api-", null)), CancellationToken.None)));
        Assert.Null(declared.WithShape(new FamilyPattern(System.Collections.Immutable.ImmutableArray.Create<string?>("api", null)), CancellationToken.None));
    }

    [Fact]
    public void Match_OfTwoEquallyNearDeclarations_TheFirst()
    {
        var match = Declared("\"worker-a\"", "\"worker-b\"").Match("worker-c", CancellationToken.None);

        Assert.Equal("\"worker-a\"", Text(match.Family));
        Assert.Equal(1, match.Distance);
    }

    [Fact]
    public void Match_AConstantOfTheLongestFamilyLength_IsFoundExactly()
    {
        var longest = new string('a', FamilyPattern.MaxMatchableLength);
        var match = Declared("\"" + longest + "\"").Match(longest, CancellationToken.None);

        Assert.Equal(0, match.Distance);
        Assert.NotNull(match.Family);
    }
}
