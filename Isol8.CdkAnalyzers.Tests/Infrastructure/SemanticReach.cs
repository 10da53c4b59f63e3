using System.Linq;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>
/// Proves that a silence test is silent for the reason it names: the expression after each <c>/*reach*/</c>
/// comment passes ICDK001's syntactic prefilters, so the ownership analysis on the semantic model decides. Without
/// this, a test of "unknown owner means silence" can pass because a cheap check said no before the guard ran.
/// </summary>
internal static class SemanticReach
{
    public const string Marker = "/*reach*/";

    public static void AssertMarkedExpressionsReachTheSemanticModel(params string[] sources)
    {
        var compilation = TestCompilation.Create(sources);
        var model = CdkModel.For(compilation)!;
        var settings = model.SettingsFor(TestOptionsProvider.Empty.GlobalOptions);
        var marked = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot();
            foreach (var comment in root.DescendantTrivia().Where(t => t.IsKind(SyntaxKind.MultiLineCommentTrivia) && t.ToString() == Marker))
            {
                marked++;
                var start = comment.Span.End;
                var expression = root.FindToken(start).Parent!.AncestorsAndSelf().OfType<ExpressionSyntax>()
                    .Last(e => e.SpanStart == root.FindToken(start).SpanStart);
                var reaches = expression is MemberAccessExpressionSyntax access && settings.Catalogue.MayBeVolatile(access.Name.Identifier.ValueText)
                    ? settings.Catalogue.ReceiverNames.MightHold(access.Expression, default) && !model.Scope.IsSameScopeUse(access.Expression, access)
                    : model.VolatileConstructNames.MightHold(expression, default) && !model.Scope.IsSameScopeUse(expression, expression);
                Assert.True(reaches, "The syntactic prefilter rules out '" + expression + "': the test does not reach the guard it is about.");
            }
        }

        Assert.True(marked > 0, "No " + Marker + " marker in the sources.");
    }
}
