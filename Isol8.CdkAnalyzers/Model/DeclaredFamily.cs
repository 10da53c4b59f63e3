using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>A task definition family set in the compilation: <c>new FargateTaskDefinitionProps { Family = … }</c>.</summary>
internal sealed class DeclaredFamily
{
    public DeclaredFamily(FamilyPattern pattern, ExpressionSyntax declaration)
    {
        Pattern = pattern;
        Declaration = declaration;
    }

    public FamilyPattern Pattern { get; }

    /// <summary>The expression the props set <c>Family</c> to.</summary>
    public ExpressionSyntax Declaration { get; }
}
