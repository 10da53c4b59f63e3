using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// A method whose every return is a volatile read of what its call gives it (<c>public static string WorkerArn(this
/// CoreStack core) => core.Worker.TaskDefinitionArn;</c>): the receivers of those reads, which a call binds to its
/// arguments (<see cref="OwnershipResolver.ArgumentReadBy"/>). One per method and catalogue, so it keys a cache.
/// </summary>
internal sealed class GivenReads
{
    public GivenReads(IMethodSymbol method, ImmutableArray<ExpressionSyntax> receivers)
    {
        Method = method;
        Receivers = receivers;
    }

    public IMethodSymbol Method { get; }

    /// <summary>The receivers of the volatile reads the method returns (<c>core.Worker</c>), in its body.</summary>
    public ImmutableArray<ExpressionSyntax> Receivers { get; }
}
