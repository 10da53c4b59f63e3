using System.Collections.Immutable;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The names under which Amazon.CDK.Lib exposes a task definition, a function version, a layer version, a launch
/// template (or their L1 resources) or an API Gateway deployment: the types, and the members whose type or return type is one of them. A syntactic prefilter only
/// (the semantic model decides), so a name CDK adds later costs recall, never precision. Read off Amazon.CDK.Lib
/// 2.103.0; a test recomputes them from the assembly.
/// </summary>
internal static class KnownCdkNames
{
    public static readonly ImmutableArray<string> TypeNames = ImmutableArray.Create(
        "AwsCliLayer", "CfnLaunchTemplate", "CfnLayerVersion", "CfnTaskDefinition", "CfnVersion", "Deployment",
        "Ec2TaskDefinition", "EdgeFunction", "ExternalTaskDefinition", "FargateTaskDefinition", "IEc2TaskDefinition",
        "IExternalTaskDefinition", "IFargateTaskDefinition", "ILaunchTemplate", "ILayerVersion", "ITaskDefinition", "IVersion",
        "KubectlLayer", "LaunchTemplate", "LayerVersion", "NodeProxyAgentLayer", "TaskDefinition", "Version_");

    public static readonly ImmutableArray<string> MemberNames = ImmutableArray.Create(
        "AliasVersion", "AwscliLayer", "CurrentVersion", "Deployment", "FromEc2TaskDefinitionArn", "FromEc2TaskDefinitionAttributes",
        "FromExternalTaskDefinitionAttributes", "FromFargateTaskDefinitionArn", "FromFargateTaskDefinitionAttributes",
        "FromLaunchTemplateAttributes", "FromLayerVersionArn", "FromLayerVersionAttributes", "FromTaskDefinitionArn",
        "FromTaskDefinitionAttributes", "FromVersionArn", "FromVersionAttributes", "FunctionVersion", "KubectlLayer",
        "LambdaFunction", "LatestDeployment", "LatestVersion", "LaunchTemplate", "OnEventLayer", "TaskDefinition", "Version");

    /// <summary>
    /// The types of the catalogue's other entries (job definitions, state machine versions, SageMaker models and
    /// endpoint configurations) and their subclasses; launch templates and API Gateway deployments, also handed over, are above.
    /// </summary>
    public static readonly ImmutableArray<string> CatalogueTypeNames = ImmutableArray.Create(
        "CfnEndpointConfig", "CfnJobDefinition", "CfnModel", "CfnStateMachineVersion", "EcsJobDefinition",
        "EksJobDefinition", "IEksJobDefinition", "IJobDefinition", "MultiNodeJobDefinition");

    /// <summary>The members of Amazon.CDK.Lib whose type or return type is one of <see cref="CatalogueTypeNames"/>.</summary>
    public static readonly ImmutableArray<string> CatalogueMemberNames = ImmutableArray.Create(
        "FromEksJobDefinitionArn", "FromJobDefinitionArn");

    /// <summary>The task definition interfaces, where the concrete-only members are missing (ICDK002).</summary>
    public static readonly ImmutableArray<string> TaskDefinitionInterfaceNames = ImmutableArray.Create(
        "ITaskDefinition", "IFargateTaskDefinition", "IEc2TaskDefinition", "IExternalTaskDefinition");

    /// <summary>The members of Amazon.CDK.Lib whose type or return type is a task definition interface.</summary>
    public static readonly ImmutableArray<string> TaskDefinitionInterfaceMemberNames = ImmutableArray.Create(
        "FromEc2TaskDefinitionArn", "FromEc2TaskDefinitionAttributes", "FromExternalTaskDefinitionAttributes", "FromFargateTaskDefinitionArn",
        "FromFargateTaskDefinitionAttributes", "FromTaskDefinitionArn", "FromTaskDefinitionAttributes", "TaskDefinition");

    /// <summary>The members the concrete task definition classes have and <c>ITaskDefinition</c> lacks (ICDK002's prefilter).</summary>
    public static readonly ImmutableArray<string> ConcreteTaskDefinitionOnlyMemberNames = ImmutableArray.Create(
        "AddContainer", "AddExtension", "AddFirelensLogRouter", "AddInferenceAccelerator", "AddPlacementConstraint",
        "AddToExecutionRolePolicy", "AddToTaskRolePolicy", "AddVolume", "DefaultContainer", "EphemeralStorageGiB", "Family",
        "FindContainer", "FindPortMappingByName", "GrantRun", "InferenceAccelerators", "ObtainExecutionRole", "PidMode", "ReferencesSecretJsonField");

