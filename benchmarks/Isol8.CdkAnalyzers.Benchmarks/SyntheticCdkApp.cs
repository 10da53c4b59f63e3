using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Isol8.CdkAnalyzers.Benchmarks;

/// <summary>
/// Writes a synthetic C# CDK app of a given size: per module a container stack (task definitions, a function and its
/// version, a role) and a service stack (a cluster, a service, environment maps, locals, props from the container
/// stack), wired by a program. Every fourth module reads its own task definition ARNs; every fiftieth service stack
/// makes two real cross-stack references (a few in all); the rest read stable values. Deterministic for a given size.
/// </summary>
public static class SyntheticCdkApp
{
    public const string Usings = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.IAM;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    /// <summary>One file per module plus the program: <paramref name="stacks"/> stacks in all (two per module).</summary>
    public static IReadOnlyList<string> Files(int stacks)
    {
        var modules = (stacks + 1) / 2;
        var files = new List<string>(modules + 1);
        for (var i = 0; i < modules; i++)
        {
            files.Add(Module(i));
        }

        files.Add(Program(modules));
        return files;
    }

    /// <summary>A project of the same size and shape that does not use CDK.</summary>
    public static IReadOnlyList<string> FilesWithoutCdk(int stacks)
    {
        var files = new List<string>();
        for (var i = 0; i < (stacks + 1) / 2; i++)
        {
            files.Add($$"""
                using System.Collections.Generic;

                namespace Plain.App;

                public sealed class Settings{{i}}
                {
                    public string TaskDefinitionArn { get; set; } = "arn:{{i}}";
                    public string Family { get; set; } = "family-{{i}}";
                }

                public sealed class Service{{i}}
                {
                    private readonly Settings{{i}} _settings;

                    public Service{{i}}(Settings{{i}} settings) => _settings = settings;

                    public Dictionary<string, string> Environment() => new()
                    {
                        ["TASK_DEFINITION_ARN"] = _settings.TaskDefinitionArn,
                        ["TASK_DEFINITION"] = _settings.Family,
                    };

                    public int Count(IEnumerable<string> values)
                    {
                        var count = 0;
                        foreach (var value in values)
                        {
                            count += value?.Length ?? 0;
                        }

                        return count;
                    }
                }
                """);
        }

        return files;
    }

    private static string Module(int i)
    {
        var crossStack = i % 50 == 0;
        var readsOwnArn = i % 4 == 0;
        var text = new StringBuilder(Usings);
        text.Append(CultureInfo.InvariantCulture, $$"""
            namespace Synthetic.App.Module{{i}};

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id, string environment) : base(scope, id)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = $"isol8-{environment}-svc{{i}}", Cpu = 256, MemoryLimitMiB = 512 });
                    TaskDef.AddContainer("app", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), Environment = new Dictionary<string, string> { ["MODULE"] = "{{i}}" } });
                    Worker = new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = "isol8-worker-{{i}}" });
                    Handler = new Function(this, "Handler", new FunctionProps
                    {
                        Runtime = Runtime.NODEJS_18_X,
                        Handler = "index.handler",
                        Code = Code.FromInline("exports.handler = async () => {};"),
                        Environment = new Dictionary<string, string> { ["WORKER_FAMILY"] = Worker.Family },
                    });
                    Version = Handler.CurrentVersion;
                    Role = new Role(this, "Runner", new RoleProps { AssumedBy = new ServicePrincipal("ecs-tasks.amazonaws.com") });
                    TaskDef.GrantRun(Role);
                    {{(readsOwnArn ? "new CfnOutput(this, \"TaskDefArn\", new CfnOutputProps { Value = TaskDef.TaskDefinitionArn });" : "new CfnOutput(this, \"TaskDefFamily\", new CfnOutputProps { Value = TaskDef.Family });")}}
                }

                public FargateTaskDefinition TaskDef { get; }

                public FargateTaskDefinition Worker { get; }

                public Function Handler { get; }

                public IVersion Version { get; }

                public Role Role { get; }
            }

            public class ServiceStackProps : StackProps
            {
                public ContainerStack Container { get; set; } = null!;

                public string Environment { get; set; } = "prod";
            }

            public class ServiceStack : Stack
            {
                private readonly ContainerStack _container;

                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    _container = props.Container;
                    var cluster = new Cluster(this, "Cluster");
                    var local = new FargateTaskDefinition(this, "Local", new FargateTaskDefinitionProps { Cpu = 512, MemoryLimitMiB = 1024 });
                    var environment = new Dictionary<string, string>
                    {
                        ["ENVIRONMENT"] = props.Environment,
                        ["WORKER_FAMILY"] = _container.Worker.Family,
                        ["HANDLER_ARN"] = _container.Handler.FunctionArn,
                        ["RUNNER_ROLE_ARN"] = _container.Role.RoleArn,
                        ["LOCAL_TASK_DEFINITION_ARN"] = {{(readsOwnArn ? "local.TaskDefinitionArn" : "\"none\"")}},
            """);
        if (crossStack)
        {
            text.Append("""

                        ["OPENCLAW_TASK_DEFINITION_ARN"] = props.Container.TaskDef.TaskDefinitionArn,
                        ["HANDLER_VERSION_ARN"] = _container.Version.FunctionArn,
            """);
        }

        text.Append(CultureInfo.InvariantCulture, $$"""

                    };
                    local.AddContainer("app", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx"), Environment = environment });
                    var service = new FargateService(this, "Service", new FargateServiceProps { Cluster = cluster, TaskDefinition = local, DesiredCount = 2 });
                    var names = new List<string>();
                    for (var n = 0; n < 3; n++)
                    {
                        names.Add(service.ServiceName + n);
                    }

                    var family = _container.TaskDef.Family;
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = family });
                    new CfnOutput(this, "Names", new CfnOutputProps { Value = string.Join(",", names) });
                }

                public string Describe(string prefix) => prefix + ":" + _container.Worker.Family + ":{{i}}";
            }

            """);
        return text.ToString();
    }

    private static string Program(int modules)
    {
        var text = new StringBuilder(Usings);
        text.Append("""
            namespace Synthetic.App;

            public static class Wiring
            {
                public static void Build(Amazon.CDK.App app)
                {

            """);
        for (var i = 0; i < modules; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $$"""
                        var container{{i}} = new Module{{i}}.ContainerStack(app, "Container{{i}}", "prod");
                        new Module{{i}}.ServiceStack(app, "Service{{i}}", new Module{{i}}.ServiceStackProps { Container = container{{i}} });

                """);
        }

        text.Append("""
                }
            }

            """);
        return text.ToString();
    }
}
