namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>Pieces of CDK apps that many tests share.</summary>
internal static class CdkSources
{
    public const string Usings = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    /// <summary>A stack that owns a Fargate task definition with a constant family.</summary>
    public const string ContainerStack = """
        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id, IStackProps? props = null) : base(scope, id, props)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
            }

            public FargateTaskDefinition TaskDef { get; }
        }

        """;

    /// <summary>A stack that owns a Lambda function, its current version and a layer.</summary>
    public const string FunctionStack = """
        public class FunctionStack : Stack
        {
            public FunctionStack(Construct scope, string id) : base(scope, id)
            {
                Layer = new LayerVersion(this, "Layer", new LayerVersionProps { Code = Code.FromInline("x") });
                Handler = new Function(this, "Handler", new FunctionProps
                {
                    Runtime = Runtime.NODEJS_18_X,
                    Handler = "index.handler",
                    Code = Code.FromInline("exports.handler = async () => {};"),
                });
            }

            public Function Handler { get; }

            public LayerVersion Layer { get; }
        }

        """;

    /// <summary>A stack that synthesizes a Fargate task definition with a container and the constant family <c>isol8-openclaw</c>.</summary>
    public const string SynthesizableContainerStack = """
        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                TaskDef.AddContainer("App", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
            }

            public FargateTaskDefinition TaskDef { get; }
        }

        """;

    /// <summary>
    /// An app of <see cref="SynthesizableContainerStack"/> and a <c>ServiceStack</c> whose backend container gets
    /// <paramref name="value"/> (code that reads <c>container</c>) as <c>OPENCLAW_TASK_DEFINITION</c>.
    /// </summary>
    public static string ServiceApp(string value) => """
        public static class TestApp
        {
            public static void Build(App app)
            {
                var container = new ContainerStack(app, "Container");
                new ServiceStack(app, "Service", container);
            }
        }

        public class ServiceStack : Stack
        {
            public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
            {
                var backend = new FargateTaskDefinition(this, "Backend");
                backend.AddContainer("backend", new ContainerDefinitionOptions
                {
                    Image = ContainerImage.FromRegistry("nginx"),
                    Environment = new Dictionary<string, string> { ["OPENCLAW_TASK_DEFINITION"] = VALUE },
                });
            }
        }
        """.Replace("VALUE", value, System.StringComparison.Ordinal);
}
