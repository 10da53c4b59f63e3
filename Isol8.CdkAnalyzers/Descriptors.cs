using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers;

/// <summary>Every diagnostic descriptor of the package, built by one factory so each gets its help link.</summary>
internal static class Descriptors
{
    private const string DeploymentCategory = "CdkDeployment";
    private const string UsageCategory = "CdkUsage";

    public static readonly DiagnosticDescriptor CrossStackVolatileReference = Create(
        DiagnosticIds.CrossStackVolatileReference,
        "A volatile value crosses a stack boundary",
        "'{0}' is owned by {1} but used in stack '{2}': CDK exports it from the owner and imports it here, and the owner's next change to it fails to deploy because the export is in use",
        DeploymentCategory,
        DiagnosticSeverity.Warning,
        "A value that changes whenever its resource changes (an ECS task definition ARN carries its revision, a Lambda version ARN its version number) is read by a stack that does not own it. "
        + "CDK turns the read into an Export in the owning stack and an Fn::ImportValue in the consuming one, and CloudFormation refuses to change an export that is in use: "
        + "every deploy of the owner is stuck until the reference is untangled by hand. Pass the value through an SSM parameter instead.");

    public static readonly DiagnosticDescriptor TaskDefinitionInterfaceMember = Create(
        DiagnosticIds.TaskDefinitionInterfaceMember,
        "Member exists only on the concrete task definition classes",
        "'{0}' is not a member of '{1}'; only the concrete task definition classes have it ({2})",
        UsageCategory,
        DiagnosticSeverity.Error,
        "ITaskDefinition and its sub-interfaces expose the ARN, the roles and the compatibility of a task definition, but not Family, DefaultContainer, AddContainer, FindContainer, GrantRun and the other members of the concrete TaskDefinition classes. "
        + "Code ported from TypeScript, or written as a quick fix to ICDK001, often reaches for them: C# stops with CS1061. Use the family declared where the task definition is created, or declare the member with its concrete type.");

    private static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        params string[] customTags)
        => new(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            description: description,
            helpLinkUri: HelpLinks.ForRule(id),
            customTags: customTags);
}
