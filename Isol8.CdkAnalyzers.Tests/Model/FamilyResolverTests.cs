using System.Linq;
using System.Threading;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>How far a family expression folds: literals, concatenations, interpolations, constants, and constructor parameters every construction agrees on.</summary>
public class FamilyResolverTests
{
    private const string Source = """
        public static class Names
        {
            public const string Worker = "isol8-worker";
            public const string Env = "prod";
        }

        public class FamilyStack : Stack
        {
            private const string Prefix = "isol8-";

            public FamilyStack(Construct scope, string id, string family = "isol8-default", string env = "prod") : base(scope, id)
            {
                var folded = EXPRESSION;
            }

            private static string Compute() => "computed";
        }

        public static class Wiring
        {
            public static void Build(App app)
            {
                CONSTRUCTIONS
            }
        }

        namespace Other
        {
            public static class Names
            {
                public const string Env = "staging";
            }
        }
        """;

    private static FamilyPattern Fold(string expression, string constructions = "", bool syntaxOnly = false)
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + Source.Replace("EXPRESSION", expression).Replace("CONSTRUCTIONS", constructions));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var folded = compilation.SyntaxTrees.SelectMany(tree => tree.GetRoot().DescendantNodes()).OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.ValueText == "folded");
        return CdkModel.CreateUnshared(compilation)!.Families.Fold(folded.Initializer!.Value, syntaxOnly, CancellationToken.None);
    }

    [Theory]
    [InlineData("\"isol8-\" + \"worker\"", "isol8-worker")]
    [InlineData("$\"{Prefix}{Names.Env}-openclaw\"", "isol8-prod-openclaw")]
    [InlineData("((\"isol8-worker\"))", "isol8-worker")]
    [InlineData("Names.Worker", "isol8-worker")]
    [InlineData("Prefix + Names.Env", "isol8-prod")]
    public void Constants_Fold(string expression, string constant)
        => Assert.Equal(constant, Fold(expression).Constant);

    [Fact]
    public void AdjacentTextParts_AreMergedIntoOne()
        => Assert.Equal(new[] { "isol8-worker" }, Fold("\"isol8\" + \"-\" + \"worker\"").Parts.ToArray());

    [Theory]
    [InlineData("\"isol8-\" + Compute()", "isol8-{…}")]
    [InlineData("$\"isol8-{env,5}\"", "isol8-{…}")]
    [InlineData("$\"isol8-{Names.Env:G}\"", "isol8-{…}")]
    [InlineData("$\"{Compute()}-{Compute()}\"", "{…}-{…}")]
    public void WhatDoesNotFold_IsAHole(string expression, string display)
        => Assert.Equal(display, Fold(expression).Display);

    /// <summary>
    /// The syntax alone follows a constant of another type by the type's name (<c>Family = Names.Worker</c>, as every
    /// declaration is folded); where two types of that name declare it (<c>Names.Env</c> here and in <c>Other</c>),
    /// which one is meant takes the semantic model.
    /// </summary>
    [Fact]
    public void ConstantOfAnotherType_FoldsFromTheSyntaxWhereItsTypeNameIsUnique()
    {
        Assert.Equal("isol8-worker", Fold("Names.Worker", syntaxOnly: true).Constant);
        Assert.Equal("isol8-prod", Fold("Prefix + Names.Env").Constant);
        Assert.Equal("isol8-{…}", Fold("Prefix + Names.Env", syntaxOnly: true).Display);
    }

    [Theory]
    // Nested parentheses and a chain of concatenations, each to the fold's depth budget of twelve and one beyond.
    [InlineData(12, true)]
    [InlineData(13, false)]
    public void Parentheses_FoldToTheDepthBudget(int depth, bool folds)
        => Assert.Equal(folds, Fold(new string('(', depth) + "\"isol8-worker\"" + new string(')', depth)).IsConstant);

    [Theory]
    [InlineData(13, true)]
    [InlineData(14, false)]
    public void Concatenations_FoldToTheDepthBudget(int terms, bool folds)
        => Assert.Equal(folds, Fold(string.Join(" + ", Enumerable.Range(0, terms).Select(i => $"\"p{i}\""))).IsConstant);

    [Theory]
    // A constructor parameter folds when every construction passes the same constant, the default value included.
    [InlineData("new FamilyStack(app, \"A\");", "isol8-default")]
    [InlineData("new FamilyStack(app, \"A\"); new FamilyStack(app, \"B\", \"isol8-default\");", "isol8-default")]
    [InlineData("new FamilyStack(app, \"A\", Names.Worker);", "isol8-worker")]
    [InlineData("new FamilyStack(app, \"A\", env: \"dev\", family: \"isol8-\" + Names.Env);", "isol8-prod")]
    [InlineData("new FamilyStack(app, \"A\", Names.Worker); new FamilyStack(app, \"B\");", null)]
    [InlineData("", null)]
    public void ConstructorParameter_FoldsWhenEveryConstructionAgrees(string constructions, string? constant)
        => Assert.Equal(constant, Fold("family", constructions).Constant);
}
