using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// The <c>CrossStackParameters</c> helper the SSM fixes add once to a project: the one place that names the
/// parameters, publishes them in the owner's stack and reads them in the consumer's. It goes into the file of the
/// first fixed expression, after the code there, so that no project file changes (tools that apply fixes through
/// MSBuild would add a duplicate Compile item for a new file).
/// </summary>
internal static class CrossStackParametersHelper
{
    public const string TypeName = CrossStackHelper.TypeName;

    private static readonly string Template = ReadTemplate();

    /// <summary>The helper already in the project's source, if there is one.</summary>
    public static async Task<INamedTypeSymbol?> FindAsync(Project project, CancellationToken cancellationToken)
    {
        var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
        if (compilation is null)
        {
            return null;
        }

        foreach (var symbol in compilation.GetSymbolsWithName(TypeName, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol { IsStatic: true } type && !type.GetMembers(CrossStackHelper.ReadMethod).IsEmpty)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The namespace the helper goes in: the namespace of the code being fixed, or the global one.</summary>
    public static string? NamespaceFor(SyntaxNode node)
        => node.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();

    /// <summary>Adds the helper after the code of the namespace (or file) that holds <paramref name="anchor"/>.</summary>
    public static CompilationUnitSyntax AddTo(CompilationUnitSyntax root, SyntaxNode anchor, string prefix)
    {
        var helper = Create(prefix);
        if (anchor.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault() is { } namespaceDeclaration)
        {
            return root.ReplaceNode(namespaceDeclaration, namespaceDeclaration.AddMembers(helper));
        }

        return root.AddMembers(helper);
    }

    private static ClassDeclarationSyntax Create(string prefix)
    {
        var type = SyntaxFactory.ParseCompilationUnit(Template).Members.OfType<ClassDeclarationSyntax>().Single();
        var prefixLiteral = type.DescendantNodes().OfType<LiteralExpressionSyntax>().First(literal => literal.Token.ValueText == CdkFixOptions.DefaultSsmParameterPrefix);
        type = type.ReplaceNode(prefixLiteral, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(prefix)));
        var qualifiedNames = type.DescendantNodes().OfType<AliasQualifiedNameSyntax>().Select(name => (SyntaxNode)(name.Parent is QualifiedNameSyntax or MemberAccessExpressionSyntax ? TopOfName(name) : name));
        type = type.ReplaceNodes(qualifiedNames, (_, rewritten) => rewritten.WithAdditionalAnnotations(Simplifier.Annotation));
        return type.WithLeadingTrivia(type.GetLeadingTrivia().Insert(0, SyntaxFactory.ElasticCarriageReturnLineFeed)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static SyntaxNode TopOfName(SyntaxNode name)
    {
        var top = name;
        while (top.Parent is QualifiedNameSyntax || (top.Parent is MemberAccessExpressionSyntax access && access.Expression == top))
        {
            top = top.Parent;
        }

        return top;
    }

    private static string ReadTemplate()
    {
        using var stream = typeof(CrossStackParametersHelper).Assembly.GetManifestResourceStream("CrossStackParameters.template")!;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd().Replace("\r\n", "\n");

        // The first line of the template says what it is; it is not part of the helper.
        return text.Substring(text.IndexOf('\n') + 1);
    }
}
