using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.TaskDefinitionInterfaceMemberAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class TaskDefinitionInterfaceMemberAnalyzerTests
{
    private const string AllConcreteTypes = "TaskDefinition, FargateTaskDefinition, Ec2TaskDefinition, ExternalTaskDefinition";

    private static DiagnosticResult[] Expected(int location, string member, string type, string owners = AllConcreteTypes, string? compilerArgument = null)
        => new[]
        {
            new DiagnosticResult(DiagnosticIds.TaskDefinitionInterfaceMember, DiagnosticSeverity.Error).WithLocation(location).WithArguments(member, type, owners),
            DiagnosticResult.CompilerError("CS1061").WithLocation(location).WithArguments("Amazon.CDK.AWS.ECS." + type, compilerArgument ?? member),
        };

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(CdkSources.Usings + source, expected);

    [Theory]
    [InlineData("var family = taskDef.{|#0:Family|};", "Family")]
    [InlineData("var container = taskDef.{|#0:DefaultContainer|};", "DefaultContainer")]
    [InlineData("taskDef.{|#0:AddContainer|}(\"App\", new ContainerDefinitionOptions { Image = ContainerImage.FromRegistry(\"nginx\") });", "AddContainer")]
    [InlineData("var found = taskDef.{|#0:FindContainer|}(\"App\");", "FindContainer")]
    [InlineData("taskDef.{|#0:GrantRun|}(new Amazon.CDK.AWS.IAM.AccountRootPrincipal());", "GrantRun")]
    public Task MemberOfTheConcreteClasses_ReadThroughTheInterface_Triggers(string statement, string member)
        => VerifyAsync($$"""
            public static class Wiring
            {
                public static void Use(ITaskDefinition taskDef)
                {
                    {{statement}}
                }
            }
            """,
            Expected(0, member, "ITaskDefinition"));

    [Fact]
    public Task TypeScriptCasing_IsRecognised()
        => VerifyAsync("""
            public static class Wiring
            {
                public static string Use(ITaskDefinition taskDef) => taskDef.{|#0:family|};
            }
            """,
            Expected(0, "Family", "ITaskDefinition", compilerArgument: "family"));

    [Fact]
    public Task SubInterface_Triggers()
        => VerifyAsync("""
            public static class Wiring
            {
                public static string Use(IFargateTaskDefinition taskDef) => taskDef.{|#0:Family|};
            }
            """,
            Expected(0, "Family", "IFargateTaskDefinition"));

    [Fact]
    public Task ReceiverThroughPropsAndStackMember_Triggers()
        => VerifyAsync("""
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    OpenClawTaskDef = new FargateTaskDefinition(this, "OpenClaw", new FargateTaskDefinitionProps { Family = "isol8-prod-openclaw" });
                }

                public ITaskDefinition OpenClawTaskDef { get; }
            }

            public class ServiceStackProps : StackProps
            {
                public ContainerStack Container { get; set; } = null!;
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    var environment = new Dictionary<string, string> { ["OPENCLAW_FAMILY"] = props.Container.OpenClawTaskDef.{|#0:Family|} };
                }
            }
            """,
            Expected(0, "Family", "ITaskDefinition"));

    [Fact]
    public Task ConcreteTypeUserTypeAndInterfaceMembers_DoNotTrigger()
        => VerifyAsync("""
            public class MyTaskDefinition
            {
                public string Family { get; set; } = "";
            }

            public static class Wiring
            {
                public static string Use(FargateTaskDefinition concrete, MyTaskDefinition mine, ITaskDefinition taskDef)
                    => concrete.Family + mine.Family + taskDef.TaskDefinitionArn + taskDef.TaskRole.RoleArn;
            }
            """);

    [Fact]
    public Task CompilationWithoutCdk_ReportsNothing()
        => Verify.VerifyAsync(
            new[]
            {
                """
                public interface ITaskDefinition { string TaskDefinitionArn { get; } }

                public static class Wiring
                {
                    public static string Use(ITaskDefinition taskDef) => taskDef.TaskDefinitionArn;
                }
                """,
            },
            withCdk: false,
            editorConfig: null);

    /// <summary>A missing member on an interface that is not a task definition is the compiler's business alone.</summary>
    [Fact]
    public Task MissingMemberOnAnotherInterface_DoesNotTrigger()
        => VerifyAsync("""
            public sealed class Props
            {
                public Amazon.CDK.AWS.IAM.IRole TaskDefinition { get; set; } = null!;
            }

            public static class Wiring
            {
                public static void Use(Props props)
                {
                    var family = props.TaskDefinition.{|#0:Family|};
                }
            }
            """,
            DiagnosticResult.CompilerError("CS1061").WithLocation(0).WithArguments("Amazon.CDK.AWS.IAM.IRole", "Family"));
}

