using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
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
/// Every call of a method whose callers the source shows whole: a private method of a class, in any of its parts
/// (called unqualified or through <c>this</c>), a local function (called in the body that declares it), a static
/// method (called anywhere), or, in an application, a stack class's non-virtual instance method (called anywhere,
/// through any receiver: <c>consumer.Wire(workload)</c> from <c>Main</c>). A use of the method other than such a call
/// (a method group, a delegate, a call through another receiver where one is not allowed) means its callers cannot
/// all be placed.
/// </summary>
internal static class CallSites
{
    /// <summary>
    /// Adds the calls of <paramref name="method"/> to <paramref name="calls"/>; false when a use of it is not a call that
    /// can be placed, or its callers cannot all be seen. <paramref name="isStackClass"/>: the method is declared in a
    /// top-level stack class, whose instance methods an application's own code calls through any receiver.
    /// </summary>
    public static bool TryCollect(IMethodSymbol method, bool isStackClass, ValueSources sources, ResolutionWalk walk, List<CallSite> calls)
    {
        var throughAnyReceiver = isStackClass && CalledOnlyByTheApp(method, sources.Compilation);
        if (method.DeclaringSyntaxReferences.Length != 1
            || method.DeclaringSyntaxReferences[0].GetSyntax(walk.CancellationToken) is not { } declaration
            || declaration is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax)
            || SearchScopes(method, declaration, throughAnyReceiver, sources, walk.CancellationToken) is not { } scopes)
        {
            return false;
        }

        foreach (var scope in scopes)
        {
            var model = sources.SemanticModelFor(scope.SyntaxTree, walk.SiteModel);
            foreach (var token in sources.Text.TokensNamed(scope, method.Name, walk.CancellationToken))
            {
                if (token.Parent is not SimpleNameSyntax name)
                {
                    // A declaration of the name (this method's, another class's method, a parameter, a property): no use of this one.
                    continue;
                }

                var callee = name.Parent is MemberAccessExpressionSyntax access && access.Name == name
                    && (access.Expression is ThisExpressionSyntax || method.IsStatic || throughAnyReceiver) ? access : (ExpressionSyntax)name;
                if (callee.Parent is not InvocationExpressionSyntax invocation || invocation.Expression != callee
                    || model.GetOperation(invocation, walk.CancellationToken) is not IInvocationOperation call)
                {
                    // A method group, a nameof, a call through another receiver: not every use is a call that can be placed.
                    if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, walk.CancellationToken).Symbol?.OriginalDefinition, method))
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

    /// <summary>
    /// A non-virtual instance method of an application's class, which no other assembly can call and no override
    /// replaces: its calls are all in the source.
    /// </summary>
    private static bool CalledOnlyByTheApp(IMethodSymbol method, Compilation compilation)
        => method is { IsStatic: false, IsVirtual: false, IsAbstract: false, IsOverride: false, MethodKind: MethodKind.Ordinary, ExplicitInterfaceImplementations.IsEmpty: true }
            && compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication
            && method.DeclaredAccessibility != Accessibility.Private
            && !ImplementsAnInterface(method);

    private static bool ImplementsAnInterface(IMethodSymbol method)
    {
        foreach (var contract in method.ContainingType.AllInterfaces)
        {
            foreach (var member in contract.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(member), method))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Where the calls can be: null when the method's callers are not all in the source it can search.</summary>
    private static IEnumerable<SyntaxNode>? SearchScopes(IMethodSymbol method, SyntaxNode declaration, bool throughAnyReceiver, ValueSources sources, System.Threading.CancellationToken cancellationToken)
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
            // Only its class's code calls it: every part of a partial class (ServiceStack.Alarms.cs), and its nested types.
            return method.ContainingType.DeclaringSyntaxReferences.Select(part => part.GetSyntax(cancellationToken));
        }

        return method.IsStatic || throughAnyReceiver ? sources.Compilation.SyntaxTrees.Select(tree => tree.GetRoot(cancellationToken)) : null;
    }
}
