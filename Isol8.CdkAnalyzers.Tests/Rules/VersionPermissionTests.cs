using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A version's permission given a <c>Scope</c> of another stack (<c>AddPermission(id, new Permission { …, Scope = this })</c>,
/// the way CDK's own targets avoid a cycle): CDK creates it under that scope, naming the version's ARN there. The
/// synthesized proof is <c>CrossStackVolatileReferenceSynthesisTests.VersionPermissionScopedToAnotherStack_ImportsTheVersion_AndIsReported</c>.
/// </summary>
public class VersionPermissionTests
{
    private const string Usings = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.IAM;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    private const string FunctionsStack = """
        public class FunctionsStack : Stack
        {
            public FunctionsStack(Construct scope, string id) : base(scope, id)
            {
                Handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                Held = Handler.CurrentVersion;
                Plain = Handler;
            }

            public Function Handler { get; }

            public IVersion Current => Handler.CurrentVersion;

            public IFunction Held { get; }

            public IFunction Plain { get; }
        }
        """;

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                Usings + FunctionsStack,
                Usings + """
                public class WiringStack : Stack
                {
                    public WiringStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                    {
                        BODY
                    }
                }
                """.Replace("BODY", body, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    private static DiagnosticResult Expected(int location, string member)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'FunctionsStack'", "WiringStack");

    [Fact]
    public Task PermissionOfAnotherStacksVersionScopedToThisStack_Triggers()
        => VerifyAsync(
            """
            {|#0:functions.Current|}.AddPermission("Sns", new Permission { Principal = new ServicePrincipal("sns.amazonaws.com"), Scope = this });
                    var bucket = new Amazon.CDK.AWS.S3.Bucket(this, "Uploads");
                    {|#1:functions.Held|}.AddPermission("S3", new Permission { Principal = new ServicePrincipal("s3.amazonaws.com"), SourceArn = bucket.BucketArn, Scope = bucket });
            """,
            Expected(0, "Current"),
            Expected(1, "Held"));

    /// <summary>Without a scope (created under the version), scoped to the version's own stack, or on the function: nothing volatile is imported here.</summary>
    [Fact]
    public Task PermissionCreatedInTheVersionsStackOrOnTheFunction_DoesNotTrigger()
        => VerifyAsync("""
            functions.Current.AddPermission("Sqs", new Permission { Principal = new ServicePrincipal("sqs.amazonaws.com") });
                    functions.Current.AddPermission("Owner", new Permission { Principal = new ServicePrincipal("sns.amazonaws.com"), Scope = functions });
                    functions.Handler.AddPermission("Function", new Permission { Principal = new ServicePrincipal("sns.amazonaws.com"), Scope = this });
                    functions.Plain.AddPermission("Plain", new Permission { Principal = new ServicePrincipal("sns.amazonaws.com"), Scope = this });
            """);
}
