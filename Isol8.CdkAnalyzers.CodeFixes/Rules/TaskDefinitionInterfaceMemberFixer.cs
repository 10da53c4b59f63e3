using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Shared;
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
/// ICDK002 (and the compiler's CS1061 on the same member access). First: put the family declared where the task
/// definition is created, as a literal. Second: declare the owner's member with the concrete type every value
/// assigned to it has, so the original expression compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TaskDefinitionInterfaceMemberFixer))]
[Shared]
public sealed class TaskDefinitionInterfaceMemberFixer : CodeFixProvider
{
    public const string DeclaredFamilyEquivalenceKey = "ICDK002.DeclaredFamily";
    public const string ConcreteTypeEquivalenceKey = "ICDK002.ConcreteType";

    /// <summary>Fix All, with the recommended fix when it is asked for none (<c>dotnet format analyzers</c>).</summary>
    private static readonly FixAllProvider FixAll = new RecommendedFixAllProvider(TaskDefinitionMemberFixAllProvider.Instance, DeclaredFamilyEquivalenceKey);

    private const string MemberNotFound = "CS1061";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.TaskDefinitionInterfaceMember, MemberNotFound);

    public override FixAllProvider GetFixAllProvider() => FixAll;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var plan = await TaskDefinitionMemberFixPlan.CreateAsync(context.Document, diagnostic.Location.SourceSpan, context.CancellationToken).ConfigureAwait(false);
            if (plan is null)
            {
                continue;
            }

            if (plan.DeclaredFamily is { } family)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use the family \"" + family + "\" declared where the task definition is created",
                        cancellationToken => UseDeclaredFamiliesAsync(context.Document.Project.Solution, new[] { (context.Document.Id, plan) }, cancellationToken),
                        DeclaredFamilyEquivalenceKey),
                    diagnostic);
            }

            if (plan.ConcreteType is { } concrete)
            {
                var title = "Declare '" + concrete.MemberName + "' as " + concrete.ConcreteTypeName
                    + (plan.FamilyNotSet ? " (its family is not set: CDK derives it from the construct path)" : string.Empty);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        cancellationToken => ExposeConcreteTypesAsync(context.Document.Project.Solution, new[] { (context.Document.Id, plan) }, cancellationToken),
                        ConcreteTypeEquivalenceKey),
                    diagnostic);
            }
        }
    }

    /// <summary>Puts each declared family in place; through the helper (added once per project) where another stack owns the task definition.</summary>
    internal static async Task<Solution> UseDeclaredFamiliesAsync(Solution solution, IReadOnlyList<(DocumentId Document, TaskDefinitionMemberFixPlan Plan)> work, CancellationToken cancellationToken)
    {
        var plans = new List<(DocumentId, IReadOnlyList<CrossStackFixPlan>)>();
        foreach (var group in work.GroupBy(item => item.Document))
        {
            var document = solution.GetDocument(group.Key)!;
            var documentPlans = new List<CrossStackFixPlan>();
            foreach (var (_, plan) in group)
            {
                if (plan.DeclaredFamily is { } family
                    && await CrossStackFixPlan.CreateDeclaredFamilyAsync(document, plan.Access, family, cancellationToken).ConfigureAwait(false) is { } written)
                {
                    documentPlans.Add(written);
                }
            }

            plans.Add((group.Key, documentPlans));
        }

        return await CrossStackFixWriter.ApplySsmAsync(solution, plans, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Declares each member with its concrete type (once, however many accesses need it) and puts each accessed name in its proper case.</summary>
    internal static async Task<Solution> ExposeConcreteTypesAsync(Solution solution, IReadOnlyList<(DocumentId Document, TaskDefinitionMemberFixPlan Plan)> work, CancellationToken cancellationToken)
    {
        var edits = new Dictionary<DocumentId, List<(SyntaxNode Node, SyntaxNode Replacement)>>();
        void Add(DocumentId id, SyntaxNode node, SyntaxNode replacement)
        {
            if (!edits.TryGetValue(id, out var list))
            {
                edits[id] = list = new List<(SyntaxNode, SyntaxNode)>();
            }

            if (!list.Any(edit => edit.Node == node))
            {
                list.Add((node, replacement));
            }
        }

        foreach (var (documentId, plan) in work)
        {
            var concrete = plan.ConcreteType!;
            var declaringDocument = solution.GetDocument(concrete.DeclaredType.SyntaxTree);
            if (declaringDocument is null)
            {
                continue;
            }

            var generator = SyntaxGenerator.GetGenerator(declaringDocument);
            var type = generator.TypeExpression(concrete.ConcreteType)
                .WithTriviaFrom(concrete.DeclaredType)
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation, Formatter.Annotation);
            Add(declaringDocument.Id, concrete.DeclaredType, type);

            if (plan.Access.Name.Identifier.ValueText != plan.MemberName)
            {
                Add(documentId, plan.Access.Name, SyntaxFactory.IdentifierName(plan.MemberName).WithTriviaFrom(plan.Access.Name));
            }
        }

        foreach (var pair in edits)
        {
            var list = pair.Value;
            var document = solution.GetDocument(pair.Key)!;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var replacements = list.ToDictionary(edit => edit.Node, edit => edit.Replacement);
            document = document.WithSyntaxRoot(root!.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
            document = await DocumentCleanup.CleanUpAsync(document, cancellationToken).ConfigureAwait(false);
            solution = document.Project.Solution;
        }

        return solution;
    }
}
