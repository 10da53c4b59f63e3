using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Deployment;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>
/// An app written the way teams write them: constructs built by factory helpers in static classes, by a stack's
/// private methods, handed around in props. ICDK001 flags exactly the reads that synthesize to an import of a volatile
/// export, and its Fix All leaves an app that deploys.
/// </summary>
[Collection(SynthesisTestGroup.Name)]
public class FactoryBuiltAppSynthesisTests
{
    private const string App = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var platform = new PlatformStack(app, "Platform");
                new ApiStack(app, "Api", new ApiStackProps { Functions = platform.Functions, Platform = platform });
                new QuietStack(app, "Quiet", platform);
            }
        }

        public static class Lambdas
        {
            public static Function Backend(Construct scope, string id) => new Function(scope, id, new FunctionProps
            {
                Runtime = Runtime.NODEJS_18_X,
                Handler = "index.handler",
                Code = Code.FromInline("exports.handler = async () => {};"),
            });
        }

        public static class Images
        {
            public static ContainerImage Worker() => ContainerImage.FromRegistry("worker");
        }

        public class FunctionSet
        {
            public Function Handler { get; set; } = null!;
        }

        public class PlatformStack : Stack
        {
            public PlatformStack(Construct scope, string id) : base(scope, id)
            {
                Functions = new FunctionSet { Handler = Lambdas.Backend(this, "Handler") };
                Worker = NewTaskDef("Worker", "isol8-worker", 256);
            }

            public FunctionSet Functions { get; }

            public FargateTaskDefinition Worker { get; }

            private FargateTaskDefinition NewTaskDef(string id, string family, int cpu)
            {
                var taskDef = new FargateTaskDefinition(this, id, new FargateTaskDefinitionProps { Family = family, Cpu = cpu, MemoryLimitMiB = 512 });
                taskDef.AddContainer("App", new ContainerDefinitionOptions { Image = Images.Worker() });
                return taskDef;
            }
        }

        public class ApiStackProps : StackProps
        {
            public FunctionSet Functions { get; set; } = null!;

            public PlatformStack Platform { get; set; } = null!;
        }

        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id, ApiStackProps props) : base(scope, id, props)
            {
                var api = new FargateTaskDefinition(this, "Api");
                api.AddContainer("App", new ContainerDefinitionOptions
                {
                    Image = ContainerImage.FromRegistry("api"),
                    Environment = new Dictionary<string, string>
                    {
                        ["HANDLER_VERSION_ARN"] = props.Functions.Handler.CurrentVersion.FunctionArn,
                        ["WORKER_TASK_DEFINITION_ARN"] = props.Platform.Worker.TaskDefinitionArn,
                    },
                });
            }
        }

        public class QuietStack : Stack
        {
            public QuietStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
            {
                new CfnOutput(this, "HandlerName", new CfnOutputProps { Value = platform.Functions.Handler.FunctionName });
                new CfnOutput(this, "WorkerFamily", new CfnOutputProps { Value = platform.Worker.Family });
            }
        }
        """;

    [Fact]
    public async Task FlaggedReads_AreTheVolatileImports_AndFixAllDeploys()
    {
        var compilation = TestCompilation.Create(App);
        var flagged = (await TestCompilation.AnalyzeAsync(compilation))
            .Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference)
            .Select(d => (Owner: d.Properties.GetValueOrDefault(CrossStackVolatileReferenceAnalyzer.OwnerStackProperty), Consumer: d.Properties[CrossStackVolatileReferenceAnalyzer.ConsumerStackProperty]))
            .ToList();
        var before = CdkSynthesizer.Synthesize(compilation);

        // The handler comes in through props (owned by "another stack"); the worker through the owner stack itself.
        Assert.Equal(new (string?, string?)[] { (null, "ApiStack"), ("PlatformStack", "ApiStack") }, flagged);
        Assert.Equal(new[] { "AWS::ECS::TaskDefinition", "AWS::Lambda::Version" }, before.ImportedResourceTypes("Api").Order());
        Assert.DoesNotContain(before.ImportedExports("Quiet"), before.IsVolatileExport);

        using var fixer = new WorkspaceFixer(App);
        await fixer.FixAllAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey);
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        await FixRollout.AssertDeploysAsync(before, fixer);
    }
}
