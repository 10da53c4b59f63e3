using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers;

/// <summary>Every diagnostic descriptor of the package, built by one factory so each gets its help link.</summary>
internal static class Descriptors
{
    private const string DeploymentCategory = "CdkDeployment";
    private const string UsageCategory = "CdkUsage";
    private const string ConfigurationCategory = "Configuration";

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

    public static readonly DiagnosticDescriptor UnpinnedFamilyReference = Create(
        DiagnosticIds.UnpinnedFamilyReference,
        "A task definition is referenced by family, not pinned to a revision",
        "'{0}' identifies a task definition by its family '{1}', which resolves to the latest ACTIVE revision: a revision registered elsewhere in that family becomes the one that runs",
        DeploymentCategory,
        DiagnosticSeverity.Info,
        "RunTask and DescribeTaskDefinition resolve a family to its latest ACTIVE revision. When the backend registers revisions into the same family (a per-tenant resize with its own CPU, memory or image), "
        + "the latest one silently becomes the template for everyone. Pass the ARN of the revision this app deploys, through an SSM parameter when another stack owns it.");

    public static readonly DiagnosticDescriptor DriftedFamilyLiteral = Create(
        DiagnosticIds.DriftedFamilyLiteral,
        "A task definition family literal matches no declared family",
        "'{0}' matches no task definition family declared in this app but is close to '{1}': after a rename the service would run a family that does not exist, or an old one",
        DeploymentCategory,
        DiagnosticSeverity.Warning,
        "A literal used where a task definition is identified is a few edits away from a family this app declares. That is almost always drift from a rename. Use the declared family, or a reference to the constant that declares it.");

    public static readonly DiagnosticDescriptor VolatileExport = Create(
        DiagnosticIds.VolatileExport,
        "A volatile value is exported by hand",
        "'{0}' changes whenever its resource changes; exporting it blocks this stack's next change to it for as long as any stack, in this app or another, imports it",
        DeploymentCategory,
        DiagnosticSeverity.Warning,
        "Stack.ExportValue, or a CfnOutput with an ExportName, of a task definition ARN or a Lambda version ARN sets the ICDK001 trap for whoever imports it, possibly from another app this compilation cannot see: "
        + "CloudFormation refuses to update an export that is in use. Publish the value in an SSM parameter instead.");

    public static readonly DiagnosticDescriptor MalformedOption = Create(
        DiagnosticIds.MalformedOption,
        "An Isol8.CdkAnalyzers option is malformed",
        "The value '{1}' of option '{0}' is ignored: {2}",
        ConfigurationCategory,
        DiagnosticSeverity.Warning,
        "An option in .editorconfig or .globalconfig could not be read. The package ignores the malformed value and goes on with the rest.",
        WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor TransitionalExport = Create(
        DiagnosticIds.TransitionalExport,
        "An export is kept only for consumers deployed before a fix",
        "'{0}' keeps an old export alive for the consumers deployed before they moved off it; remove it once every consumer has deployed",
        DeploymentCategory,
        DiagnosticSeverity.Info,
        "A fix of this package moved a consumer off an export of a volatile value, and the owner keeps exporting it for one more deploy: CloudFormation refuses to delete an export that a deployed stack still imports. "
        + "After every consumer has deployed the fix (or, for a named export, every importer reads the SSM parameter), the export has no importer left and can be removed.");

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
