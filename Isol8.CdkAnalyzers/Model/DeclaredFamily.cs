using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>A task definition family set in the compilation: <c>new FargateTaskDefinitionProps { Family = … }</c>.</summary>
internal sealed class DeclaredFamily
{
    public DeclaredFamily(FamilyPattern pattern, ExpressionSyntax declaration, IFieldSymbol? constant)
    {
        Pattern = pattern;
        Declaration = declaration;
        Constant = constant;
    }

    public FamilyPattern Pattern { get; }

    /// <summary>The expression the props set <c>Family</c> to.</summary>
    public ExpressionSyntax Declaration { get; }

    /// <summary>The <c>const</c> field the declaration names, when it is one: a fix can refer to it.</summary>
    public IFieldSymbol? Constant { get; }
}