    /// <summary>The simple name of API Gateway's <c>Deployment</c>, a class CDK hands over (<c>StageProps.Deployment</c>).</summary>
    public const string ApiDeploymentTypeName = "Deployment";

    /// <summary>The namespace of all of Amazon.CDK.Lib's types.</summary>
    public const string CdkNamespace = "Amazon.CDK";

    /// <summary>The simple name of <c>Amazon.CDK.Stack</c>, the base the source's stack classes name.</summary>
    public const string StackTypeName = "Stack";

    /// <summary>The simple name of <c>Constructs.Construct</c>, the base the source's construct classes name.</summary>
    public const string ConstructTypeName = "Construct";

    /// <summary>The namespace of CDK's ECS constructs.</summary>
    public const string EcsNamespace = "Amazon.CDK.AWS.ECS";

    /// <summary>The concrete task definition classes (metadata names), where the members ICDK002 looks for live.</summary>
    public static readonly ImmutableArray<string> ConcreteTaskDefinitionTypes = ImmutableArray.Create(
        EcsNamespace + ".TaskDefinition", EcsNamespace + ".FargateTaskDefinition", EcsNamespace + ".Ec2TaskDefinition", EcsNamespace + ".ExternalTaskDefinition");

    /// <summary>The props types of task definitions end so (<c>FargateTaskDefinitionProps</c>): where a family is declared.</summary>
    public const string TaskDefinitionPropsSuffix = "TaskDefinitionProps";

    /// <summary>A task definition's family (props and construct).</summary>
    public const string Family = "Family";

    /// <summary>The interface of every Lambda function, a published version's and an alias's too.</summary>
    public const string FunctionInterface = "IFunction";

    /// <summary>An SSM parameter construct, whose <see cref="StringValue"/> reads its value back through the template.</summary>
    public const string StringParameter = "StringParameter";

    /// <summary>The volatile ARNs the fixes have a typed reader for.</summary>
    public const string TaskDefinitionArn = "TaskDefinitionArn";

    public const string FunctionArn = "FunctionArn";

    public const string EdgeArn = "EdgeArn";

    public const string LayerVersionArn = "LayerVersionArn";

    /// <summary><c>Stack.ExportValue</c>: a named export (ICDK005, ICDK007).</summary>
    public const string ExportValue = "ExportValue";

    /// <summary><c>CfnOutputProps.Value</c> and <c>CfnOutputProps.ExportName</c>: an output exported by name.</summary>
    public const string OutputValue = "Value";

    public const string ExportName = "ExportName";

    /// <summary><c>StringParameterProps.StringValue</c>: what an SSM parameter publishes.</summary>
    public const string StringValue = "StringValue";

    /// <summary><c>ContainerDefinition.AddEnvironment</c>: an environment entry set by a call, a family site.</summary>
    public const string AddEnvironment = "AddEnvironment";

    /// <summary>Grants (<c>GrantRun</c>, <c>GrantInvoke</c>) put the construct's ARN in the grantee's policy.</summary>
    public const string GrantPrefix = "Grant";

    /// <summary><c>IFunction.AddPermission(id, permission)</c>: a resource policy statement, created under <c>permission.Scope</c> when it is set.</summary>
    public const string AddPermission = "AddPermission";

    public const string PermissionScope = "Scope";

    /// <summary>A function's metrics (<c>Metric</c>, <c>MetricErrors</c>, …): a version's name the function and its number.</summary>
    public const string MetricPrefix = "Metric";

    /// <summary>The names of CDK interfaces looked up by symbol only when a type of that name is seen (each lookup loads a namespace).</summary>
    public const string GrantableTypeName = "IGrantable";

    public const string ConnectableTypeName = "IConnectable";

    public const string MetricTypeName = "IMetric";

    /// <summary><c>Metric.MetricName</c> and <c>Metric.Namespace</c>: plain strings, never a dimension's value.</summary>
    public const string MetricName = "MetricName";

    public const string MetricNamespace = "Namespace";

    /// <summary><c>Constructs.Node.DefaultChild</c>: the escape hatch from a construct to its own L1 resource.</summary>
    public const string DefaultChild = "DefaultChild";

    /// <summary><c>Node.AddMetadata</c>: the construct tree's metadata, written to the manifest, not a template.</summary>
    public const string AddMetadata = "AddMetadata";
}

