using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Constructs;

namespace IncidentApp;

public class ServiceStackProps : StackProps
{
    public ContainerStack Container { get; set; } = null!;
}

/// <summary>The backend that starts OpenClaw tasks: it is told which task definition to run.</summary>
public class ServiceStack : Stack
{
    public ServiceStack(Construct scope, string id, ServiceStackProps props)
        : base(scope, id, props)
    {
        var backend = new FargateTaskDefinition(this, "BackendTaskDef", new FargateTaskDefinitionProps
        {
            Cpu = 256,
            MemoryLimitMiB = 512,
        });
        backend.AddContainer("backend", new ContainerDefinitionOptions
        {
            Image = ContainerImage.FromRegistry("public.ecr.aws/docker/library/busybox:latest"),
            Environment = new Dictionary<string, string>
            {
                ["OPENCLAW_TASK_DEFINITION_ARN"] = props.Container.OpenClawTaskDef.TaskDefinitionArn,
                ["OPENCLAW_CONTAINER_NAME"] = "openclaw",
            },
        });
    }
}
