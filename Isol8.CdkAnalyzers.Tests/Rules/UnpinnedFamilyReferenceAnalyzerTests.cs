using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.UnpinnedFamilyReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class UnpinnedFamilyReferenceAnalyzerTests
{
    private const string Stacks = """
        public class ContainerStack : Stack
        {
            public const string OpenClawFamily = "isol8-prod-openclaw";

            public ContainerStack(Construct scope, string id, string environment) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = OpenClawFamily });
                Worker = new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = $"isol8-{environment}-worker" });
            }

            public FargateTaskDefinition TaskDef { get; }

            public FargateTaskDefinition Worker { get; }
        }

        public class BackendProps
        {
            public string OpenClawTaskDefinition { get; set; } = "";

            public string OpenClawTaskDefinitionFamily { get; set; } = "";
        }

        """;

    private static DiagnosticResult Expected(int location, string key, string family)
        => new DiagnosticResult(DiagnosticIds.UnpinnedFamilyReference, DiagnosticSeverity.Info).WithLocation(location).WithArguments(key, family);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(CdkSources.Usings + Stacks + source, expected);

    [Fact]
    public Task FamilyMemberLiteralAndConstant_InEnvironmentEntries_Trigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["OPENCLAW_TASK_DEFINITION"] = {|#0:container.TaskDef.Family|},
                    };
                    var more = new Dictionary<string, string>
                    {
                        { "WORKER_TASK_DEF", {|#1:"isol8-prod-worker"|} },
                    };
                    environment.Add("BACKUP_TASK_DEFINITION", {|#2:ContainerStack.OpenClawFamily|});
                    environment["CANARY_TASK_DEF"] = {|#3:"isol8-prod-openclaw"|};
                }
            }
            """,
            Expected(0, "OPENCLAW_TASK_DEFINITION", "container.TaskDef.Family"),
            Expected(1, "WORKER_TASK_DEF", "isol8-prod-worker"),
            Expected(2, "BACKUP_TASK_DEFINITION", "isol8-prod-openclaw"),
            Expected(3, "CANARY_TASK_DEF", "isol8-prod-openclaw"));

    [Fact]
    public Task StringPropertyNamedTaskDefinition_AndInterpolatedTemplate_Trigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, string environment) : base(scope, id)
                {
                    var props = new BackendProps { OpenClawTaskDefinition = {|#0:$"isol8-{environment}-worker"|} };
                    props.OpenClawTaskDefinition = {|#1:"isol8-prod-openclaw"|};
                }
            }
            """,
            Expected(0, "OpenClawTaskDefinition", "isol8-{…}-worker"),
            Expected(1, "OpenClawTaskDefinition", "isol8-prod-openclaw"));

    [Fact]
    public Task ContainerAddEnvironment_Triggers()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var backend = new FargateTaskDefinition(this, "Backend");
                    var app = backend.AddContainer("app", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry("nginx") });
                    app.AddEnvironment("OPENCLAW_TASK_DEF", {|#0:container.TaskDef.Family|});
                }
            }
            """,
            Expected(0, "OPENCLAW_TASK_DEF", "container.TaskDef.Family"));

    [Fact]
    public Task DeclarationTagsFamilyKeysArnsAndOtherFamilies_DoNotTrigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new FargateTaskDefinition(this, "Declared", new FargateTaskDefinitionProps { Family = "isol8-prod-openclaw" });
                    Amazon.CDK.Tags.Of(this).Add("TaskDefinition", "isol8-prod-openclaw");
                    var environment = new Dictionary<string, string>
                    {
                        ["OPENCLAW_TASK_DEFINITION_FAMILY"] = container.TaskDef.Family,
                        ["OPENCLAW_FAMILY"] = "isol8-prod-openclaw",
                        ["OPENCLAW_TASK_DEFINITION_ARN"] = "arn:aws:ecs:eu-west-1:123456789012:task-definition/isol8-prod-openclaw:4",
                        ["PARTNER_TASK_DEFINITION"] = "partner-billing-runner",
                        ["OPENCLAW_IMAGE"] = "isol8-prod-openclaw",
                    };
                    var props = new BackendProps { OpenClawTaskDefinitionFamily = container.TaskDef.Family };
                }
            }
            """);

    /// <summary>
    /// A family declared through a constant of the app's names class (<c>Family = Families.Billing</c>) is declared:
    /// the literal and the constant used elsewhere are references to it. A scratch app's were silent (the declarations
    /// are folded from the syntax, which knew only the declaring type's own constants). Two classes of one name that
    /// each declare the constant leave it unknown: silent.
    /// </summary>
    [Fact]
    public Task FamilyDeclaredThroughAConstantOfAnotherClass_IsDeclared()
        => VerifyAsync("""
            public static class Families
            {
                public const string Billing = "isol8-prod-billing";
            }

            namespace Other
            {
                public static class Names
                {
                    public const string Audit = "isol8-prod-audit";
                }
            }

            namespace Again
            {
                public static class Names
                {
                    public const string Audit = "isol8-staging-audit";
                }
            }

            public class BillingStack : Stack
            {
                public BillingStack(Construct scope, string id) : base(scope, id)
                {
                    new FargateTaskDefinition(this, "Billing", new FargateTaskDefinitionProps { Family = Families.Billing });
                    new FargateTaskDefinition(this, "Audit", new FargateTaskDefinitionProps { Family = Other.Names.Audit });
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["BILLING_TASK_DEFINITION"] = {|#0:"isol8-prod-billing"|},
                        ["LEGACY_TASK_DEFINITION"] = {|#1:Families.Billing|},
                        ["AUDIT_TASK_DEFINITION"] = "isol8-prod-audit",
                        ["STAGING_AUDIT_TASK_DEFINITION"] = "isol8-staging-audit",
                    };
                }
            }
            """,
            Expected(0, "BILLING_TASK_DEFINITION", "isol8-prod-billing"),
            Expected(1, "LEGACY_TASK_DEFINITION", "isol8-prod-billing"));

    /// <summary>A key given as a constant of another class is read from its value.</summary>
    [Fact]
    public Task KeyFromAConstantOfAnotherClass_Triggers()
        => VerifyAsync("""
            public static class Keys
            {
                public const string OpenClaw = "OPENCLAW_TASK_DEFINITION";
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var environment = new Dictionary<string, string> { [Keys.OpenClaw] = {|#0:container.TaskDef.Family|} };
                }
            }
            """,
            Expected(0, "OPENCLAW_TASK_DEFINITION", "container.TaskDef.Family"));

    /// <summary>
    /// Guards: a key that is not a constant says nothing; a key that starts with "family" names a family; a
    /// <c>Family</c> of something that is not a task definition is not one; an <c>Add</c> on a collection that is not
    /// a string dictionary is not an environment.
    /// </summary>
    [Fact]
    public Task UnknownKeysFamilyKeysOtherFamiliesAndOtherCollections_DoNotTrigger()
        => VerifyAsync("""
            public class Settings
            {
                public string Family { get; set; } = "isol8-prod-openclaw";
            }

            public interface IPairSink<TKey, TValue>
            {
                void Add(TKey key, TValue value);
            }

            public class Pairs : IPairSink<string, string>
            {
                public void Add(string key, string value)
                {
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container, Settings settings, string key) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        [key] = "isol8-prod-openclaw",
                        ["FAMILY_OF_TASK_DEFINITION"] = container.TaskDef.Family,
                        ["OPENCLAW_TASK_DEFINITION"] = settings.Family,
                    };
                    new Pairs().Add("OPENCLAW_TASK_DEFINITION", "isol8-prod-openclaw");
                }
            }
            """);

    [Fact]
    public Task ConfiguredKeyPatterns_ReplaceTheDefaults()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + Stacks + """
                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                    {
                        var environment = new Dictionary<string, string>
                        {
                            ["RUNNER_TEMPLATE"] = {|#0:container.TaskDef.Family|},
                            ["OPENCLAW_TASK_DEFINITION"] = container.TaskDef.Family,
                        };
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: "isol8_cdk.task_definition_key_patterns = RUNNER_TEMPLATE\n",
            Expected(0, "RUNNER_TEMPLATE", "container.TaskDef.Family"));

    /// <summary>A helper whose family is a bare parameter declares no family at all: an ARN literal matches nothing.</summary>
    [Fact]
    public Task FamilyFromABareParameter_MatchesNoLiteral()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public static class TaskDefinitions
            {
                public static FargateTaskDefinition Create(Construct scope, string id, string family)
                    => new FargateTaskDefinition(scope, id, new FargateTaskDefinitionProps { Family = family });
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDefinitions.Create(this, "Worker", "isol8-prod-worker");
                    var environment = new Dictionary<string, string>
                    {
                        ["WORKER_TASK_DEFINITION"] = "arn:aws:ecs:eu-west-1:123456789012:task-definition/isol8-prod-worker:7",
                        ["OTHER_TASK_DEFINITION"] = "isol8-prod-other",
                    };
                }
            }
            """);
}
