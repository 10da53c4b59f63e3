using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Every task definition family the compilation declares, found once per compilation and only when a rule needs
/// it: a syntactic scan for <c>Family = …</c> in object initializers, confirmed on the props types of ECS.
/// </summary>
internal sealed class DeclaredFamilies
{
    private readonly Compilation _compilation;
    private readonly ValueSources _sources;
    private readonly FamilyResolver _families;
    private ImmutableArray<DeclaredFamily> _all;

    public DeclaredFamilies(Compilation compilation, ValueSources sources, FamilyResolver families)
    {
        _compilation = compilation;
        _sources = sources;
        _families = families;
    }

    public ImmutableArray<DeclaredFamily> All(CancellationToken cancellationToken)
    {
        if (_all.IsDefault)
        {
            // Computed at most a few times under contention, never stored half-done: cancellation throws before the store.
            ImmutableInterlocked.InterlockedInitialize(ref _all, Collect(cancellationToken));
        }

        return _all;
    }

    private ImmutableArray<DeclaredFamily> Collect(CancellationToken cancellationToken)
    {
        var families = ImmutableArray.CreateBuilder<DeclaredFamily>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node is not AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: "Family" } name, Parent: InitializerExpressionSyntax } assignment)
                {
                    continue;
                }

                var model = _sources.SemanticModelFor(tree, null);
                if (model.GetSymbolInfo(name, cancellationToken).Symbol is not IPropertySymbol { ContainingType: { } props }
                    || props.ContainingNamespace?.ToDisplayString() != "Amazon.CDK.AWS.ECS"
                    || !props.Name.EndsWith("TaskDefinitionProps", System.StringComparison.Ordinal))
                {
                    continue;
                }

                var pattern = _families.Fold(assignment.Right, cancellationToken);
                var constant = model.GetSymbolInfo(assignment.Right, cancellationToken).Symbol as IFieldSymbol;
                families.Add(new DeclaredFamily(pattern, assignment.Right, constant is { IsConst: true } ? constant : null));
            }
        }

        return families.ToImmutable();
    }
}
