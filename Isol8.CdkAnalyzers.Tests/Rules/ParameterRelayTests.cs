using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// An SSM parameter that its stack creates with its own task definition's ARN, read by another stack through the
/// construct (<c>compute.WorkerArn.StringValue</c>) rather than by name: CDK exports the parameter's <c>Fn::GetAtt
/// Value</c>, which changes with the ARN. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.ParameterValueReadThroughTheConstruct_IsImportedAndChangesWithTheArn</c>.
/// </summary>
public class ParameterRelayTests
{
    private const string Usings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Amazon.CDK.AWS.SSM;
        using Constructs;

        """;

    private const string ComputeStack = """
        public class ComputeStack : Stack
        {
            public ComputeStack(Construct scope, string id) : base(scope, id)
            {
                Worker = new FargateTaskDefinition(this, "Worker");
                WorkerArn = new StringParameter(this, "WorkerArn", new StringParameterProps { ParameterName = "/acme/worker-arn", StringValue = Worker.TaskDefinitionArn });
                var local = new StringParameter(this, "Local", new StringParameterProps { StringValue = Worker.TaskDefinitionArn });
                ViaLocal = local;
                Constant = new StringParameter(this, "Constant", new StringParameterProps { StringValue = "constant" });
                new CfnOutput(this, "Own", new CfnOutputProps { Value = WorkerArn.StringValue });
            }

            public FargateTaskDefinition Worker { get; }

            public StringParameter WorkerArn { get; }

            public StringParameter ViaLocal { get; }

            public StringParameter Constant { get; }
        }
        """;

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                Usings + ComputeStack,
                Usings + CdkSources.ConsumerStack("ServiceStack", "ComputeStack compute", body),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    private static DiagnosticResult Expected(int location, string member = "StringValue")
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'ComputeStack'", "ServiceStack");

    [Fact]
    public Task ValueOfAParameterHoldingTheOwnersArn_Triggers()
        => VerifyAsync(
            """
            Out("Value", {|#0:compute.WorkerArn.StringValue|});
                    Out("ViaLocal", {|#1:compute.ViaLocal.StringValue|});
            """,
            Expected(0),
            Expected(1));

    /// <summary>
    /// A parameter holding a constant, the parameter's name, a read by name, and the consumer's own parameter holding
    /// another stack's ARN (reported once, at the ARN it is given).
    /// </summary>
    [Fact]
    public Task ConstantsNamesAndTheConsumersOwnParameter_DoNotTriggerAgain()
        => VerifyAsync(
            """
            Out("Constant", compute.Constant.StringValue);
                    Out("Name", compute.WorkerArn.ParameterName);
                    Out("ByName", StringParameter.ValueForStringParameter(this, "/acme/worker-arn"));
                    var mine = new StringParameter(this, "Mine", new StringParameterProps { StringValue = {|#0:compute.Worker.TaskDefinitionArn|} });
                    Out("Mine", mine.StringValue);
            """,
            Expected(0, "TaskDefinitionArn"));

    /// <summary>The fix publishes the parameter's value under the construct's path and reads it back by name.</summary>
    [Fact]
    public async Task ValueOfAParameterHoldingTheOwnersArn_IsReadThroughTheHelper()
    {
        const string Source = """
            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Value", new CfnOutputProps { Value = VALUE });
                }
            }
            """;
        var test = HelperFixTest.Create(
            Usings + "namespace Isol8.Infra;\n\n" + ComputeStack,
            Usings + Source.Replace("VALUE", "{|ICDK001:compute.WorkerArn.StringValue|}", System.StringComparison.Ordinal),
            Usings + Source.Replace("VALUE", "CrossStackParameters.Read(this, compute.WorkerArn, \"StringValue\", compute.WorkerArn.StringValue, keepOldExport: true)", System.StringComparison.Ordinal),
            "Amazon.CDK.AWS.ECS",
            "Amazon.CDK.AWS.SSM");

        // Amazon.CDK.AWS.SSM has a CfnParameter of its own: with it imported, the helper's stays qualified.
        var (name, content) = test.FixedState.Sources[1];
        test.FixedState.Sources[1] = (name, Microsoft.CodeAnalysis.Text.SourceText.From(content.ToString().Replace(" CfnParameter", " Amazon.CDK.CfnParameter", System.StringComparison.Ordinal)));
        await test.RunAsync();
    }
}
