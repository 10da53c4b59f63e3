using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// Another stack's version or launch template given where CDK does not render its ARN in the caller's template: as the
/// grantee of a grant (CDK reads only its principal, the role, and writes the policy in the role's stack), as the peer
/// of a security group rule (CDK reads only its security groups' ids), or as the function of an SNS
/// <c>LambdaSubscription</c> (CDK creates the subscription and its permission under the function). The synthesized
/// proof is <c>CrossStackVolatileReferenceSynthesisTests.VersionGivenAsAGranteePeerOrSubscriber_ImportsNoVersion_AndIsNotReported</c>.
/// </summary>
public class HandOverThatRendersNoArnHereTests
{
    private const string Usings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.EC2;
        using Amazon.CDK.AWS.IAM;
        using Amazon.CDK.AWS.Lambda;
        using Amazon.CDK.AWS.S3;
        using Amazon.CDK.AWS.SNS;
        using Amazon.CDK.AWS.SNS.Subscriptions;
        using Constructs;

        """;

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
    {
        var sources = new[]
        {
            Usings + CdkSources.GrantedFunctionsStack,
            Usings + """
            public class SharedStack : Stack
            {
                public SharedStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    var bucket = new Bucket(this, "Data");
                    var topic = new Topic(this, "Topic");
                    var role = new Role(this, "Caller", new RoleProps { AssumedBy = new AccountRootPrincipal() });
                    var group = new SecurityGroup(this, "Group", new SecurityGroupProps { Vpc = functions.Vpc });
                    BODY
                }

                private static void Allow(IBucket bucket, IVersion version) => bucket.GrantRead(version);

                private static void Subscribe(ITopic topic, IVersion version) => topic.AddSubscription(new LambdaSubscription(version));
            }
            """.Replace("BODY", body, System.StringComparison.Ordinal),
        };
        if (expected.Length == 0)
        {
            SemanticReach.AssertMarkedExpressionsReachTheSemanticModel(sources);
        }

        return Verify.VerifyAsync(sources, withCdk: true, editorConfig: null, expected);
    }

    private static DiagnosticResult Expected(int location, string member)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'FunctionsStack'", "SharedStack");

    [Fact]
    public Task VersionOrLaunchTemplateGivenAsAGrantee_DoesNotTrigger()
        => VerifyAsync("""
            bucket.GrantRead(/*reach*/functions.Current);
                    bucket.GrantPut(/*reach*/functions.Handler.CurrentVersion);
                    topic.GrantPublish(/*reach*/functions.Template);
                    Grant.AddToPrincipal(new GrantOnPrincipalOptions { Grantee = /*reach*/functions.Current, Actions = new[] { "s3:GetObject" }, ResourceArns = new[] { bucket.BucketArn } });
                    Allow(bucket, /*reach*/functions.Current);
            """);

    [Fact]
    public Task LaunchTemplateOrVersionGivenAsThePeerOfASecurityGroupRule_DoesNotTrigger()
        => VerifyAsync("""
            group.Connections.AllowFrom(/*reach*/functions.Template, Port.Tcp(443));
                    group.Connections.AllowTo(/*reach*/functions.Template, Port.Tcp(8443));
                    group.Connections.AllowFrom(/*reach*/functions.Current, Port.Tcp(9000));
            """);

    [Fact]
    public Task VersionGivenToAnSnsLambdaSubscription_DoesNotTrigger()
        => VerifyAsync("""
            topic.AddSubscription(new LambdaSubscription(/*reach*/functions.Current));
                    topic.AddSubscription(new LambdaSubscription(/*reach*/functions.Handler.CurrentVersion, new LambdaSubscriptionProps { DeadLetterQueue = null }));
                    Subscribe(topic, /*reach*/functions.Current);
            """);

    /// <summary>The counterparts: a grant on the version (its ARN in the caller's role's policy) and an alias of it render the ARN here.</summary>
    [Fact]
    public Task GrantOnTheVersionOrAnAliasOfIt_Triggers()
        => VerifyAsync(
            """
            {|#0:functions.Current|}.GrantInvoke(role);
                    new Alias(this, "Canary", new AliasProps { AliasName = "canary", Version = {|#1:functions.Handler.CurrentVersion|} });
                    topic.AddSubscription(new LambdaSubscription(functions.Handler));
            """,
            Expected(0, "Current"),
            Expected(1, "CurrentVersion"));
}
