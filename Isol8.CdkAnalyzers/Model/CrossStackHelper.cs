using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The <c>CrossStackParameters</c> helper the SSM fixes add to a project. It takes the owner and its value to
/// publish them in the owner's stack: what it is handed is the way out of the trap, not the trap.
/// </summary>
internal static class CrossStackHelper
{
    public const string TypeName = "CrossStackParameters";

    /// <summary>
    /// The helper's transitional switch: with it, the owner's stack keeps the export CDK made for the old cross-stack
    /// reference until the consumers deployed before the fix have moved (ICDK007 reports it).
    /// </summary>
    public const string KeepOldExportParameter = "keepOldExport";

    /// <summary>The helper method that stands for a family while keeping the old export of the ARN.</summary>
    public const string TaskDefinitionFamilyMethod = "TaskDefinitionFamily";

    /// <summary>Publishes any attribute (a name for it and its value) and reads it in the consumer's stack.</summary>
    public const string ReadMethod = "Read";

    /// <summary>The typed readers, one per volatile ARN; each is named after the member it replaces.</summary>
    public const string TaskDefinitionArnMethod = KnownCdkNames.TaskDefinitionArn;

    public const string FunctionArnMethod = KnownCdkNames.FunctionArn;

    public const string EdgeArnMethod = KnownCdkNames.EdgeArn;

    public const string LayerVersionArnMethod = KnownCdkNames.LayerVersionArn;

    /// <summary>The importers: a reference for the consumer's constructs, built from the published value.</summary>
    public const string ImportTaskDefinitionMethod = "ImportTaskDefinition";

    public const string ImportVersionMethod = "ImportVersion";

    public const string ImportLayerVersionMethod = "ImportLayerVersion";

    /// <summary>Every method the fixes call, for the test that holds them to the helper's template.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<string> MethodNames = System.Collections.Immutable.ImmutableArray.Create(
        TaskDefinitionFamilyMethod, ReadMethod, TaskDefinitionArnMethod, FunctionArnMethod, EdgeArnMethod, LayerVersionArnMethod,
        ImportTaskDefinitionMethod, ImportVersionMethod, ImportLayerVersionMethod);

    /// <summary>Is <paramref name="type"/> the project's own <c>CrossStackParameters</c> helper?</summary>
    public static bool IsHelper(ITypeSymbol? type)
        => type is INamedTypeSymbol { IsStatic: true, Name: TypeName } named && named.Locations.Length > 0 && named.Locations[0].IsInSource;

    /// <summary>Is <paramref name="expression"/> an argument of a call into the project's own <c>CrossStackParameters</c>?</summary>
    public static bool IsArgumentOfHelper(ExpressionSyntax expression, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (expression.Parent is not ArgumentSyntax { Parent.Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var helper } } }
            || CdkSyntax.TrailingName(helper) != TypeName)
        {
            return false;
        }

        return IsHelper(semanticModel.GetSymbolInfo(helper, cancellationToken).Symbol as INamedTypeSymbol);
    }
}
