using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A string member of a stack that holds a volatile read of the stack's own construct relays it: another stack
/// reading the member imports the volatile value. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.Relays_AndADictionaryMembersElement_AreImported_AndReported</c>.
/// </summary>
public class RelayedVolatileReadTests
{
    private static DiagnosticResult Expected(int location, string member)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "stack 'RelayingStack'", "ServiceStack");

    /// <summary>A relaying stack declaring <paramref name="members"/> and setting them with <paramref name="constructorBody"/>, read by <c>ServiceStack</c> through <paramref name="reads"/>.</summary>
    private static Task VerifyAsync(string members, string constructorBody, string reads, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class RelayingStack : Stack
                {
                    public RelayingStack(Construct scope, string id, ContainerStack? other = null) : base(scope, id)
                    {
                        var api = new FargateTaskDefinition(this, "Api");
                        Worker = new FargateTaskDefinition(this, "Worker");
                        BODY
                    }

                    public FargateTaskDefinition Worker { get; }

                    MEMBERS
                }
                """.Replace("BODY", constructorBody, System.StringComparison.Ordinal).Replace("MEMBERS", members, System.StringComparison.Ordinal),
                CdkSources.Usings + """
                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, RelayingStack containers) : base(scope, id)
                    {
                        READS
                    }
                }
                """.Replace("READS", reads, System.StringComparison.Ordinal),
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            expected);

    [Theory]
    [InlineData("public string ApiArn { get; }", "ApiArn = api.TaskDefinitionArn;")]
    [InlineData("public string ApiArn { get; private set; }", "this.ApiArn = api.TaskDefinitionArn;")]
    [InlineData("public string ApiArn => Worker.TaskDefinitionArn;", "")]
    [InlineData("public string ApiArn { get { return Worker.TaskDefinitionArn; } }", "")]
    [InlineData("public readonly string ApiArn;", "ApiArn = (api.TaskDefinitionArn);")]
    [InlineData("public string ApiArn { get; private set; } = \"\";", "ApiArn = api.TaskDefinitionArn;")]
    [InlineData("public string ApiArn { get; private set; } = string.Empty;", "ApiArn = api.TaskDefinitionArn;")]
    [InlineData("public string ApiArn { get; }", "ApiArn = other is null ? api.TaskDefinitionArn : (Worker.TaskDefinitionArn);")]
    public Task RelayReadByAnotherStack_Triggers(string member, string assignment)
        => VerifyAsync(
            member,
            assignment,
            """new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:containers.ApiArn|} });""",
            Expected(0, "ApiArn"));

    /// <summary>
    /// A member of the app's own interface relays when every class implementing it implements the member as a relay
    /// (<c>IContainerOutputs.WorkerArn</c>, the stack's <c>WorkerArn => Worker.TaskDefinitionArn</c>): another stack
    /// reading it through the interface imports it. One implementor that holds something else makes it no relay.
    /// </summary>
    [Fact]
    public Task InterfaceMemberEveryImplementorRelays_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public interface IContainerOutputs
                {
                    string WorkerArn { get; }
                }

                public interface IMixedOutputs
                {
                    string WorkerArn { get; }
                }

                public class RelayingStack : Stack, IContainerOutputs, IMixedOutputs
                {
                    public RelayingStack(Construct scope, string id) : base(scope, id)
                    {
                        Worker = new FargateTaskDefinition(this, "Worker");
                    }

                    public FargateTaskDefinition Worker { get; }

                    public string WorkerArn => Worker.TaskDefinitionArn;
                }

                public class Fixed : IMixedOutputs
                {
                    public string WorkerArn => "arn:aws:ecs:eu-west-1:123456789012:task-definition/fixed:1";
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, IContainerOutputs containers, IMixedOutputs mixed) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:containers.WorkerArn|} });
                        new CfnOutput(this, "Mixed", new CfnOutputProps { Value = mixed.WorkerArn });
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("WorkerArn", "another stack (it reaches this one through its constructor)", "ServiceStack"));

    /// <summary>The relaying stack's own reads of its relay import nothing.</summary>
    [Fact]
    public Task RelayReadByItsOwnStack_DoesNotTrigger()
        => VerifyAsync(
            """
            public string ApiArn { get; }

            public void Publish()
            {
                new CfnOutput(this, "Own", new CfnOutputProps { Value = ApiArn });
                new CfnOutput(this, "OwnThis", new CfnOutputProps { Value = this.ApiArn });
            }
            """,
            "ApiArn = api.TaskDefinitionArn;",
            string.Empty);

    /// <summary>Not a relay: a stable value, a value that is volatile only sometimes, a static, a construct the stack received.</summary>
    [Theory]
    [InlineData("public string ApiArn { get; }", "ApiArn = api.Family;")]
    [InlineData("public string ApiArn { get; set; } = \"none\";", "ApiArn = api.TaskDefinitionArn;")]
    [InlineData("public string ApiArn { get; }", "ApiArn = other is null ? api.TaskDefinitionArn : \"none\";")]
    [InlineData("public static string ApiArn { get; private set; } = \"\";", "ApiArn = api.TaskDefinitionArn;")]
    [InlineData("public string ApiArn { get; private set; } = \"\";", "")]
    public Task NotARelayOfItsOwnVolatileValue_DoesNotTrigger(string member, string assignment)
        => VerifyAsync(
            member,
            assignment,
            member.Contains("static", System.StringComparison.Ordinal)
                ? """new CfnOutput(this, "Arn", new CfnOutputProps { Value = RelayingStack.ApiArn });"""
                : """new CfnOutput(this, "Arn", new CfnOutputProps { Value = containers.ApiArn });""");

    /// <summary>
    /// A relay of a construct the stack received: the read that relays it imports, and is reported where it is; the
    /// relay's readers are not (the value's owner is not the relaying stack).
    /// </summary>
    [Fact]
    public Task RelayOfAReceivedConstruct_IsReportedWhereItIsRead_NotWhereItIsRelayed()
        => VerifyAsync(
            "public string ApiArn { get; }",
            "ApiArn = {|#0:other!.TaskDef.TaskDefinitionArn|};",
            """new CfnOutput(this, "Arn", new CfnOutputProps { Value = containers.ApiArn });""",
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "RelayingStack"));

    /// <summary>
    /// A construct's string member relays too, named like a catalogue member or not; it is owned where the construct
    /// is (here another stack's, as every construct a stack receives through its constructor).
    /// </summary>
    [Theory]
    [InlineData("Arn")]
    [InlineData("TaskDefinitionArn")]
    public Task RelayOnAConstructOfAnotherStack_Triggers(string member)
        => VerifyWorkerAsync(
            $"public string {member} => _taskDef.TaskDefinitionArn;",
            $$"""
            new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:worker.{{member}}|} });
                    var own = new Worker(this, "Own");
                    new CfnOutput(this, "OwnArn", new CfnOutputProps { Value = own.{{member}} });
            """,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments(member, "another stack (it reaches this one through its constructor)", "ServiceStack"));

    /// <summary>A relay of a relay: the stack's string member is set from its construct's relay; relays that only read each other relay nothing.</summary>
    [Fact]
    public Task ChainOfRelays_Triggers_AndACycleOfThem_DoesNotTrigger()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class Worker : Construct
                {
                    private readonly FargateTaskDefinition _taskDef;

                    public Worker(Construct scope, string id) : base(scope, id)
                    {
                        _taskDef = new FargateTaskDefinition(this, "TaskDef");
                    }

                    public string TaskDefinitionArn => _taskDef.TaskDefinitionArn;

                    public string First => Second;

                    public string Second => First;
                }

                public class RelayingStack : Stack
                {
                    public RelayingStack(Construct scope, string id) : base(scope, id)
                    {
                        Worker = new Worker(this, "Worker");
                        WorkerArn = Worker.TaskDefinitionArn;
                    }

                    public Worker Worker { get; }

                    public string WorkerArn { get; }

                    public string Looped => Worker.First;
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, RelayingStack containers) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:containers.WorkerArn|} });
                        new CfnOutput(this, "Looped", new CfnOutputProps { Value = containers.Looped });
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "WorkerArn"));

    /// <summary>A construct's string member set from something other than its own construct's volatile read: no relay.</summary>
    [Theory]
    [InlineData("public string Arn => _taskDef.Family;")]
    [InlineData("public string Arn => Stack.Of(this).StackName;")]
    public Task ConstructMemberThatRelaysNothingVolatile_DoesNotTrigger(string member)
        => VerifyWorkerAsync(member, """new CfnOutput(this, "Arn", new CfnOutputProps { Value = worker.Arn });""");

    /// <summary>A construct <c>Worker</c> that creates a task definition and declares <paramref name="member"/>, given to <c>ServiceStack</c>, which <paramref name="reads"/>.</summary>
    private static Task VerifyWorkerAsync(string member, string reads, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class Worker : Construct
                {
                    private readonly FargateTaskDefinition _taskDef;

                    public Worker(Construct scope, string id) : base(scope, id)
                    {
                        _taskDef = new FargateTaskDefinition(this, "TaskDef");
                    }

                    MEMBER
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, Worker worker) : base(scope, id)
                    {
                        READS
                    }
                }
                """.Replace("MEMBER", member, System.StringComparison.Ordinal).Replace("READS", reads, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    /// <summary>A relay on a stack that derives from the app's own base stack, typed <c>System.String</c> or <c>string?</c>.</summary>
    [Theory]
    [InlineData("System.String")]
    [InlineData("string?")]
    public Task RelayOnASubclassOfTheAppsBaseStack_Triggers(string type)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public abstract class AppStack : Stack
                {
                    protected AppStack(Construct scope, string id) : base(scope, id)
                    {
                    }
                }

                public class RelayingStack : AppStack
                {
                    public RelayingStack(Construct scope, string id) : base(scope, id)
                    {
                        ApiArn = new FargateTaskDefinition(this, "Api").TaskDefinitionArn;
                    }

                    public TYPE ApiArn { get; }
                }

                public class ServiceStack : AppStack
                {
                    public ServiceStack(Construct scope, string id, RelayingStack containers) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:containers.ApiArn|} });
                    }
                }
                """.Replace("TYPE", type, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "ApiArn"));

    /// <summary>Wired at the app level: the relay flows into an output of the service stack, the scope the fix reads into.</summary>
    [Fact]
    public Task RelayReadAtTheAppLevel_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                var app = new App();
                var containers = new RelayingStack(app, "Relaying");
                var service = new Stack(app, "Service");
                new CfnOutput({|#1:service|}, "Arn", new CfnOutputProps { Value = {|#0:containers.ApiArn|} });
                new CfnOutput(containers, "Own", new CfnOutputProps { Value = containers.ApiArn });
                app.Synth();

                public class RelayingStack : Stack
                {
                    public RelayingStack(Construct scope, string id) : base(scope, id)
                    {
                        ApiArn = new FargateTaskDefinition(this, "Api").TaskDefinitionArn;
                    }

                    public string ApiArn { get; }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithLocation(1).WithArguments("ApiArn", "stack 'RelayingStack'", "Stack"));
}
