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

    /// <summary>A family declared through a constant of another class is one a literal can drift from.</summary>
    [Fact]
    public Task NearMissOfAFamilyDeclaredThroughAConstantOfAnotherClass_Triggers()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public static class Families
            {
                public const string Billing = "isol8-prod-billing";
            }

            public class BillingStack : Stack
            {
                public BillingStack(Construct scope, string id) : base(scope, id)
                {
                    new FargateTaskDefinition(this, "Billing", new FargateTaskDefinitionProps { Family = Families.Billing });
                    var environment = new Dictionary<string, string> { ["BILLING_TASK_DEFINITION"] = {|#0:"isol8-prod-biling"|} };
                }
            }
            """,
            Expected(0, "isol8-prod-biling", "isol8-prod-billing"));

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

    /// <summary>
    /// A literal that differs from a declared family only in its numbers names a sibling on purpose (another version,
    /// shard or index), not a typo: silent, against a constant and a template alike. A letter changed beside the
    /// number, or a number added where the family has none, is still a near miss.
    /// </summary>
    [Fact]
    public Task NumberedSiblingsOfADeclaredFamily_DoNotTrigger_OtherEditsBesideANumberDo()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public class ReportStack : Stack
            {
                public ReportStack(Construct scope, string id, string environment) : base(scope, id)
                {
                    new FargateTaskDefinition(this, "Report", new FargateTaskDefinitionProps { Family = "report-v1" });
                    new FargateTaskDefinition(this, "Shard", new FargateTaskDefinitionProps { Family = $"ingest-{environment}-shard-03" });
                    new FargateTaskDefinition(this, "Batch", new FargateTaskDefinitionProps { Family = "nightly-batch" });
                    var siblings = new Dictionary<string, string>
                    {
                        ["REPORT_TASK_DEFINITION"] = "report-v2",
                        ["REPORT_NEXT_TASK_DEFINITION"] = "report-v10",
                        ["SHARD_TASK_DEFINITION"] = "ingest-prod-shard-12",
                    };
                    var drifted = new Dictionary<string, string>
                    {
                        ["REPORT_TASK_DEFINITION"] = {|#0:"report-w1"|},
                        ["SHARD_TASK_DEFINITION"] = {|#1:"ingest-prod-shrd-03"|},
                        ["BATCH_TASK_DEFINITION"] = {|#2:"nightly-batch2"|},
                    };
                }
            }
            """,
            Expected(0, "report-w1", "report-v1"),
            Expected(1, "ingest-prod-shrd-03", "ingest-{…}-shard-03"),
            Expected(2, "nightly-batch2", "nightly-batch"));

    /// <summary>
    /// The thresholds docs/rules/ICDK004.md states: 1 edit for literals up to 8 characters, 2 up to 24, 3 beyond.
    /// Each band at exactly its threshold (reported) and one edit beyond it (silent), at both ends of the band.
    /// </summary>
    public static TheoryData<string, string, bool> Thresholds => new()
    {
        // declared family, literal, reported
        { "abcdefgh", "abcdefg_", true },
        { "abcdefgh", "abcdef__", false },
        { "abcd", "abc_", true },
        { "abcd", "ab__", false },
        { "abcdefghi", "abcdefg__", true },
        { "abcdefghi", "abcdef___", false },
        { "abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstuv__", true },
        { "abcdefghijklmnopqrstuvwx", "abcdefghijklmnopqrstu___", false },
        { "abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstuv___", true },
        { "abcdefghijklmnopqrstuvwxy", "abcdefghijklmnopqrstu____", false },
        { "abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz0123456___", true },
        { "abcdefghijklmnopqrstuvwxyz0123456789", "abcdefghijklmnopqrstuvwxyz012345____", false },

        // Insertions and deletions count like substitutions; the band is the literal's length.
        { "abcdefgh", "abcdefg", true },
        { "abcdefgh", "abcdef", false },
        { "abcdefghij", "abcdefghijkl", true },
        { "abcdefghij", "abcdefghijklm", false },
    };

    [Theory]
    [MemberData(nameof(Thresholds))]
    public Task DistanceThresholds_PerLengthBand(string declared, string literal, bool reported)
        => Verify.VerifyAsync(
            CdkSources.Usings + """
            public class AppStack : Stack
            {
                public AppStack(Construct scope, string id) : base(scope, id)
                {
                    new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = "DECLARED" });
                    var environment = new Dictionary<string, string> { ["WORKER_TASK_DEFINITION"] = {|#0:"LITERAL"|} };
                }
            }
            """.Replace("DECLARED", declared, System.StringComparison.Ordinal).Replace("LITERAL", literal, System.StringComparison.Ordinal),
            reported ? new[] { Expected(0, literal, declared) } : System.Array.Empty<DiagnosticResult>());
}
