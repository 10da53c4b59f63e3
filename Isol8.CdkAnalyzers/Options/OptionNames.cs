namespace Isol8.CdkAnalyzers.Options;

/// <summary>The <c>.editorconfig</c> / <c>.globalconfig</c> keys the package reads.</summary>
public static class OptionNames
{
    /// <summary>Members to add to the catalogue of volatile members: <c>Namespace.Type.Member</c> or <c>P:Namespace.Type.Member</c>, comma-separated.</summary>
    public const string VolatileMembers = "isol8_cdk.volatile_members";

    /// <summary>Built-in volatile members to take out of the catalogue, in the same form.</summary>
    public const string IgnoredVolatileMembers = "isol8_cdk.ignored_volatile_members";

    /// <summary>Key and property name fragments that say a value identifies a task definition.</summary>
    public const string TaskDefinitionKeyPatterns = "isol8_cdk.task_definition_key_patterns";

    /// <summary>The prefix of the SSM parameter names the code fixes introduce.</summary>
    public const string SsmParameterPrefix = "isol8_cdk.ssm_parameter_prefix";
}
