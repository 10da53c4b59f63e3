using System.Linq;
using System.Threading;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>The text searches the model runs instead of walking every node: they find every real hit and only those.</summary>
public class TextSearchTests
{
    private const string Source = """
        class C
        {
            string TaskDef = "a";
            string TaskDefinition;
            int Count;

            void M(C other)
            {
                TaskDef = "b";
                this.TaskDef ??= "c";
                TaskDef+="d";
                TaskDef
                    = "e";
                Count >>>= 1;
                Count <<= 2;
                var same = TaskDef == "x";
                System.Func<string, string> f = TaskDef => TaskDef;
                var read = other.TaskDef + TaskDef;
                // TaskDef = "in a comment";
                var text = "TaskDef = in a string";
                var longer = TaskDefinition;
            }
        }
        """;

    private static readonly TextSearch Search = new();

    private static readonly CompilationUnitSyntax Root = SyntaxFactory.ParseCompilationUnit(Source);

    [Fact]
    public void TokensNamed_FindsEveryIdentifierOfThatName_NotLongerNamesCommentsOrStrings()
    {
        var tokens = Search.TokensNamed(Root, "TaskDef", CancellationToken.None).ToList();

        Assert.Equal(10, tokens.Count);
        Assert.All(tokens, token => Assert.Equal("TaskDef", token.ValueText));
    }

    [Fact]
    public void TokensNamed_InAScope_FindsOnlyThatScopesTokens_AtTheirPositionsInTheTree()
    {
        var method = Root.DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var tokens = Search.TokensNamed(method, "TaskDef", CancellationToken.None).ToList();

        // All ten but the field's declarator, each the tree's own token at its own position.
        Assert.Equal(9, tokens.Count);
        Assert.All(tokens, token => Assert.True(method.Span.Contains(token.Span)));
        Assert.All(tokens, token => Assert.Equal(token, Root.FindToken(token.SpanStart)));
        Assert.Equal(
            Root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken) && t.ValueText == "TaskDef" && method.Span.Contains(t.Span)),
            tokens);
    }

    [Fact]
    public void AssignedTokensNamed_FindsTheTargetsOfEveryAssignmentOperator()
    {
        var lines = Search.AssignedTokensNamed(Root, "TaskDef", CancellationToken.None)
            .Select(token => token.GetLocation().GetLineSpan().StartLinePosition.Line + 1)
            .ToArray();

        // The field initializer, '=', '??=' through this., '+=' without blanks, '=' on the next line.
        Assert.Equal(new[] { 3, 9, 10, 11, 12 }, lines);
    }

    [Fact]
    public void AssignmentsTo_MatchesTheAssignmentsInTheTree()
    {
        var fromText = Search.AssignmentsTo(Root, "TaskDef", CancellationToken.None).ToList();
        var fromTree = Root.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "TaskDef" } or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name.Identifier.ValueText: "TaskDef" })
            .ToList();

        Assert.Equal(4, fromTree.Count);
        Assert.Equal(fromTree, fromText);
    }

    [Theory]
    [InlineData("Count", 2)]
    [InlineData("TaskDefinition", 0)]
    public void AssignmentsTo_ShiftAssignmentsAndNone(string name, int expected)
        => Assert.Equal(expected, Search.AssignmentsTo(Root, name, CancellationToken.None).Count());
}
