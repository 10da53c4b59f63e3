using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class CrossStackVolatileReferenceAnalyzerTests
{
    private const string ServiceStackProps = """
        public class ServiceStackProps : StackProps
        {
            public ContainerStack Container { get; set; } = null!;
        }

        """;

    private const string ForeignOwner = "another stack (it reaches this one through its constructor)";

    private static DiagnosticResult Expected(int location, string member, string owner, string consumer)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, owner, consumer);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(new[] { CdkSources.Usings + source, CdkSharedStacks }, withCdk: true, editorConfig: null, expected);

    /// <summary>Verifies an app whose first file holds top-level statements.</summary>
    private static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(new[] { CdkSources.Usings + source, CdkSharedStacks }, withCdk: true, editorConfig: null, OutputKind.ConsoleApplication, expected);

    private static string CdkSharedStacks => CdkSources.Usings + CdkSources.ContainerStack + CdkSources.FunctionStack;

    [Fact]
    public Task PropsMemberTypedAsOwnerStack_Triggers()
        => VerifyAsync(ServiceStackProps + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["TASK_DEFINITION_ARN"] = {|#0:props.Container.TaskDef.TaskDefinitionArn|},
                    };
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task TaskDefinitionPassedInProps_Triggers()
        => VerifyAsync("""
            public class WorkerStackProps : StackProps
            {
                public ITaskDefinition TaskDef { get; set; } = null!;
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, WorkerStackProps props) : base(scope, id, props)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:props.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", ForeignOwner, "WorkerStack"));

    [Fact]
    public Task ConstructorParameterTypedAsOwnerStack_Triggers()
        => VerifyAsync("""
            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "WorkerStack"));

    [Fact]
    public Task PrimaryConstructorParameter_Triggers()
        => VerifyAsync("""
            public class WorkerStack(Construct scope, string id, ITaskDefinition taskDef) : Stack(scope, id)
            {
                public string Arn => {|#0:taskDef.TaskDefinitionArn|};
            }
            """,
            Expected(0, "TaskDefinitionArn", ForeignOwner, "WorkerStack"));

    [Fact]
    public Task ValueFlowingThroughLocalsAndFields_Triggers()
        => VerifyAsync(ServiceStackProps + """
            public class ServiceStack : Stack
            {
                private readonly ContainerStack _container;

                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    _container = props.Container;
                    var taskDef = _container.TaskDef;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:taskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task ConditionalAccess_Triggers()
        => VerifyAsync(ServiceStackProps + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                    string? arn = {|#0:props.Container?.TaskDef.TaskDefinitionArn|};
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task TopLevelStatementsPassingArnIntoAnotherStacksProps_Triggers()
        => VerifyProgramAsync("""
            var app = new App();
            var container = new ContainerStack(app, "Container");
            new ServiceStack(app, "Service", new ServiceStackProps { TaskDefinitionArn = {|#0:container.TaskDef.TaskDefinitionArn|} });

            public class ServiceStackProps : StackProps
            {
                public string TaskDefinitionArn { get; set; } = "";
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));
}
