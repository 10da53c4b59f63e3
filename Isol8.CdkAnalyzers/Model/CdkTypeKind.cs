using System;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>What CDK makes of a type: the roles the ownership model cares about.</summary>
[Flags]
internal enum CdkTypeKind
{
    None = 0,

    /// <summary>Implements <c>Constructs.IConstruct</c>: it lives in the construct tree under a scope.</summary>
    Construct = 1 << 0,

    /// <summary>Is or derives from <c>Amazon.CDK.Stack</c>.</summary>
    Stack = 1 << 1,

    /// <summary>Derives from <c>Amazon.CDK.NestedStack</c>: part of its parent stack.</summary>
    NestedStack = 1 << 2,

    /// <summary>Implements <c>ITaskDefinition</c>.</summary>
    TaskDefinition = 1 << 3,

    /// <summary>Derives from the concrete <c>TaskDefinition</c> class, which has <c>Family</c>.</summary>
    ConcreteTaskDefinition = 1 << 4,

    /// <summary>Implements <c>IVersion</c>: a published Lambda version.</summary>
    FunctionVersion = 1 << 5,

    /// <summary>Implements <c>ILayerVersion</c>.</summary>
    LayerVersion = 1 << 6,

    /// <summary>
    /// Implements <c>ILaunchTemplate</c>: an auto scaling group given one renders its latest version number, which a
    /// change to the template data raises.
    /// </summary>
    LaunchTemplate = 1 << 7,

    /// <summary>
    /// Is or derives from API Gateway's <c>Deployment</c>: a stage given one renders its id, a new deployment (with a
    /// new logical id) whenever the API changes.
    /// </summary>
    ApiDeployment = 1 << 8,

    /// <summary>A construct whose identity CDK renders as a volatile value (an ARN, a version number, an id) when another construct refers to it.</summary>
    VolatileConstruct = TaskDefinition | FunctionVersion | LayerVersion | LaunchTemplate | ApiDeployment,
}
