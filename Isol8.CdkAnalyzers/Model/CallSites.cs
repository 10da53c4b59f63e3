using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>One call of a method of the app's, with the member it is written in.</summary>
internal readonly struct CallSite
{
    public CallSite(IInvocationOperation call, ISymbol? caller)
    {
        Call = call;
        Caller = caller;
    }

    public IInvocationOperation Call { get; }

    /// <summary>The member or function the call is written in.</summary>
    public ISymbol? Caller { get; }
}

/// <summary>
/// Every call of a method whose callers the source shows whole: a private method of a class declared in one part
/// (called unqualified or through <c>this</c>), a local function (called in the body that declares it), or a static
/// method (called anywhere). A use of the method other than such a call (a method group, a delegate, a call through
/// another receiver) means its callers cannot all be placed.
/// </summary>
internal static class CallSites
{
    /// <summary>Adds the calls of <paramref name="method"/> to <paramref name="calls"/>; false when a use of it is not a call that can be placed, or its callers cannot all be seen.</summary>
    public static bool TryCollect(IMethodSymbol method, ValueSources sources, ResolutionWalk walk, List<CallSite> calls)
    {
        if (method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(walk.CancellationToken) is not { } declaration
            || declaration is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax)
            || SearchScopes(method, declaration, sources, walk.CancellationToken) is not { } scopes)
        {
            return false;
        }

        foreach (var scope in scopes)
        {
            var model = sources.SemanticModelFor(scope.SyntaxTree, walk.SiteModel);
            foreach (var token in sources.Text.TokensNamed(scope, method.Name, walk.CancellationToken))
            {
                if (token.Parent == declaration)
                {
                    continue;
                }

                var name = token.Parent as IdentifierNameSyntax;
                var callee = name?.Parent is MemberAccessExpressionSyntax access && access.Name == name
                    && (access.Expression is ThisExpressionSyntax || method.IsStatic) ? access : (ExpressionSyntax?)name;
                if (callee?.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != callee
                    || model.GetOperation(invocation, walk.CancellationToken) is not IInvocationOperation call)
                {
                    // A method group, a nameof, a call through another receiver: not every use is a call that can be placed.
                    if (name is not null && !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, walk.CancellationToken).Symbol?.OriginalDefinition, method))
                    {
                        continue;
                    }

                    return false;
                }

                if (SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method))
                {
                    // Not an overload of the same name, nor another method so named.
                    calls.Add(new CallSite(call, model.GetEnclosingSymbol(invocation.SpanStart, walk.CancellationToken)));
                }
            }
        }

        return true;
    }

    /// <summary>Where the calls can be: null when the method's callers are not all in the source it can search.</summary>
    private static IEnumerable<SyntaxNode>? SearchScopes(IMethodSymbol method, SyntaxNode declaration, ValueSources sources, System.Threading.CancellationToken cancellationToken)
    {
        if (method.MethodKind == MethodKind.LocalFunction)
        {
            return CdkSyntax.EnclosingBody(declaration) is { } body ? new[] { body } : null;
        }

        if (method.MethodKind != MethodKind.Ordinary)
        {
            return null;
        }

        if (method.DeclaredAccessibility == Accessibility.Private)
        {
            // A partial class's other parts may call it too.
            return CdkSyntax.EnclosingType(declaration) is { } type && !type.Modifiers.Any(SyntaxKind.PartialKeyword) ? new SyntaxNode[] { type } : null;
        }

        return method.IsStatic ? sources.Compilation.SyntaxTrees.Select(tree => tree.GetRoot(cancellationToken)) : null;
    }
}
