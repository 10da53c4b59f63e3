using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The app's own methods that export one of their parameters by name: a helper whose body gives the parameter itself
/// to <c>ExportValue</c>, or to a <c>CfnOutputProps</c> <c>Value</c> with an <c>ExportName</c>
/// (<c>Outputs.Export(scope, name, value)</c>). One level deep; worked out once per method, when a call passes it a
/// volatile value.
/// </summary>
internal sealed class ExportHelpers
{
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableHashSet<int>> _exported = new(SymbolEqualityComparer.Default);

    /// <summary>The ordinals of <paramref name="method"/>'s parameters that its body exports; empty for a method not in source.</summary>
    public ImmutableHashSet<int> ExportedParameters(IMethodSymbol method, CdkModel model, CancellationToken cancellationToken)
    {
        var key = method.OriginalDefinition;
        if (_exported.TryGetValue(key, out var known))
        {
            return known;
        }

        var ordinals = ImmutableHashSet<int>.Empty;
        foreach (var reference in key.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            var semanticModel = model.Sources.SemanticModelFor(declaration.SyntaxTree, null);
            foreach (var node in declaration.DescendantNodes())
            {
                var value = node switch
                {
                    InvocationExpressionSyntax invocation when ExportSites.MightExport(invocation) => ExportSites.ExportedValue(invocation, semanticModel, model, cancellationToken),
                    InitializerExpressionSyntax initializer when ExportSites.MightExport(initializer) => ExportSites.ExportedValue(initializer, semanticModel, model, cancellationToken),
                    _ => null,
                };
                if (value is not null
                    && CdkSyntax.WalkDownParenthesesAndCasts(value) is IdentifierNameSyntax name
                    && semanticModel.GetSymbolInfo(name, cancellationToken).Symbol is IParameterSymbol parameter
                    && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, key))
                {
                    ordinals = ordinals.Add(parameter.Ordinal);
                }
            }
        }

        return _exported.GetOrAdd(key, ordinals);
    }
}
