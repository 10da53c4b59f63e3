using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Constructs;

namespace IncidentApp;

/// <summary>Owns the OpenClaw task definition. Every image or size change registers a new revision.</summary>
public class ContainerStack : Stack
{
    public ContainerStack(Construct scope, string id, IStackProps? props = null)
        : base(scope, id, props)
    {
        OpenClawTaskDef = new FargateTaskDefinition(this, "OpenClawTaskDef", new FargateTaskDefinitionProps
        {
            Family = "isol8-prod-openclaw",
            Cpu = 512,
            MemoryLimitMiB = 1024,
        });
        OpenClawTaskDef.AddContainer("openclaw", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry("public.ecr.aws/docker/library/busybox:latest"),
        });
    }

    public FargateTaskDefinition OpenClawTaskDef { get; }
}
