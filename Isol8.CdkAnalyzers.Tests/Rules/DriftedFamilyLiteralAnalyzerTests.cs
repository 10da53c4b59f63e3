using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.DriftedFamilyLiteralAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class DriftedFamilyLiteralAnalyzerTests
{
    private const string Stacks = """
        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id, string environment) : base(scope, id)
            {
                new FargateTaskDefinition(this, "OpenClaw", new FargateTaskDefinitionProps { Family = "isol8-prod-openclaw" });
                new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = $"isol8-{environment}-worker" });
            }
        }

        """;

    private static DiagnosticResult Expected(int location, string literal, string declared)
        => new DiagnosticResult(DiagnosticIds.DriftedFamilyLiteral, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(literal, declared);

    [Fact]
    public Task NearMissOfAConstantAndOfATemplate_Trigger()
        => Verify.VerifyAsync(CdkSources.Usings + Stacks + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["OPENCLAW_TASK_DEFINITION"] = {|#0:"isol8-prod-openclow"|},
                        ["WORKER_TASK_DEF"] = {|#1:"isol8-staging-wroker"|},
                    };
                }
            }
            """,
            Expected(0, "isol8-prod-openclow", "isol8-prod-openclaw"),
            Expected(1, "isol8-staging-wroker", "isol8-{…}-worker"));

    [Fact]
    public Task ExactMatchesFarLiteralsAndOtherKeys_DoNotTrigger()
        => Verify.VerifyAsync(CdkSources.Usings + Stacks + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["OPENCLAW_TASK_DEFINITION"] = "isol8-prod-openclaw",
                        ["WORKER_TASK_DEF"] = "isol8-staging-worker",
                        ["PARTNER_TASK_DEFINITION"] = "partner-billing-runner",
                        ["OPENCLAW_IMAGE"] = "isol8-prod-openclow",
                        ["OPENCLAW_FAMILY"] = "isol8-prod-openclow",
                    };
                }
            }
            """);
}
