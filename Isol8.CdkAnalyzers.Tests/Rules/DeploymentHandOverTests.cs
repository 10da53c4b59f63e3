using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// An API Gateway deployment handed to another stack's stage: CDK renders its id there, and a change to the API makes a
/// new deployment. A scratch app's stage stack imported it unreported (only reads of <c>DeploymentId</c> were). The
/// synthesized proof is <c>WiderCatalogueSynthesisTests.DeploymentHandedToAnotherStacksStage_ImportsItsId_AndGetsNoFix</c>.
/// </summary>
public class DeploymentHandOverTests
{
    private const string ApiStack = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.APIGateway;
        using Constructs;

        public class ApiStack : Stack
        {
            public ApiStack(Construct scope, string id) : base(scope, id)
            {
                Api = new RestApi(this, "Api");
                Api.Root.AddMethod("GET", new MockIntegration());
                Canary = new Deployment(this, "Canary", new DeploymentProps { Api = Api });
                new Amazon.CDK.AWS.APIGateway.Stage(this, "Own", new Amazon.CDK.AWS.APIGateway.StageProps { Deployment = Canary });
            }

            public RestApi Api { get; }

            public Deployment Canary { get; }
        }
        """ + CdkSources.DeploymentReaders;

    private static DiagnosticResult Expected(int location, string member)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'ApiStack'", "StageStack");

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                ApiStack,
                """
                using Amazon.CDK;
                using Amazon.CDK.AWS.APIGateway;
                using Constructs;

                public class StageStack : Stack
                {
                    public StageStack(Construct scope, string id, ApiStack api) : base(scope, id)
                    {
                        BODY
                    }
                }
                """.Replace("BODY", body, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    [Fact]
    public Task HandedToAStageOrAConstructThatReadsItsIdInAnotherStack_Triggers()
        => VerifyAsync(
            """
            new Amazon.CDK.AWS.APIGateway.Stage(this, "Prod", new Amazon.CDK.AWS.APIGateway.StageProps { Deployment = {|#0:api.Api.LatestDeployment!|} });
                    new Amazon.CDK.AWS.APIGateway.Stage(this, "Canary", new Amazon.CDK.AWS.APIGateway.StageProps { Deployment = {|#1:api.Canary|} });
                    new DeploymentRecord(this, "Record", {|#2:api.Canary|});
            """,
            Expected(0, "LatestDeployment"),
            Expected(1, "Canary"),
            Expected(2, "Canary"));

    /// <summary>A construct that keeps only its path, a call on the owner's deployment, a read of the API's id: silent.</summary>
    [Fact]
    public Task KeptForItsPathCalledOnOrReadForTheApisId_DoesNotTrigger()
        => VerifyAsync(
            """
            new DeploymentPath(this, "Path", api.Canary);
                    api.Canary.AddToLogicalId("v2");
                    new CfnOutput(this, "ApiId", new CfnOutputProps { Value = api.Api.RestApiId });
            """);
}
