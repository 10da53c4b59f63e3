using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;

namespace Isol8.CdkAnalyzers.CodeFixes.Shared;

/// <summary>
/// The <c>CrossStackParameters</c> helper the SSM fixes add once to a project: the one place that names the
/// parameters, publishes them in the owner's stack and reads them in the consumer's.
/// </summary>
internal static class CrossStackParametersHelper
{
    public const string TypeName = CrossStackHelper.TypeName;
    public const string FileName = TypeName + ".cs";

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
            if (symbol is INamedTypeSymbol { IsStatic: true } type && !type.GetMembers("Read").IsEmpty)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The namespace the helper goes in: the namespace of the code being fixed.</summary>
    public static string? NamespaceFor(SyntaxNode node)
        => node.AncestorsAndSelf().OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();

    /// <summary>Adds the helper to the project unless it has one; returns the solution and the helper's namespace.</summary>
    public static async Task<(Solution Solution, string? Namespace)> EnsureAsync(Solution solution, ProjectId projectId, string? preferredNamespace, bool fileScopedNamespace, string prefix, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId)!;
        if (await FindAsync(project, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return (solution, existing.ContainingNamespace.IsGlobalNamespace ? null : existing.ContainingNamespace.ToDisplayString());
        }

        var root = Create(preferredNamespace, fileScopedNamespace, prefix);
        var folder = project.FilePath is { } projectFile ? Path.GetDirectoryName(projectFile) : null;
        var document = project.AddDocument(FileName, root, filePath: folder is null ? null : Path.Combine(folder, FileName));
        var formatted = await Formatter.FormatAsync(document, cancellationToken: cancellationToken).ConfigureAwait(false);
        return (formatted.Project.Solution, preferredNamespace);
    }

    private static CompilationUnitSyntax Create(string? namespaceName, bool fileScopedNamespace, string prefix)
    {
        var root = SyntaxFactory.ParseCompilationUnit(Template);
        var namespaceDeclaration = root.Members.OfType<FileScopedNamespaceDeclarationSyntax>().Single();
        var type = namespaceDeclaration.Members.OfType<ClassDeclarationSyntax>().Single();
        var prefixLiteral = type.DescendantNodes().OfType<LiteralExpressionSyntax>().First(literal => literal.Token.ValueText == "/cdk-cross-stack");
        type = type.ReplaceNode(prefixLiteral, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(prefix)));

        if (namespaceName is null)
        {
            var leading = namespaceDeclaration.GetLeadingTrivia();
            return root.WithMembers(SyntaxFactory.SingletonList<MemberDeclarationSyntax>(type.WithLeadingTrivia(type.GetLeadingTrivia().InsertRange(0, leading))));
        }

        var name = SyntaxFactory.ParseName(namespaceName);
        BaseNamespaceDeclarationSyntax declaration = fileScopedNamespace
            ? namespaceDeclaration.WithName(name).WithMembers(SyntaxFactory.SingletonList<MemberDeclarationSyntax>(type))
            : SyntaxFactory.NamespaceDeclaration(name).WithMembers(SyntaxFactory.SingletonList<MemberDeclarationSyntax>(type.WithLeadingTrivia(type.GetLeadingTrivia().Where(t => !t.IsKind(SyntaxKind.EndOfLineTrivia)))))
                .WithLeadingTrivia(namespaceDeclaration.GetLeadingTrivia())
                .WithTrailingTrivia(type.GetTrailingTrivia());
        return root.WithMembers(SyntaxFactory.SingletonList<MemberDeclarationSyntax>(declaration)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static string ReadTemplate()
    {
        using var stream = typeof(CrossStackParametersHelper).Assembly.GetManifestResourceStream("CrossStackParameters.template")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }
}
