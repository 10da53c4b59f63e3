using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A launch template handed to another stack's auto scaling group: CDK renders its latest version number there, which
/// every change to the template data raises. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.LaunchTemplateHandedToAnotherStacksAutoScalingGroup_ImportsItsLatestVersionNumber</c>.
/// </summary>
public class LaunchTemplateHandOverTests
{
    private const string Usings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.AutoScaling;
        using Amazon.CDK.AWS.EC2;
        using Constructs;

        """;

    private const string NetworkStack = """
        public class NetworkStack : Stack
        {
            public NetworkStack(Construct scope, string id) : base(scope, id)
            {
                Vpc = new Vpc(this, "Vpc");
                Template = new LaunchTemplate(this, "Template", new LaunchTemplateProps { InstanceType = new InstanceType("t3.micro"), MachineImage = MachineImage.LatestAmazonLinux2() });
            }

            public Vpc Vpc { get; }

            public LaunchTemplate Template { get; }
        }
        """;

    private static DiagnosticResult Expected(int location, string member)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'NetworkStack'", "ComputeStack");

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                Usings + NetworkStack,
                Usings + """
                public class ComputeStack : Stack
                {
                    public ComputeStack(Construct scope, string id, NetworkStack network) : base(scope, id)
                    {
                        var own = new LaunchTemplate(this, "Own", new LaunchTemplateProps { InstanceType = new InstanceType("t3.micro") });
                        var imported = LaunchTemplate.FromLaunchTemplateAttributes(this, "Imported", new LaunchTemplateAttributes { LaunchTemplateId = "lt-0123456789abcdef0", VersionNumber = "3" });
                        BODY
                    }
                }
                """.Replace("BODY", body, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    [Fact]
    public Task HandedToAnAutoScalingGroupOfAnotherStack_Triggers()
        => VerifyAsync(
            """
            new AutoScalingGroup(this, "Asg", new AutoScalingGroupProps { Vpc = network.Vpc, LaunchTemplate = {|#0:network.Template|} });
                    new AutoScalingGroup(this, "Mixed", new AutoScalingGroupProps
                    {
                        Vpc = network.Vpc,
                        MixedInstancesPolicy = new MixedInstancesPolicy { LaunchTemplate = {|#1:network.Template|} },
                    });
            """,
            Expected(0, "Template"),
            Expected(1, "Template"));

    /// <summary>Its own template, an imported one, and another stack's read for its id (which does not change): silent.</summary>
    [Fact]
    public Task OwnImportedOrReadForItsId_DoesNotTrigger()
        => VerifyAsync(
            """
            new AutoScalingGroup(this, "Own", new AutoScalingGroupProps { Vpc = network.Vpc, LaunchTemplate = own });
                    new AutoScalingGroup(this, "Imported", new AutoScalingGroupProps { Vpc = network.Vpc, LaunchTemplate = imported });
                    new CfnOutput(this, "Id", new CfnOutputProps { Value = network.Template.LaunchTemplateId! });
            """);
}
