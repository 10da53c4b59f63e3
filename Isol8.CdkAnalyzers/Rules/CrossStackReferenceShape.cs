namespace Isol8.CdkAnalyzers.Rules;

/// <summary>The forms of ICDK001, passed to the code fixes as a diagnostic property.</summary>
public enum CrossStackReferenceShape
{
    /// <summary><c>props.Container.TaskDef.TaskDefinitionArn</c>: a volatile member read.</summary>
    VolatileMemberRead,

    /// <summary><c>TaskDefinition = props.Container.TaskDef</c>: a volatile construct handed to a construct, props object or call.</summary>
    VolatileConstructHandOver,

    /// <summary>
    /// <c>props.TaskDef.GrantRun(role)</c>: a grant on a volatile construct to a grantee of another stack; also a
    /// version's permission created under another stack's scope (<c>AddPermission(id, new Permission { Scope = this })</c>).
    /// </summary>
    GrantOnVolatileConstruct,

    /// <summary><c>containers.ApiArn</c>: a string member of the owning stack that relays a volatile member read.</summary>
    RelayedVolatileRead,

    /// <summary><c>Environment = jobs.SharedEnvironment</c>: a collection of strings the owning stack fills with volatile member reads.</summary>
    RelayedVolatileCollection,

    /// <summary><c>Metric = functions.Current.MetricErrors()</c>: a metric of a volatile construct (its dimensions name a Lambda version) used in another stack.</summary>
    MetricOfVolatileConstruct,
}
