using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Shared;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;

namespace Isol8.CdkAnalyzers.CodeFixes.Rules;

/// <summary>
/// ICDK005: publish the value in an SSM <c>StringParameter</c> named from the export name, beside the export. The
/// export stays for its importers, which this compilation may not see, until they read the parameter: removing it
/// first would fail the owner's deploy. ICDK007 then reports it as transitional, and its fix removes it.
/// Offered when the export name is a constant and the export is a statement of its own, in a block of the member's body
/// that no loop, lambda or local function may run more than once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VolatileExportFixer))]
[Shared]
public sealed class VolatileExportFixer : CodeFixProvider
{
    public const string PublishParameterEquivalenceKey = "ICDK005.PublishParameter";

    /// <summary>Fix All, with the recommended fix when it is asked for none (<c>dotnet format analyzers</c>).</summary>
    private static readonly FixAllProvider FixAll = new RecommendedFixAllProvider(WellKnownFixAllProviders.BatchFixer, PublishParameterEquivalenceKey);

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.VolatileExport);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var semanticModel = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax value
                || Plan(value, semanticModel, context.CancellationToken) is not { } plan
                || !RunsOnceInABlock(plan.Statement))
            {
                continue;
            }

            var prefix = CdkFixOptions.SsmParameterPrefix(context.Document.Project, value.SyntaxTree);
            var parameterName = ParameterName(prefix, plan.ExportName);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Publish it in the SSM parameter '" + parameterName + "' (the export stays until its importers read the parameter)",
                    cancellationToken => ReplaceAsync(context.Document, plan, value, parameterName, cancellationToken),
                    PublishParameterEquivalenceKey),
                diagnostic);
        }
    }

    private static ExportPlan? Plan(ExpressionSyntax value, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        // this.ExportValue(value, new ExportValueOptions { Name = "…" });
        if (value.Parent is ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Parent: ExpressionStatementSyntax statement } invocation }
            && invocation.ArgumentList.Arguments.Count == 2
            && CdkSyntax.TrailingName(invocation.Expression) == KnownCdkNames.ExportValue
            && InitializerValue(invocation.ArgumentList.Arguments[1].Expression, "Name") is { } nameExpression
            && semanticModel.GetConstantValue(nameExpression, cancellationToken).Value is string exportName)
        {
            ExpressionSyntax scope = invocation.Expression is MemberAccessExpressionSyntax access ? access.Expression : SyntaxFactory.ThisExpression();
            return new ExportPlan(statement, scope, exportName, null);
        }

        // new CfnOutput(scope, "Id", new CfnOutputProps { Value = value, ExportName = "…", Description = … });
        if (value.Parent is AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: BaseObjectCreationExpressionSyntax props } initializer }
            && props.Parent is ArgumentSyntax { Parent.Parent: ObjectCreationExpressionSyntax { Parent: ExpressionStatementSyntax outputStatement, ArgumentList.Arguments.Count: 3 } output }
            && InitializerValue(props, "ExportName") is { } exportNameExpression
            && semanticModel.GetConstantValue(exportNameExpression, cancellationToken).Value is string outputExportName)
        {
            var arguments = output.ArgumentList!.Arguments;
            return new ExportPlan(outputStatement, arguments[0].Expression, outputExportName, InitializerValue(props, "Description"));
        }

        return null;
    }

    /// <summary>
    /// Is the export a statement of a block (where the parameter can go beside it) of the member's own body, where no
    /// loop repeats it (the parameter would be created again on every pass, under the same id), nor a lambda or local
    /// function that may run more than once?
    /// </summary>
    private static bool RunsOnceInABlock(StatementSyntax statement)
    {
        if (statement.Parent is not BlockSyntax)
        {
            return false;
        }

        foreach (var ancestor in statement.Ancestors())
        {
            switch (ancestor)
            {
                case CommonForEachStatementSyntax or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax
                    or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax:
                    return false;
                case MemberDeclarationSyntax:
                    return true;
            }
        }

        return true;
    }

    private static ExpressionSyntax? InitializerValue(ExpressionSyntax creation, string property)
        => (creation as BaseObjectCreationExpressionSyntax)?.Initializer is { } initializer ? CdkSyntax.InitializerValue(initializer, property) : null;

    /// <summary>The prefix and the export name, with ':' as a path separator and anything SSM does not allow as '-'.</summary>
    private static string ParameterName(string prefix, string exportName)
    {
        var name = new StringBuilder(prefix).Append('/');
        foreach (var character in exportName)
        {
            var allowed = char.IsLetterOrDigit(character) && character < 128 || character is '_' or '.' or '-';
            name.Append(character == ':' ? '/' : allowed ? character : '-');
        }

        return name.ToString();
    }

    private static async Task<Document> ReplaceAsync(Document document, ExportPlan plan, ExpressionSyntax value, string parameterName, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var generator = SyntaxGenerator.GetGenerator(document);
        var parameterType = (ExpressionSyntax)SyntaxFactory.ParseTypeName("global::Amazon.CDK.AWS.SSM.StringParameter").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var propsType = SyntaxFactory.ParseTypeName("global::Amazon.CDK.AWS.SSM.StringParameterProps").WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        var assignments = new SeparatedSyntaxList<ExpressionSyntax>()
            .Add(Assign("ParameterName", SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(parameterName))))
            .Add(Assign("StringValue", value.WithoutTrivia()));
        if (plan.Description is { } description)
        {
            assignments = assignments.Add(Assign("Description", description.WithoutTrivia()));
        }

        var props = SyntaxFactory.ObjectCreationExpression((TypeSyntax)propsType)
            .WithArgumentList(null)
            .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, assignments));
        // The output keeps its id: the parameter gets one of its own, from the export name.
        var id = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(ConstructId(plan.ExportName)));
        var creation = (ExpressionSyntax)generator.ObjectCreationExpression(parameterType, plan.Scope.WithoutTrivia(), id, props);
        var statement = SyntaxFactory.ExpressionStatement(creation).WithAdditionalAnnotations(Formatter.Annotation);

        // The export stays, beside the parameter, for importers that cannot move in the same deploy (ICDK007 says when it can go).
        return await DocumentCleanup.CleanUpAsync(document.WithSyntaxRoot(root!.InsertNodesAfter(plan.Statement, new[] { statement })), cancellationToken).ConfigureAwait(false);
    }

    private static AssignmentExpressionSyntax Assign(string property, ExpressionSyntax value)
        => SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression, SyntaxFactory.IdentifierName(property), value);

    /// <summary>A construct id from the export name: its letters and digits in PascalCase, then "Parameter".</summary>
    private static string ConstructId(string exportName)
    {
        var id = new StringBuilder();
        var upper = true;
        foreach (var character in exportName)
        {
            if (char.IsLetterOrDigit(character) && character < 128)
            {
                id.Append(upper ? char.ToUpperInvariant(character) : character);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        return id.Append("Parameter").ToString();
    }

    private sealed class ExportPlan
    {
        public ExportPlan(StatementSyntax statement, ExpressionSyntax scope, string exportName, ExpressionSyntax? description)
        {
            Statement = statement;
            Scope = scope;
            ExportName = exportName;
            Description = description;
        }

        public StatementSyntax Statement { get; }

        public ExpressionSyntax Scope { get; }

        public string ExportName { get; }

        public ExpressionSyntax? Description { get; }
    }
}
