using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Deployment;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Synthesis;

/// <summary>
/// The catalogue beyond task definitions and Lambda versions: a Batch job definition, a launch template's version
/// number, an API Gateway deployment, a Step Functions state machine version, a SageMaker model and endpoint
/// configuration, each read by another stack. Each read is flagged and synthesizes to an import of an export of that
/// resource; the stable values next to them (the launch template's id, the API's id, the state machine's ARN) are
/// not flagged. The SSM fix leaves an app that deploys from the live state, after the owner's next change, and fresh.
/// </summary>
[Collection(SynthesisTestGroup.Name)]
public class WiderCatalogueSynthesisTests
{
    private const string App = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.APIGateway;
        using Amazon.CDK.AWS.Batch;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.StepFunctions;
        using SageMaker = Amazon.CDK.AWS.Sagemaker;
        using Constructs;

        public static class TestApp
        {
            public static void Build(App app)
            {
                var producer = new ProducerStack(app, "Producer");
                new ConsumerStack(app, "Consumer", producer);
            }
        }

        public class ProducerStack : Stack
        {
            public ProducerStack(Construct scope, string id) : base(scope, id)
            {
                Job = new EcsJobDefinition(this, "Job", new EcsJobDefinitionProps
                {
                    Container = new EcsFargateContainerDefinition(this, "JobContainer", new EcsFargateContainerDefinitionProps
                    {
                        Image = ContainerImage.FromRegistry("worker"),
                        Cpu = 1,
                        Memory = Size.Mebibytes(2048),
                    }),
                });
                Template = new LaunchTemplate(this, "Template", new LaunchTemplateProps { InstanceType = new InstanceType("t3.micro") });
                Api = new RestApi(this, "Api");
                Api.Root.AddMethod("GET", new MockIntegration());
                var machine = new CfnStateMachine(this, "Machine", new CfnStateMachineProps
                {
                    RoleArn = "arn:aws:iam::123456789012:role/machine",
                    DefinitionString = "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}",
                });
                MachineArn = machine.AttrArn;
                MachineVersion = new CfnStateMachineVersion(this, "MachineVersion", new CfnStateMachineVersionProps { StateMachineArn = machine.AttrArn });
                Model = new SageMaker.CfnModel(this, "Model", new SageMaker.CfnModelProps
                {
                    ExecutionRoleArn = "arn:aws:iam::123456789012:role/model",
                    PrimaryContainer = new SageMaker.CfnModel.ContainerDefinitionProperty { Image = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/model:1" },
                });
                EndpointConfig = new SageMaker.CfnEndpointConfig(this, "EndpointConfig", new SageMaker.CfnEndpointConfigProps
                {
                    ProductionVariants = new[]
                    {
                        new SageMaker.CfnEndpointConfig.ProductionVariantProperty { ModelName = Model.AttrModelName, VariantName = "main", InitialInstanceCount = 1, InstanceType = "ml.t2.medium", InitialVariantWeight = 1 },
                    },
                });
            }

            public EcsJobDefinition Job { get; }

            public LaunchTemplate Template { get; }

            public RestApi Api { get; }

            public string MachineArn { get; }

            public CfnStateMachineVersion MachineVersion { get; }

            public SageMaker.CfnModel Model { get; }

            public SageMaker.CfnEndpointConfig EndpointConfig { get; }
        }

        public class ConsumerStack : Stack
        {
            public ConsumerStack(Construct scope, string id, ProducerStack producer) : base(scope, id)
            {
                Out("Job", producer.Job.JobDefinitionArn);
                Out("TemplateVersion", producer.Template.LatestVersionNumber);
                Out("Deployment", producer.Api.LatestDeployment!.DeploymentId);
                Out("MachineVersion", producer.MachineVersion.AttrArn);
                Out("Model", producer.Model.Ref);
                Out("EndpointConfig", producer.EndpointConfig.Ref);

                Out("TemplateId", producer.Template.LaunchTemplateId!);
                Out("ApiId", producer.Api.RestApiId);
                Out("Machine", producer.MachineArn);
            }

            private void Out(string id, string value) => new CfnOutput(this, id, new CfnOutputProps { Value = value });
        }
        """;

    [Fact]
    public async Task EachNewEntry_IsFlagged_IsExported_AndTheSsmFixDeploys()
    {
        var compilation = TestCompilation.Create(App);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var flagged = (await TestCompilation.AnalyzeAsync(compilation))
            .Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference)
            .Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[1])
            .ToList();
        Assert.Equal(new[] { "JobDefinitionArn", "LatestVersionNumber", "DeploymentId", "AttrArn", "Ref", "Ref" }, flagged);

        var before = CdkSynthesizer.Synthesize(compilation);
        var imported = before.ImportedExports("Consumer").Select(export => (Type: before.ExportedResourceType(export), Value: before.ExportedValue(export))).ToList();
        Assert.Equal(
            new[] { "AWS::ApiGateway::Deployment", "AWS::ApiGateway::RestApi", "AWS::Batch::JobDefinition", "AWS::EC2::LaunchTemplate", "AWS::EC2::LaunchTemplate", "AWS::SageMaker::EndpointConfig", "AWS::SageMaker::Model", "AWS::StepFunctions::StateMachine", "AWS::StepFunctions::StateMachineVersion" },
            imported.Select(i => i.Type).Order());
        Assert.Contains(imported, i => i.Type == "AWS::EC2::LaunchTemplate" && i.Value!.Contains("LatestVersionNumber", System.StringComparison.Ordinal));

        using var fixer = new WorkspaceFixer(App);
        await fixer.FixAllAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey);
        Assert.Empty(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        await FixRollout.AssertDeploysAsync(before, fixer);
    }

    /// <summary>
    /// The evidence for Deployment.DeploymentId: CloudFormation updates a deployment in place, but CDK names it after a
    /// hash of the API, so a change to the API (a new method) gives the deployment a new logical id, and a new id.
    /// </summary>
    [Fact]
    public void ApiDeploymentLogicalId_ChangesWithTheApi()
    {
        const string Api = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.APIGateway;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var stack = new Stack(app, "Api");
                    var api = new RestApi(stack, "Api");
                    api.Root.AddMethod("GET", new MockIntegration());
                    METHOD
                }
            }
            """;
        var before = CdkSynthesizer.Synthesize(Api.Replace("METHOD", string.Empty, System.StringComparison.Ordinal));
        var after = CdkSynthesizer.Synthesize(Api.Replace("METHOD", "api.Root.AddMethod(\"POST\", new MockIntegration());", System.StringComparison.Ordinal));
        var deploymentBefore = Assert.Single(before.Resources("Api", "AWS::ApiGateway::Deployment").Keys);
        var deploymentAfter = Assert.Single(after.Resources("Api", "AWS::ApiGateway::Deployment").Keys);
        Assert.NotEqual(deploymentBefore, deploymentAfter);
    }

    /// <summary>
    /// An API Gateway deployment handed to another stack's stage (the API's latest deployment, or one the owner made) is
    /// imported as its id, which a change to the API replaces; so is one handed to the consumer's own construct that
    /// reads its id. ICDK001 reports those hand-overs and offers no fix (the helper has no import for a deployment); a
    /// construct that keeps only its path, and the owner's own stage, import nothing.
    /// </summary>
    [Fact]
    public async Task DeploymentHandedToAnotherStacksStage_ImportsItsId_AndGetsNoFix()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.APIGateway;
            using Constructs;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var api = new ApiStack(app, "Api");
                    new StageStack(app, "Stages", api);
                }
            }

            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id) : base(scope, id)
                {
                    Api = new RestApi(this, "Api");
                    Api.Root.AddMethod("GET", new MockIntegration());
                    Canary = new Deployment(this, "Canary", new DeploymentProps { Api = Api });
                    new Amazon.CDK.AWS.APIGateway.Stage(this, "Own", new Amazon.CDK.AWS.APIGateway.StageProps { Deployment = Canary, StageName = "own" });
                }

                public RestApi Api { get; }

                public Deployment Canary { get; }
            }

            public class StageStack : Stack
            {
                public StageStack(Construct scope, string id, ApiStack api) : base(scope, id)
                {
                    new Amazon.CDK.AWS.APIGateway.Stage(this, "Prod", new Amazon.CDK.AWS.APIGateway.StageProps { Deployment = api.Api.LatestDeployment!, StageName = "prod" });
                    new Amazon.CDK.AWS.APIGateway.Stage(this, "Canary", new Amazon.CDK.AWS.APIGateway.StageProps { Deployment = api.Canary, StageName = "canary" });
                    new DeploymentRecord(this, "Record", api.Canary);
                    new DeploymentPath(this, "Path", api.Canary);
                }
            }
            """ + CdkSources.DeploymentReaders;
        var compilation = TestCompilation.Create(Source);
        var diagnostics = await TestCompilation.AnalyzeAsync(compilation);
        var templates = CdkSynthesizer.Synthesize(compilation);

        Assert.Equal(
            new[] { "api.Api.LatestDeployment!", "api.Canary", "api.Canary" },
            diagnostics.Where(d => d.Id == DiagnosticIds.CrossStackVolatileReference).Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        var deployments = templates.ImportedExports("Stages").Where(export => templates.ExportedResourceType(export) == "AWS::ApiGateway::Deployment").Distinct().ToList();
        Assert.Equal(2, deployments.Count);
        Assert.All(deployments, export => Assert.True(templates.IsVolatileExport(export), export));
        Assert.Empty(templates.ImportedExports("Api"));

        using var fixer = new WorkspaceFixer(Source);
        Assert.Equal(0, await fixer.FixOneByOneAsync(new CrossStackVolatileReferenceFixer(), DiagnosticIds.CrossStackVolatileReference, CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey));
    }

    /// <summary>The evidence for LaunchTemplate.VersionNumber: CDK renders it as the template's LatestVersionNumber attribute.</summary>
    [Fact]
    public void LaunchTemplateVersionNumber_IsTheLatestVersionNumberAttribute()
    {
        var templates = CdkSynthesizer.Synthesize("""
            using Amazon.CDK;
            using Amazon.CDK.AWS.EC2;

            public static class TestApp
            {
                public static void Build(App app)
                {
                    var stack = new Stack(app, "Templates");
                    var template = new LaunchTemplate(stack, "Template", new LaunchTemplateProps { InstanceType = new InstanceType("t3.micro") });
                    new CfnOutput(stack, "Version", new CfnOutputProps { Value = template.VersionNumber });
                }
            }
            """);
        var value = templates.Template("Templates")["Outputs"]!["Version"]!["Value"]!;
        Assert.Equal("LatestVersionNumber", value["Fn::GetAtt"]![1]!.ToString());
        Assert.Equal("AWS::EC2::LaunchTemplate", templates.Template("Templates")["Resources"]![value["Fn::GetAtt"]![0]!.ToString()]!["Type"]!.ToString());
    }
}
