using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// The ownership model at its edges: where a value's stack is known, where it is not (silence), and the budgets that
/// bound a search. Each test names the rule of the model it holds.
/// </summary>
public class CrossStackOwnershipEdgeTests
{
    private static DiagnosticResult Expected(int location, string member, string owner, string consumer)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, owner, consumer);

    private static Task VerifyAsync(string source, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(new[] { CdkSources.Usings + source, CdkSources.Usings + CdkSources.ContainerStack }, withCdk: true, editorConfig: null, expected);

    /// <summary>
    /// An element of another stack's array member (<c>pool.Tasks[0]</c>, or a <c>foreach</c> over it) is owned where
    /// every element of the array is: the stack that created them. An array whose elements have different owners, or
    /// the owner's own reads, stay silent.
    /// </summary>
    [Fact]
    public Task ElementsOfAnotherStacksArrayMember_Trigger_WhenOneStackOwnsThemAll()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class PoolStack : Stack
                {
                    public PoolStack(Construct scope, string id, ContainerStack other) : base(scope, id)
                    {
                        Tasks = new[] { new FargateTaskDefinition(this, "A"), new FargateTaskDefinition(this, "B") };
                        Mixed = new[] { new FargateTaskDefinition(this, "C"), other.TaskDef };
                        new CfnOutput(this, "Own", new CfnOutputProps { Value = Tasks[0].TaskDefinitionArn });
                    }

                    public FargateTaskDefinition[] Tasks { get; }

                    public FargateTaskDefinition[] Mixed { get; }
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, PoolStack pool) : base(scope, id)
                    {
                        new CfnOutput(this, "First", new CfnOutputProps { Value = {|#0:pool.Tasks[0].TaskDefinitionArn|} });
                        foreach (var task in pool.Tasks)
                        {
                            new CfnOutput(this, "Each" + task.Node.Id, new CfnOutputProps { Value = {|#1:task.TaskDefinitionArn|} });
                        }

                        new CfnOutput(this, "Mixed", new CfnOutputProps { Value = pool.Mixed[1].TaskDefinitionArn });
                    }
                }
                """,
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "TaskDefinitionArn", "stack 'PoolStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'PoolStack'", "ServiceStack"));

    /// <summary>
    /// A value the stack's code only tests, measures or logs stays in .NET: no template holds it, nothing is imported.
    /// A value it builds a string from and renders is used in this stack.
    /// </summary>
    [Theory]
    [InlineData("if (string.IsNullOrEmpty(container.TaskDef.TaskDefinitionArn)) { throw new System.InvalidOperationException(); }")]
    [InlineData("System.ArgumentException.ThrowIfNullOrEmpty(container.TaskDef.TaskDefinitionArn);")]
    [InlineData("System.Console.WriteLine(container.TaskDef.TaskDefinitionArn);")]
    [InlineData("var known = container.TaskDef.TaskDefinitionArn.Length > 0 && container.TaskDef.TaskDefinitionArn.StartsWith(\"arn:\", System.StringComparison.Ordinal);")]
    [InlineData("var same = container.TaskDef.TaskDefinitionArn == \"\";")]
    [InlineData("var arn = container.TaskDef.TaskDefinitionArn; if (string.IsNullOrEmpty(arn)) { throw new System.InvalidOperationException(); } System.Console.WriteLine(arn);")]
    public Task ValueThatStaysInDotnetCode_DoesNotTrigger(string statement)
        => VerifyAsync($$"""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    {{statement}}
                }
            }
            """);

    /// <summary>
    /// A value given to CDK where no template holds it: an annotation's message, the construct tree's metadata
    /// (<c>Node.AddMetadata</c>), a test of it (<c>Token.IsUnresolved</c>). The L1 resource's own metadata
    /// (<c>CfnResource.AddMetadata</c>) is in the template, the tree's context may be read back into one, CDK's string
    /// functions (<c>Fn.Join</c>), CDK's other methods (<c>role.AddToPolicy</c> answers a bool, <c>Token.AsString</c>) and the app's own helpers
    /// (whatever they return) may render it: reported.
    /// </summary>
    [Theory]
    [InlineData("Annotations.Of(this).AddInfo(\"worker \" + container.TaskDef.TaskDefinitionArn);")]
    [InlineData("Annotations.Of(this).AddWarning($\"worker {container.TaskDef.TaskDefinitionArn}\");")]
    [InlineData("Node.AddMetadata(\"worker\", container.TaskDef.TaskDefinitionArn);")]
    [InlineData("var resolved = !Token.IsUnresolved(container.TaskDef.TaskDefinitionArn);")]
    [InlineData("new CfnOutput(this, \"Tested\", new CfnOutputProps { Value = Token.IsUnresolved(container.TaskDef.TaskDefinitionArn).ToString() });")]
    [InlineData("((CfnResource)new CfnWaitConditionHandle(this, \"Handle\")).AddMetadata(\"worker\", {|#0:container.TaskDef.TaskDefinitionArn|});")]
    [InlineData("new CfnWaitConditionHandle(this, \"Handle\").Node.AddMetadata(\"worker\", container.TaskDef.TaskDefinitionArn);")]
    [InlineData("Node.SetContext(\"worker\", {|#0:container.TaskDef.TaskDefinitionArn|});")]
    [InlineData("new CfnOutput(this, \"Joined\", new CfnOutputProps { Value = Fn.Join(\",\", new[] { {|#0:container.TaskDef.TaskDefinitionArn|} }) });")]
    [InlineData("var published = Checks.Publish(this, {|#0:container.TaskDef.TaskDefinitionArn|});")]
    [InlineData("new CfnOutput(this, \"AsString\", new CfnOutputProps { Value = Token.AsString({|#0:container.TaskDef.TaskDefinitionArn|}) });")]
    [InlineData("var added = new Amazon.CDK.AWS.IAM.Role(this, \"Role\", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.AccountRootPrincipal() }).AddToPolicy(new Amazon.CDK.AWS.IAM.PolicyStatement(new Amazon.CDK.AWS.IAM.PolicyStatementProps { Actions = new[] { \"ecs:RunTask\" }, Resources = new[] { {|#0:container.TaskDef.TaskDefinitionArn|} } }));")]
    public Task ValueGivenToCdkOutsideTheTemplates_DoesNotTrigger(string statement)
        => VerifyAsync(
            $$"""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    {{statement}}
                }
            }

            public static class Checks
            {
                public static bool Publish(Construct scope, string arn)
                {
                    new CfnOutput(scope, "Published", new CfnOutputProps { Value = arn });
                    return true;
                }
            }
            """,
            statement.Contains("#0", System.StringComparison.Ordinal) ? new[] { Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack") } : System.Array.Empty<DiagnosticResult>());

    /// <summary>
    /// A props member or, when it is not set, a construct of a stack the same props carry in (<c>props.Override ??
    /// props.Containers.TaskDef</c>, or a <c>?:</c> of them): either way another stack's, reported. A fallback to the
    /// stack's own construct, to a stack it created itself or holds in its own object, or to a construct whose stack got
    /// it from elsewhere, may be its own or is unknown: silent.
    /// </summary>
    [Fact]
    public Task PropsMemberOrAnotherStacksConstructFromTheSameProps_Triggers()
        => VerifyAsync("""
            public class ServiceProps : StackProps
            {
                public ContainerStack Containers { get; init; } = null!;

                public ITaskDefinition? Override { get; init; }

                public RelayStack Relay { get; init; } = null!;
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceProps props) : base(scope, id, props)
                {
                    var task = props.Override ?? props.Containers.TaskDef;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:task.TaskDefinitionArn|} });
                    var chosen = props.Override is null ? props.Containers.TaskDef : props.Override;
                    new CfnOutput(this, "Chosen", new CfnOutputProps { Value = {|#1:chosen.TaskDefinitionArn|} });
                    var own = new FargateTaskDefinition(this, "Own");
                    var mixed = props.Override ?? own;
                    new CfnOutput(this, "Mixed", new CfnOutputProps { Value = mixed.TaskDefinitionArn });
                    var local = new ContainerStack(this, "Local");
                    var created = props.Override ?? local.TaskDef;
                    new CfnOutput(this, "Created", new CfnOutputProps { Value = created.TaskDefinitionArn });
                    var holder = new Holder { Containers = local };
                    var held = props.Override ?? holder.Containers.TaskDef;
                    new CfnOutput(this, "Held", new CfnOutputProps { Value = held.TaskDefinitionArn });
                    var given = props.Override ?? props.Relay.Given;
                    new CfnOutput(this, "Given", new CfnOutputProps { Value = given.TaskDefinitionArn });
                }
            }

            public class Holder
            {
                public ContainerStack Containers { get; set; } = null!;
            }

            public class RelayStack : Stack
            {
                public RelayStack(Construct scope, string id, ITaskDefinition given) : base(scope, id)
                {
                    Given = given;
                }

                public ITaskDefinition Given { get; }
            }
            """,
            Expected(0, "TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "ServiceStack"));

    /// <summary>A local that is logged and also rendered: the rendering use counts.</summary>
    [Fact]
    public Task LocalLoggedAndRendered_Triggers()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var arn = {|#0:container.TaskDef.TaskDefinitionArn|};
                    System.Console.WriteLine(arn);
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = arn });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>A local logged, then returned by the stack's own method: it may be rendered anywhere, so it is used in this stack.</summary>
    [Fact]
    public Task LocalLoggedAndReturned_Triggers()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = ArnOf(container) });
                }

                private string ArnOf(ContainerStack container)
                {
                    var arn = {|#0:container.TaskDef.TaskDefinitionArn|};
                    System.Console.WriteLine(arn);
                    return arn;
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    [Fact]
    public Task ValueBuiltIntoAStringThatIsRendered_Triggers()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var described = string.Concat("task ", {|#0:container.TaskDef.TaskDefinitionArn|});
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = described });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>Another instance of the same stack class owns it: the message says so rather than naming the class twice.</summary>
    [Fact]
    public Task AnotherInstanceOfTheSameStackClass_Triggers_AndIsNamedSo()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class ChainedStack : Stack
                {
                    public ChainedStack(Construct scope, string id, ChainedStack? previous = null) : base(scope, id)
                    {
                        TaskDef = new FargateTaskDefinition(this, "TaskDef");
                        if (previous is not null)
                        {
                            new CfnOutput(this, "Previous", new CfnOutputProps { Value = {|#0:previous.TaskDef.TaskDefinitionArn|} });
                        }
                    }

                    public FargateTaskDefinition TaskDef { get; }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "TaskDefinitionArn", "another instance of stack 'ChainedStack'", "ChainedStack"));

    /// <summary><c>Stack.Of(this)</c> is this stack: an output scoped to it imports the other stack's ARN.</summary>
    [Fact]
    public Task OutputScopedToStackOfThis_Triggers()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(Stack.Of(this), "Arn", new CfnOutputProps { Value = {|#0:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary><c>Stack.Of(construct)</c> is the construct's stack: an output scoped to the owner's stack imports nothing.</summary>
    [Fact]
    public Task OutputScopedToTheOwnersStack_DoesNotTrigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(Stack.Of(container.TaskDef), "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>A local set to <c>Stack.Of(construct)</c> is that construct's stack: an output scoped to it, in the owner's stack, imports nothing.</summary>
    [Fact]
    public Task OutputScopedByALocalSetToStackOfTheOwnersConstruct_DoesNotTrigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var ownersStack = Stack.Of(container.TaskDef);
                    new CfnOutput(ownersStack, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>A local set to <c>Stack.Of(this)</c> is this stack: an output scoped to it imports the other stack's ARN.</summary>
    [Fact]
    public Task OutputScopedByALocalSetToStackOfThis_Triggers()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var own = Stack.Of(this);
                    new CfnOutput(own, "Arn", new CfnOutputProps { Value = {|#0:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>
    /// A local set to <c>Stack.Of</c> a construct of another stack is that stack: an output the owner's code creates
    /// there imports the owner's ARN into it.
    /// </summary>
    [Fact]
    public Task OutputTheOwnerScopesByALocalToAnotherStack_Triggers()
        => VerifyAsync("""
            public class PublishingStack : Stack
            {
                public PublishingStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "Published");
                    var containerStack = Stack.Of(container.TaskDef);
                    new CfnOutput({|#1:containerStack|}, "Arn", new CfnOutputProps { Value = {|#0:taskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'PublishingStack'", "ContainerStack").WithLocation(1));

    /// <summary>
    /// An element of another stack's <c>List</c> or <c>Dictionary</c> member (by indexer, or in a <c>foreach</c> over
    /// it or its <c>Values</c>, or through a member exposing it) is owned where every element its class puts in through
    /// <c>this</c> is. A collection that other code adds to (another receiver, a call it is handed to), or copied from
    /// elsewhere, has unknown elements: silent. The owner's own reads stay silent.
    /// </summary>
    [Fact]
    public Task ElementsOfAnotherStacksCollectionMember_Trigger_WhenItsClassFillsThemAll()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class ServicesStack : Stack
                {
                    private readonly Dictionary<string, FargateTaskDefinition> _byName = new();

                    public ServicesStack(Construct scope, string id, string[] names, List<FargateTaskDefinition> given) : base(scope, id)
                    {
                        foreach (var name in names)
                        {
                            var taskDef = new FargateTaskDefinition(this, name);
                            TaskDefs[name] = taskDef;
                            _byName.Add(name, taskDef);
                            Workers.Add(taskDef);
                        }

                        Shared["x"] = new FargateTaskDefinition(this, "X");
                        Passed.Add(new FargateTaskDefinition(this, "P"));
                        Handed(Passed);
                        Copied = new List<FargateTaskDefinition>(given) { new FargateTaskDefinition(this, "C") };
                        new CfnOutput(this, "Own", new CfnOutputProps { Value = TaskDefs["api"].TaskDefinitionArn });
                    }

                    public Dictionary<string, FargateTaskDefinition> TaskDefs { get; } = new();

                    public List<FargateTaskDefinition> Workers { get; } = new() { };

                    public IReadOnlyDictionary<string, FargateTaskDefinition> ByName => _byName;

                    public IReadOnlyList<FargateTaskDefinition> Listed
                    {
                        get { return Workers; }
                    }

                    public Dictionary<string, ITaskDefinition> Shared { get; } = new();

                    public List<FargateTaskDefinition> Passed { get; } = new();

                    public List<FargateTaskDefinition> Copied { get; }

                    private static void Handed(List<FargateTaskDefinition> list) => list.Clear();
                }

                public class ReaderStack : Stack
                {
                    public ReaderStack(Construct scope, string id, ServicesStack services) : base(scope, id)
                    {
                        new CfnOutput(this, "Api", new CfnOutputProps { Value = {|#0:services.TaskDefs["api"].TaskDefinitionArn|} });
                        new CfnOutput(this, "First", new CfnOutputProps { Value = {|#1:services.Workers[0].TaskDefinitionArn|} });
                        new CfnOutput(this, "ByName", new CfnOutputProps { Value = {|#2:services.ByName["worker"].TaskDefinitionArn|} });
                        new CfnOutput(this, "Listed", new CfnOutputProps { Value = {|#5:services.Listed[1].TaskDefinitionArn|} });
                        foreach (var taskDef in services.TaskDefs.Values)
                        {
                            new CfnOutput(this, "Each" + taskDef.Node.Id, new CfnOutputProps { Value = {|#3:taskDef.TaskDefinitionArn|} });
                        }

                        foreach (var worker in services.Workers)
                        {
                            new CfnOutput(this, "Worker" + worker.Node.Id, new CfnOutputProps { Value = {|#4:worker.TaskDefinitionArn|} });
                        }

                        var own = new FargateTaskDefinition(this, "Own");
                        services.Shared["own"] = own;
                        new CfnOutput(this, "Shared", new CfnOutputProps { Value = services.Shared["own"].TaskDefinitionArn });
                        new CfnOutput(this, "Passed", new CfnOutputProps { Value = services.Passed[0].TaskDefinitionArn });
                        new CfnOutput(this, "Copied", new CfnOutputProps { Value = services.Copied[0].TaskDefinitionArn });
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"),
            Expected(1, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"),
            Expected(2, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"),
            Expected(3, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"),
            Expected(4, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"),
            Expected(5, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"));

    /// <summary>
    /// A collection that reaches a stack in its props (or any plain value its constructor received) holds what was put
    /// in before the stack existed, as a props member's value is: its elements are another stack's, read in a
    /// <c>foreach</c> (plain, over a deconstructed pair, through <c>pair.Value</c>) or by key. Silent when code may add
    /// to that member afterwards (through a receiver, in a call it is handed to), and for the stack's own elements.
    /// A read-only member exposing another stack's collection may be handed on: it adds nothing.
    /// </summary>
    [Fact]
    public Task ElementsOfACollectionReceivedInProps_Trigger()
        => VerifyAsync("""
            public class ServicesStack : Stack
            {
                private readonly Dictionary<string, FargateTaskDefinition> _workers = new();

                public ServicesStack(Construct scope, string id) : base(scope, id)
                {
                    foreach (var name in new[] { "a", "b" })
                    {
                        _workers[name] = Create(name);
                    }
                }

                public IReadOnlyDictionary<string, FargateTaskDefinition> Workers => _workers;

                private FargateTaskDefinition Create(string name) => new FargateTaskDefinition(this, name);
            }

            public class DispatchProps : StackProps
            {
                public IReadOnlyDictionary<string, FargateTaskDefinition> Workers { get; init; } = null!;

                public List<ITaskDefinition> Listed { get; init; } = new();

                public List<ITaskDefinition> Filled { get; init; } = new();

                public List<ITaskDefinition> Handed { get; init; } = new();
            }

            public static class Wiring
            {
                public static void Build(App app)
                {
                    var services = new ServicesStack(app, "Services");
                    new DispatchStack(app, "Dispatch", new DispatchProps { Workers = services.Workers, Listed = new List<ITaskDefinition>(services.Workers.Values) });
                    new ReaderStack(app, "Reader", services);
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ServicesStack services) : base(scope, id)
                {
                    new CfnOutput(this, "A", new CfnOutputProps { Value = {|#4:services.Workers["a"].TaskDefinitionArn|} });
                    foreach (var (key, each) in services.Workers)
                    {
                        new CfnOutput(this, "E" + key, new CfnOutputProps { Value = {|#6:each.TaskDefinitionArn|} });
                    }
                }
            }

            public class DispatchStack : Stack
            {
                public DispatchStack(Construct scope, string id, DispatchProps props) : base(scope, id, props)
                {
                    foreach (var (name, worker) in props.Workers)
                    {
                        new CfnOutput(this, "D" + name, new CfnOutputProps { Value = {|#0:worker.TaskDefinitionArn|} });
                    }

                    foreach (var pair in props.Workers)
                    {
                        new CfnOutput(this, "P" + pair.Key, new CfnOutputProps { Value = {|#1:pair.Value.TaskDefinitionArn|} });
                    }

                    foreach ((string name, FargateTaskDefinition typed) in props.Workers)
                    {
                        new CfnOutput(this, "T" + name, new CfnOutputProps { Value = {|#5:typed.TaskDefinitionArn|} });
                    }

                    new CfnOutput(this, "A", new CfnOutputProps { Value = {|#2:props.Workers["a"].TaskDefinitionArn|} });
                    foreach (var listed in props.Listed)
                    {
                        new CfnOutput(this, "L" + listed.Node.Id, new CfnOutputProps { Value = {|#3:listed.TaskDefinitionArn|} });
                    }

                    props.Filled.Add(new FargateTaskDefinition(this, "Own"));
                    new CfnOutput(this, "F", new CfnOutputProps { Value = props.Filled[0].TaskDefinitionArn });
                    Keep(props.Handed);
                    new CfnOutput(this, "H", new CfnOutputProps { Value = props.Handed[0].TaskDefinitionArn });
                }

                private void Keep(List<ITaskDefinition> list) => list.Add(new FargateTaskDefinition(this, "Kept"));
            }
            """,
            Expected(0, "TaskDefinitionArn", Received, "DispatchStack"),
            Expected(1, "TaskDefinitionArn", Received, "DispatchStack"),
            Expected(2, "TaskDefinitionArn", Received, "DispatchStack"),
            Expected(3, "TaskDefinitionArn", Received, "DispatchStack"),
            Expected(4, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"),
            Expected(5, "TaskDefinitionArn", Received, "DispatchStack"),
            Expected(6, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"));

    private const string Received = "another stack (it reaches this one through its constructor)";

    /// <summary>
    /// A positional record's parameters are its properties: a stack's outputs kept in one
    /// (<c>record ComputeOutputs(ITaskDefinition Worker, IVersion Handler)</c>) and handed to another stack are read
    /// there as another stack's, as a props member is; the owner's own read stays silent.
    /// </summary>
    [Fact]
    public Task MembersOfAPositionalRecordAnotherStackMade_Trigger()
        => VerifyAsync("""
            public sealed record ComputeOutputs(ITaskDefinition Worker, IVersion Handler, string Name);

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker");
                    var fn = new Function(this, "Fn", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                    Outputs = new ComputeOutputs(worker, fn.CurrentVersion, "compute");
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = Outputs.Worker.TaskDefinitionArn });
                }

                public ComputeOutputs Outputs { get; }
            }

            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id, ComputeOutputs outputs) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#0:outputs.Worker.TaskDefinitionArn|} });
                    new CfnOutput(this, "Handler", new CfnOutputProps { Value = {|#1:outputs.Handler.FunctionArn|} });
                    new CfnOutput(this, "Name", new CfnOutputProps { Value = outputs.Name });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", Received, "ApiStack"),
            Expected(1, "FunctionArn", Received, "ApiStack"));


    /// <summary>
    /// A local that only ever holds a collection member or parameter (<c>var workers = props.Workers;</c>) is that
    /// collection: its elements are found as if read from it, as long as nothing adds through the local (silent then,
    /// and for the collection's other readers too).
    /// </summary>
    [Fact]
    public Task CollectionHeldInALocal_IsTheCollection()
        => VerifyAsync("""
            public class ServicesStack : Stack
            {
                public ServicesStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDefs["api"] = new FargateTaskDefinition(this, "Api");
                    Tasks = new[] { new FargateTaskDefinition(this, "A") };
                }

                public Dictionary<string, FargateTaskDefinition> TaskDefs { get; } = new();

                public FargateTaskDefinition[] Tasks { get; }
            }

            public class ReaderProps : StackProps
            {
                public List<ITaskDefinition> Watched { get; init; } = new();

                public List<ITaskDefinition> Filled { get; init; } = new();
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, ServicesStack services, ReaderProps props) : base(scope, id, props)
                {
                    var byName = services.TaskDefs;
                    new CfnOutput(this, "Api", new CfnOutputProps { Value = {|#0:byName["api"].TaskDefinitionArn|} });
                    var tasks = services.Tasks;
                    foreach (var task in tasks)
                    {
                        new CfnOutput(this, "T" + task.Node.Id, new CfnOutputProps { Value = {|#1:task.TaskDefinitionArn|} });
                    }

                    var watched = props.Watched;
                    foreach (var taskDef in watched)
                    {
                        new CfnOutput(this, "W" + taskDef.Node.Id, new CfnOutputProps { Value = {|#2:taskDef.TaskDefinitionArn|} });
                    }

                    var filled = props.Filled;
                    filled.Add(new FargateTaskDefinition(this, "Own"));
                    foreach (var taskDef in filled)
                    {
                        new CfnOutput(this, "F" + taskDef.Node.Id, new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    }

                    new CfnOutput(this, "Filled", new CfnOutputProps { Value = props.Filled[0].TaskDefinitionArn });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"),
            Expected(1, "TaskDefinitionArn", "stack 'ServicesStack'", "ReaderStack"),
            Expected(2, "TaskDefinitionArn", Received, "ReaderStack"));


    /// <summary>
    /// A collection or array a stack's constructor received (<c>IEnumerable&lt;ITaskDefinition&gt;</c>,
    /// <c>ITaskDefinition[]</c>) was filled before the stack existed: its elements are another stack's, in a
    /// <c>foreach</c> or by index, unless the constructor adds to it (silent).
    /// </summary>
    [Fact]
    public Task ElementsOfACollectionTheConstructorReceived_Trigger()
        => VerifyAsync("""
            public class AlarmsStack : Stack
            {
                public AlarmsStack(Construct scope, string id, IEnumerable<ITaskDefinition> watched, ITaskDefinition[] listed, List<ITaskDefinition> own, IReadOnlyList<ITaskDefinition> passed, IReadOnlyDictionary<string, ITaskDefinition> byName) : base(scope, id)
                {
                    foreach (var pair in byName)
                    {
                        new CfnOutput(this, "B" + pair.Key, new CfnOutputProps { Value = {|#3:pair.Value.TaskDefinitionArn|} });
                    }

                    foreach (var taskDef in watched)
                    {
                        new CfnOutput(this, "W" + taskDef.Node.Id, new CfnOutputProps { Value = {|#0:taskDef.TaskDefinitionArn|} });
                    }

                    foreach (var taskDef in listed)
                    {
                        new CfnOutput(this, "L" + taskDef.Node.Id, new CfnOutputProps { Value = {|#1:taskDef.TaskDefinitionArn|} });
                    }

                    own.Add(new FargateTaskDefinition(this, "Own"));
                    foreach (var taskDef in own)
                    {
                        new CfnOutput(this, "O" + taskDef.Node.Id, new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    }

                    Keep(passed);
                    new CfnOutput(this, "P", new CfnOutputProps { Value = {|#2:passed[0].TaskDefinitionArn|} });
                }

                private static void Keep(IReadOnlyList<ITaskDefinition> kept)
                {
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", Received, "AlarmsStack"),
            Expected(1, "TaskDefinitionArn", Received, "AlarmsStack"),
            Expected(2, "TaskDefinitionArn", Received, "AlarmsStack"),
            Expected(3, "TaskDefinitionArn", Received, "AlarmsStack"));


    /// <summary>
    /// A stack read from an array or a list of stacks (<c>containers[0]</c>) is one of the stacks it holds: a stack of
    /// another class is another stack. Two elements of one array are told apart by the array only, so they count as one
    /// stack (silent, though they may be two).
    /// </summary>
    [Fact]
    public Task StackReadFromAnArrayOrList_IsOneOfItsStacks()
        => VerifyAsync("""
            public class MonitoringStack : Stack
            {
                public MonitoringStack(Construct scope, string id, ContainerStack[] containers, List<ContainerStack> listed) : base(scope, id)
                {
                    new CfnOutput(this, "Zero", new CfnOutputProps { Value = {|#0:containers[0].TaskDef.TaskDefinitionArn|} });
                    new CfnOutput(this, "Listed", new CfnOutputProps { Value = {|#1:listed[1].TaskDef.TaskDefinitionArn|} });
                    new CfnOutput(containers[1], "Either", new CfnOutputProps { Value = containers[0].TaskDef.TaskDefinitionArn });
                    new CfnOutput(listed[0], "Same", new CfnOutputProps { Value = listed[0].TaskDef.TaskDefinitionArn });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "MonitoringStack"),
            Expected(1, "TaskDefinitionArn", "stack 'ContainerStack'", "MonitoringStack"));


    /// <summary>
    /// An element of another stack's dictionary or array member handed to a construct of this stack (a service's task
    /// definition) is imported like a read of it, and reported at the element; the owner's own hand-over is not.
    /// </summary>
    [Fact]
    public Task ElementsOfAnotherStacksMembers_HandedOver_Trigger()
        => VerifyAsync("""
            public class ServicesStack : Stack
            {
                public ServicesStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDefs["api"] = new FargateTaskDefinition(this, "Api");
                    Tasks = new[] { new FargateTaskDefinition(this, "A") };
                    new FargateService(this, "Own", new FargateServiceProps { Cluster = new Cluster(this, "C"), TaskDefinition = TaskDefs["api"] });
                }

                public Dictionary<string, FargateTaskDefinition> TaskDefs { get; } = new();

                public FargateTaskDefinition[] Tasks { get; }
            }

            public class RunStack : Stack
            {
                public RunStack(Construct scope, string id, ServicesStack services) : base(scope, id)
                {
                    new FargateService(this, "Api", new FargateServiceProps { Cluster = new Cluster(this, "C"), TaskDefinition = {|#0:services.TaskDefs["api"]|} });
                    new FargateService(this, "A", new FargateServiceProps { Cluster = new Cluster(this, "C2"), TaskDefinition = {|#1:services.Tasks[0]|} });
                }
            }
            """,
            Expected(0, "services.TaskDefs[\"api\"]", "stack 'ServicesStack'", "RunStack"),
            Expected(1, "services.Tasks[0]", "stack 'ServicesStack'", "RunStack"));

    /// <summary>
    /// Code in the app's own construct class runs in the stack every creation of it puts it in: a <c>Worker</c> only
    /// ever created in <c>ServiceStack</c> (directly, or inside a construct that is) reads the container stack's ARN
    /// in <c>ServiceStack</c>, and is reported. A construct class also created in the owner's stack, only created
    /// there, subclassed, or reading its own task definition stays silent.
    /// </summary>
    [Fact]
    public Task ConstructClassCreatedInOneStack_ReadsInThatStack()
        => VerifyAsync("""
            public class WorkerProps
            {
                public ContainerStack Containers { get; init; } = null!;
            }

            public class Worker : Construct
            {
                public Worker(Construct scope, string id, WorkerProps props) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:props.Containers.TaskDef.TaskDefinitionArn|} });
                    var own = new FargateTaskDefinition(this, "Own");
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = own.TaskDefinitionArn });
                    new Inner(this, "Inner", props.Containers);
                }
            }

            public class Inner : Construct
            {
                public Inner(Construct scope, string id, ContainerStack containers) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#1:containers.TaskDef.TaskDefinitionArn|} });
                }
            }

            public class Everywhere : Construct
            {
                public Everywhere(Construct scope, string id, ContainerStack containers) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = containers.TaskDef.TaskDefinitionArn });
                }
            }

            public class AtTheOwner : Construct
            {
                public AtTheOwner(Construct scope, string id, ContainerStack containers) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = containers.TaskDef.TaskDefinitionArn });
                }
            }

            public class Subclassed : Construct
            {
                public Subclassed(Construct scope, string id, ContainerStack containers) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = containers.TaskDef.TaskDefinitionArn });
                }
            }

            public class Derived : Subclassed
            {
                public Derived(Construct scope, string id, ContainerStack containers) : base(scope, id, containers)
                {
                }
            }

            public static class Wiring
            {
                public static void AtTheOwnersSide(ContainerStack containers) => new Everywhere(containers, "Everywhere", containers);
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack containers) : base(scope, id)
                {
                    new Worker(this, "Worker", new WorkerProps { Containers = containers });
                    new Everywhere(new Construct(this, "Group"), "Everywhere", containers);
                    new Subclassed(this, "Subclassed", containers);
                }
            }

            public class OwnerSideStack : ContainerStack
            {
                public OwnerSideStack(Construct scope, string id) : base(scope, id)
                {
                    new AtTheOwner(this, "AtTheOwner", this);
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>
    /// A member created on first use (<c>TaskDef => _taskDef ??= new FargateTaskDefinition(this, …)</c>) is owned by
    /// the stack whose member it is: another stack's read is reported, the owner's own is not. Where the field is also
    /// set to something the stack received, the two disagree and the rule is silent.
    /// </summary>
    [Fact]
    public Task LazilyCreatedMember_IsOwnedByItsStack()
        => VerifyAsync("""
            public class LazyStack : Stack
            {
                private FargateTaskDefinition? _worker;
                private ITaskDefinition? _mixed;

                public LazyStack(Construct scope, string id, ContainerStack other) : base(scope, id)
                {
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = Worker.TaskDefinitionArn });
                    _mixed = other.TaskDef;
                }

                public FargateTaskDefinition Worker => _worker ??= new FargateTaskDefinition(this, "Worker");

                public ITaskDefinition Mixed => _mixed ??= new FargateTaskDefinition(this, "Mixed");
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, LazyStack lazy) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#0:lazy.Worker.TaskDefinitionArn|} });
                    new CfnOutput(this, "Mixed", new CfnOutputProps { Value = lazy.Mixed.TaskDefinitionArn });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'LazyStack'", "ReaderStack"));

    /// <summary>
    /// A plain object handed to every stack and filled in by one of them (<c>registry.Worker = worker</c>): what the
    /// filling stack reads back from it may be its own construct (synthesized: no import), so that stack, or a stack
    /// whose base class fills it, is silent; a stack that only reads what another filled in is still reported.
    /// </summary>
    [Fact]
    public Task RegistryFilledByAStack_ItsOwnReadBackIsSilent_AnotherStacksReadIsNot()
        => VerifyAsync("""
            public class Registry
            {
                public ITaskDefinition? Worker { get; set; }

                public ITaskDefinition? Batch { get; set; }
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id, Registry registry) : base(scope, id)
                {
                    registry.Worker = new FargateTaskDefinition(this, "Worker");
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = registry.Worker.TaskDefinitionArn });
                    new CfnOutput(this, "Other", new CfnOutputProps { Value = {|#0:registry.Batch!.TaskDefinitionArn|} });
                }
            }

            public abstract class FillingBase : Stack
            {
                protected FillingBase(Construct scope, string id, Registry registry) : base(scope, id)
                {
                    registry.Batch = new FargateTaskDefinition(this, "Batch");
                }
            }

            public class BatchStack : FillingBase
            {
                public BatchStack(Construct scope, string id, Registry registry) : base(scope, id, registry)
                {
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = registry.Batch!.TaskDefinitionArn });
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, Registry registry) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#1:registry.Worker!.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "PlatformStack"),
            Expected(1, "TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "ReaderStack"));

    /// <summary>
    /// A base stack class that keeps the registry it receives, and a subclass that fills it and reads it back: the
    /// subclass's code runs with what the base received, so its read-back is silent. The value is foreign to the base
    /// class, which cannot tell its subclasses apart: a sibling that only reads is silent too (precision first).
    /// </summary>
    [Fact]
    public Task RegistryKeptByABaseStackAndFilledByItsSubclass_ReadBackIsSilent()
        => VerifyAsync("""
            public class Registry
            {
                public ITaskDefinition? Worker { get; set; }
            }

            public abstract class AppStack : Stack
            {
                protected AppStack(Construct scope, string id, Registry registry) : base(scope, id)
                {
                    Shared = registry;
                }

                protected Registry Shared { get; }
            }

            public class PlatformStack : AppStack
            {
                public PlatformStack(Construct scope, string id, Registry registry) : base(scope, id, registry)
                {
                    Shared.Worker = new FargateTaskDefinition(this, "Worker");
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = Shared.Worker.TaskDefinitionArn });
                }
            }

            public class ReaderStack : AppStack
            {
                public ReaderStack(Construct scope, string id, Registry registry) : base(scope, id, registry)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = Shared.Worker!.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>
    /// An object of the app's that one stack class fills with its own constructs (<c>Outputs = new ComputeOutputs {
    /// Worker = worker }</c>, a positional record <c>new ComputeRecord(worker)</c>, an assignment through a local) holds
    /// that stack's constructs, whichever way another stack reaches it: <c>compute.Outputs.Worker</c>, a local holding
    /// <c>compute.Outputs</c>, a hand-over to its construct class. The filler's own read is silent (it cannot tell its
    /// instances apart). Filled by two stack classes, with a construct the stack cannot place, in the app's code, by the
    /// object's own constructor, or given an initial value: unknown, silent.
    /// </summary>
    [Fact]
    public Task PlainObjectFilledByOneStack_HoldsThatStacksConstructs()
        => VerifyAsync("""
            public class ComputeOutputs
            {
                public ITaskDefinition Worker { get; init; } = null!;

                public ITaskDefinition? Later { get; set; }

                public ITaskDefinition? Both { get; set; }

                public ITaskDefinition? Found { get; set; }

                public ITaskDefinition? InApp { get; set; }

                public ITaskDefinition Started { get; set; } = Shared.Default;
            }

            public static class Shared
            {
                public static ITaskDefinition Default { get; set; } = null!;
            }

            public record ComputeRecord(ITaskDefinition Worker);

            public class ComputeEnvelope
            {
                public ComputeEnvelope(ITaskDefinition worker) => Worker = worker;

                public ITaskDefinition Worker { get; }
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker");
                    Outputs = new ComputeOutputs { Worker = worker, Both = new FargateTaskDefinition(this, "Both"), Found = (ITaskDefinition)Node.FindChild("Legacy") };
                    var outputs = Outputs;
                    outputs.Later = new FargateTaskDefinition(this, "Later");
                    Outputs.Started = new FargateTaskDefinition(this, "Started");
                    Record = new ComputeRecord(worker);
                    Envelope = new ComputeEnvelope(worker);
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = Outputs.Worker.TaskDefinitionArn });
                }

                public ComputeOutputs Outputs { get; }

                public ComputeRecord Record { get; }

                public ComputeEnvelope Envelope { get; }
            }

            public class OtherStack : Stack
            {
                public OtherStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    compute.Outputs.Both = new FargateTaskDefinition(this, "Both");
                }
            }

            public class Reader : Construct
            {
                public Reader(Construct scope, string id, ITaskDefinition task) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = task.TaskDefinitionArn });
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#0:compute.Outputs.Worker.TaskDefinitionArn|} });
                    var outputs = compute.Outputs;
                    new CfnOutput(this, "Later", new CfnOutputProps { Value = {|#1:outputs.Later!.TaskDefinitionArn|} });
                    new CfnOutput(this, "Record", new CfnOutputProps { Value = {|#2:compute.Record.Worker.TaskDefinitionArn|} });
                    new Reader(this, "Reader", {|#3:compute.Outputs.Worker|});
                    new CfnOutput(this, "Both", new CfnOutputProps { Value = compute.Outputs.Both!.TaskDefinitionArn });
                    new CfnOutput(this, "Found", new CfnOutputProps { Value = compute.Outputs.Found!.TaskDefinitionArn });
                    new CfnOutput(this, "InApp", new CfnOutputProps { Value = compute.Outputs.InApp!.TaskDefinitionArn });
                    new CfnOutput(this, "Started", new CfnOutputProps { Value = compute.Outputs.Started.TaskDefinitionArn });
                    new CfnOutput(this, "Envelope", new CfnOutputProps { Value = compute.Envelope.Worker.TaskDefinitionArn });
                }
            }

            public static class Wiring
            {
                public static void Wire(ComputeStack compute, ContainerStack container)
                    => compute.Outputs.InApp = container.TaskDef;
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Expected(2, "TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Expected(3, "Worker", "stack 'ComputeStack'", "ServiceStack"));

    /// <summary>
    /// A stack that keeps another stack's construct in an object it holds (<c>Outputs = new ComputeOutputs { Received =
    /// container.TaskDef }</c>, <c>Outputs.Later = …</c>, a local holding <c>Outputs</c>, a positional record kept in a
    /// member, or a local given to one; or one that another stack's code puts there, <c>compute.Outputs.Wired = …</c>)
    /// relays it: the fill renders nothing, and each read is that stack's construct
    /// where it is used, the relaying stack's own read included. Given to props a construct of the app's takes, kept in a
    /// field or not, it is a hand-over, reported where it is given (a construct taking <c>object</c> says nothing about
    /// props). A value the relaying stack received (<c>given</c>), or fills from two stacks, stay unknown and silent.
    /// </summary>
    [Fact]
    public Task ConstructOfAnotherStackKeptInAStacksObject_IsThatStacks()
        => VerifyAsync("""
            public class ComputeOutputs
            {
                public ITaskDefinition? Received { get; set; }

                public ITaskDefinition? Later { get; set; }

                public ITaskDefinition? Given { get; set; }

                public ITaskDefinition? Mixed { get; set; }

                public ITaskDefinition? Wired { get; set; }
            }

            public record Relay(ITaskDefinition Task);

            public class LauncherProps
            {
                public ITaskDefinition Task { get; init; } = null!;
            }

            public class Launcher : Construct
            {
                public Launcher(Construct scope, string id, LauncherProps props) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = props.Task.TaskDefinitionArn });
                }
            }

            public class Tagger : Construct
            {
                public Tagger(Construct scope, string id, object settings) : base(scope, id)
                {
                }
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id, ContainerStack container, ITaskDefinition given) : base(scope, id)
                {
                    Outputs = new ComputeOutputs { Received = container.TaskDef, Given = given, Mixed = container.TaskDef };
                    var outputs = Outputs;
                    outputs.Later = container.TaskDef;
                    Outputs.Mixed = new FargateTaskDefinition(this, "Own");
                    var made = new Relay(container.TaskDef);
                    Kept = made;
                    var extra = new ComputeOutputs();
                    extra.Later = container.TaskDef;
                    Extra = extra;
                    new Launcher(this, "Launcher", new LauncherProps { Task = {|#0:container.TaskDef|} });
                    _launcherProps = new LauncherProps { Task = {|#5:container.TaskDef|} };
                    new Launcher(this, "KeptProps", _launcherProps);
                    new CfnOutput(this, "Here", new CfnOutputProps { Value = {|#1:Outputs.Received!.TaskDefinitionArn|} });
                }

                public ComputeOutputs Outputs { get; }

                public Relay Kept { get; }

                public ComputeOutputs Extra { get; }

                private readonly LauncherProps _launcherProps;
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Received", new CfnOutputProps { Value = {|#2:compute.Outputs.Received!.TaskDefinitionArn|} });
                    new CfnOutput(this, "Later", new CfnOutputProps { Value = {|#3:compute.Outputs.Later!.TaskDefinitionArn|} });
                    new CfnOutput(this, "Kept", new CfnOutputProps { Value = {|#4:compute.Kept.Task.TaskDefinitionArn|} });
                    new CfnOutput(this, "Given", new CfnOutputProps { Value = compute.Outputs.Given!.TaskDefinitionArn });
                    new CfnOutput(this, "Mixed", new CfnOutputProps { Value = compute.Outputs.Mixed!.TaskDefinitionArn });
                    new CfnOutput(this, "Wired", new CfnOutputProps { Value = {|#6:compute.Outputs.Wired!.TaskDefinitionArn|} });
                }
            }

            public class WiringStack : Stack
            {
                public WiringStack(Construct scope, string id, ContainerStack container, ComputeStack compute) : base(scope, id)
                {
                    compute.Outputs.Wired = container.TaskDef;
                }
            }
            """,
            Expected(0, "TaskDef", "stack 'ContainerStack'", "ComputeStack"),
            Expected(1, "TaskDefinitionArn", "stack 'ContainerStack'", "ComputeStack"),
            Expected(2, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Expected(3, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Expected(4, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"),
            Expected(5, "TaskDef", "stack 'ContainerStack'", "ComputeStack"),
            Expected(6, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>
    /// A stack's outputs kept behind an interface of the app's (<c>IComputeOutputs Outputs</c>, read as
    /// <c>compute.Outputs.Worker</c>): owned by the stack every implementation's member is filled by. Implementations
    /// filled by two stacks, one that is a construct, or a member also assigned through the interface: unknown, silent.
    /// </summary>
    [Fact]
    public Task MemberOfAnInterfaceThePlainOutputsImplement_IsTheFillersStacks()
        => VerifyAsync("""
            public interface IComputeOutputs
            {
                ITaskDefinition Worker { get; }

                ITaskDefinition Shared { get; }
            }

            public interface ISettableOutputs
            {
                ITaskDefinition? Settable { get; set; }
            }

            public class ComputeOutputs : IComputeOutputs
            {
                public ITaskDefinition Worker { get; init; } = null!;

                public ITaskDefinition Shared { get; init; } = null!;
            }

            public record OtherOutputs(ITaskDefinition Worker, ITaskDefinition Shared) : IComputeOutputs;

            public class SettableOutputs : ISettableOutputs
            {
                public ITaskDefinition? Settable { get; set; }
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker");
                    Outputs = new ComputeOutputs { Worker = worker, Shared = worker };
                    Other = new OtherOutputs(new FargateTaskDefinition(this, "W2"), worker);
                    Settable = new SettableOutputs { Settable = worker };
                }

                public IComputeOutputs Outputs { get; }

                public IComputeOutputs Other { get; }

                public ISettableOutputs Settable { get; }
            }

            public class ElsewhereStack : Stack
            {
                public ElsewhereStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    compute.Settable.Settable = new FargateTaskDefinition(this, "Mine");
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#0:compute.Outputs.Worker.TaskDefinitionArn|} });
                    var other = compute.Other;
                    new CfnOutput(this, "Other", new CfnOutputProps { Value = {|#1:other.Shared.TaskDefinitionArn|} });
                    new CfnOutput(this, "Settable", new CfnOutputProps { Value = compute.Settable.Settable!.TaskDefinitionArn });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"),
            Expected(1, "TaskDefinitionArn", "stack 'ComputeStack'", "ServiceStack"));

    /// <summary>
    /// An interface implemented by plain outputs filled by two stack classes, or by a construct that fills its member in
    /// its own code: unknown, silent.
    /// </summary>
    [Fact]
    public Task MemberOfAnInterfaceImplementedAcrossStacksOrByAConstruct_IsUnknown()
        => VerifyAsync("""
            public interface IOutputs
            {
                ITaskDefinition Worker { get; }
            }

            public interface IHosted
            {
                ITaskDefinition Worker { get; }
            }

            public class AOutputs : IOutputs
            {
                public ITaskDefinition Worker { get; init; } = null!;
            }

            public class BOutputs : IOutputs
            {
                public ITaskDefinition Worker { get; init; } = null!;
            }

            public class Hosted : Construct, IHosted
            {
                public Hosted(Construct scope, string id) : base(scope, id) => Worker = new FargateTaskDefinition(this, "W");

                public ITaskDefinition Worker { get; }
            }

            public class AStack : Stack
            {
                public AStack(Construct scope, string id) : base(scope, id)
                {
                    Outputs = new AOutputs { Worker = new FargateTaskDefinition(this, "A") };
                    Hosted = new Hosted(this, "H");
                }

                public IOutputs Outputs { get; }

                public IHosted Hosted { get; }
            }

            public class BStack : Stack
            {
                public BStack(Construct scope, string id) : base(scope, id)
                {
                    Outputs = new BOutputs { Worker = new FargateTaskDefinition(this, "B") };
                }

                public IOutputs Outputs { get; }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, AStack a) : base(scope, id)
                {
                    new CfnOutput(this, "A", new CfnOutputProps { Value = a.Outputs.Worker.TaskDefinitionArn });
                    new CfnOutput(this, "H", new CfnOutputProps { Value = a.Hosted.Worker.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>
    /// Plain objects' members filled from each other in a cycle (<c>Shared.Worker = Shared.Other;</c> and back, an
    /// instance member set to itself): no owner, silent, and the search ends (it overflowed the stack before).
    /// </summary>
    [Fact]
    public Task PlainObjectMembersFilledFromEachOther_AreUnknown_AndTheSearchEnds()
        => VerifyAsync("""
            public static class Shared
            {
                public static ITaskDefinition Worker { get; set; } = null!;

                public static ITaskDefinition Other { get; set; } = null!;
            }

            public class Holder
            {
                public ITaskDefinition Task { get; set; } = null!;
            }

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    Shared.Worker = Shared.Other;
                    Shared.Other = Shared.Worker;
                    Holder = new Holder();
                    Holder.Task = Holder.Task;
                }

                public Holder Holder { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = Shared.Worker.TaskDefinitionArn });
                    new CfnOutput(this, "Task", new CfnOutputProps { Value = compute.Holder.Task.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>
    /// A static member of a plain class that one stack class sets to its own construct (<c>Shared.Worker = worker</c>)
    /// is that stack's: another stack's read is reported, the filler's own is not (it cannot tell its instances apart).
    /// Set to another stack's construct (<c>Shared.Received = other.TaskDef</c>), it is that stack's. An initial
    /// <c>null</c> is no value. Set by two stack classes: unknown, silent.
    /// </summary>
    [Fact]
    public Task StaticMemberOfAPlainClassFilledByOneStack_IsThatStacks()
        => VerifyAsync("""
            public static class Shared
            {
                public static ITaskDefinition? Worker { get; set; }

                public static ITaskDefinition? Both { get; set; }

                public static ITaskDefinition? Received { get; set; }

                public static ITaskDefinition? Started { get; set; } = null;
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id, ContainerStack other) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker");
                    Shared.Worker = worker;
                    Shared.Both = new FargateTaskDefinition(this, "Both");
                    Shared.Received = other.TaskDef;
                    Shared.Started = new FargateTaskDefinition(this, "Started");
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = Shared.Worker.TaskDefinitionArn });
                }
            }

            public class OtherStack : Stack
            {
                public OtherStack(Construct scope, string id) : base(scope, id)
                {
                    Shared.Both = new FargateTaskDefinition(this, "Both");
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = {|#0:Shared.Worker!.TaskDefinitionArn|} });
                    new CfnOutput(this, "Both", new CfnOutputProps { Value = Shared.Both!.TaskDefinitionArn });
                    new CfnOutput(this, "Received", new CfnOutputProps { Value = {|#2:Shared.Received!.TaskDefinitionArn|} });
                    new CfnOutput(this, "Started", new CfnOutputProps { Value = {|#1:Shared.Started!.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'PlatformStack'", "ReaderStack"),
            Expected(1, "TaskDefinitionArn", "stack 'PlatformStack'", "ReaderStack"),
            Expected(2, "TaskDefinitionArn", "stack 'ContainerStack'", "ReaderStack"));

    /// <summary>
    /// A registry filled through a method of its own (<c>registry.Register(worker)</c>): any stack that calls it may
    /// read back its own construct, and which do the model does not follow, so every read of that member is silent.
    /// A member only its constructor sets is still another stack's.
    /// </summary>
    [Fact]
    public Task RegistryFilledThroughItsOwnMethod_IsSilentForEveryReader()
        => VerifyAsync("""
            public class Registry
            {
                public Registry(ITaskDefinition fixedAtStart)
                {
                    Start = fixedAtStart;
                }

                public ITaskDefinition Start { get; }

                public ITaskDefinition? Worker { get; private set; }

                public void Register(ITaskDefinition worker) => Worker = worker;
            }

            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id, Registry registry) : base(scope, id)
                {
                    registry.Register(new FargateTaskDefinition(this, "Worker"));
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = registry.Worker!.TaskDefinitionArn });
                }
            }

            public class ReaderStack : Stack
            {
                public ReaderStack(Construct scope, string id, Registry registry) : base(scope, id)
                {
                    new CfnOutput(this, "Worker", new CfnOutputProps { Value = registry.Worker!.TaskDefinitionArn });
                    new CfnOutput(this, "Start", new CfnOutputProps { Value = {|#0:registry.Start.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "ReaderStack"));

    /// <summary>
    /// A construct the stack received through its constructor belongs to another stack, which one the model cannot
    /// tell (it may be the owner's): a value given to a construct created under it has an unknown consumer, and the
    /// rule stays silent rather than charge it to the stack whose code runs.
    /// </summary>
    [Fact]
    public Task OutputScopedToAConstructTheStackReceived_DoesNotTrigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container, Construct received) : base(scope, id)
                {
                    new CfnOutput(received, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>
    /// <c>construct.Node.DefaultChild</c>, the escape hatch to a construct's own L1 resource, is a child of that
    /// construct, in its stack: another stack's read of its <c>Ref</c> imports it, the owner's own read does not.
    /// </summary>
    [Fact]
    public Task EscapeHatchToAnotherStacksL1_Triggers_TheOwnersOwnDoesNot()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var cfn = (CfnTaskDefinition)container.TaskDef.Node.DefaultChild!;
                    new CfnOutput(this, "Cast", new CfnOutputProps { Value = {|#0:cfn.Ref|} });
                    new CfnOutput(this, "As", new CfnOutputProps { Value = {|#1:(container.TaskDef.Node.DefaultChild as CfnTaskDefinition)!.Ref|} });
                }
            }

            public class OwnStack : Stack
            {
                public OwnStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    var cfn = (CfnTaskDefinition)taskDef.Node.DefaultChild!;
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = cfn.Ref });
                }
            }
            """,
            Expected(0, "Ref", "stack 'ContainerStack'", "ServiceStack"),
            Expected(1, "Ref", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>A member named like the escape hatch on a plain object of another stack says nothing of its owner: silent.</summary>
    [Fact]
    public Task MemberNamedDefaultChild_OnAPlainObject_DoesNotTrigger()
        => VerifyAsync("""
            public class Box
            {
                public IConstruct? DefaultChild { get; set; }
            }

            public class BoxStack : Stack
            {
                public BoxStack(Construct scope, string id) : base(scope, id)
                {
                }

                public Box Box { get; } = new Box();
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, BoxStack boxes) : base(scope, id)
                {
                    var cfn = (CfnTaskDefinition)boxes.Box.DefaultChild!;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = cfn.Ref });
                }
            }
            """);

    /// <summary>
    /// A private helper's scope parameter is the stack every call of it in its class passes: called only with scopes
    /// of this stack (<c>this</c>, a construct created under it), an output it creates there imports the other stack's ARN.
    /// </summary>
    [Fact]
    public Task HelperScopeParameter_EveryCallPassesThisStack_Triggers()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                private readonly ContainerStack _container;

                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    _container = container;
                    AddOutput(this, "A");
                    this.AddOutput(new Construct(this, "Group"), "B");
                }

                private void AddOutput(Construct scope, string id)
                    => new CfnOutput(scope, id, new CfnOutputProps { Value = {|#0:_container.TaskDef.TaskDefinitionArn|} });
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>
    /// Calls that disagree (this stack and the owner's), or a use of the helper other than a call (a method group), leave
    /// the scope parameter's stack unknown: silent.
    /// </summary>
    [Theory]
    [InlineData("AddOutput(this, \"A\"); AddOutput(container, \"B\");")]
    [InlineData("AddOutput(container, \"A\"); AddOutput(this, \"B\");")]
    [InlineData("AddOutput(this, \"A\"); System.Action<Construct, string> later = AddOutput;")]
    [InlineData("AddOutput(container, \"A\");")]
    public Task HelperScopeParameter_CallsThatDisagreeOrAreNotCalls_DoNotTrigger(string calls)
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                private readonly ContainerStack _container;

                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    _container = container;
                    CALLS
                }

                private void AddOutput(Construct scope, string id)
                    => new CfnOutput(scope, id, new CfnOutputProps { Value = _container.TaskDef.TaskDefinitionArn });
            }
            """.Replace("CALLS", calls, System.StringComparison.Ordinal));

    /// <summary>A static method of a stack class runs for no instance: the stack its scope belongs to is unknown.</summary>
    [Fact]
    public Task StaticMethodOfAStackClass_HasNoStackOfItsOwn_DoesNotTrigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                }

                public static void Publish(Construct scope, ContainerStack container)
                {
                    new CfnOutput(scope, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>
    /// A construct that is not a stack may be created in any stack, the owner's included: neither a construct it
    /// creates under itself nor its own code (a value kept in a member) has a stack the model can name.
    /// </summary>
    [Fact]
    public Task ConstructClassReadingAStacksValue_DoesNotTrigger()
        => VerifyAsync("""
            public class Publisher : Construct
            {
                public Publisher(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
                    Kept = container.TaskDef.TaskDefinitionArn;
                }

                public string Kept { get; }
            }
            """);

    /// <summary>Both branches of a conditional must agree on the owner; two stacks make it unknown.</summary>
    [Fact]
    public Task ConditionalBetweenTwoStacks_DoesNotTrigger()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack blue, ContainerStack green, bool useGreen) : base(scope, id)
                {
                    var taskDef = useGreen ? green.TaskDef : blue.TaskDef;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>
    /// The syntactic prefilter lets every form of a receiver through that can hold a task definition: casts, <c>as</c>,
    /// <c>!</c>, parentheses, <c>?.</c>, conditionals and coalescing of one owner, <c>foreach</c> and typed locals.
    /// </summary>
    [Theory]
    [InlineData("((FargateTaskDefinition)container.TaskDef).TaskDefinitionArn")]
    [InlineData("(container.TaskDef as FargateTaskDefinition)!.TaskDefinitionArn")]
    [InlineData("container.TaskDef!.TaskDefinitionArn")]
    [InlineData("container?.TaskDef.TaskDefinitionArn")]
    [InlineData("(primary ? container.TaskDef : container.TaskDef).TaskDefinitionArn")]
    [InlineData("(container.TaskDef ?? container.TaskDef).TaskDefinitionArn")]
    [InlineData("typed.TaskDefinitionArn")]
    [InlineData("inferred.TaskDefinitionArn")]
    public Task ReceiverInAnyForm_ReachesTheOwnershipModel_Triggers(string read)
        => VerifyAsync($$"""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container, bool primary) : base(scope, id)
                {
                    FargateTaskDefinition typed = container.TaskDef;
                    var inferred = container.TaskDef;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:{{read}}|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>
    /// A <c>foreach</c> over another stack's task definitions: the read through the loop variable has no single
    /// source, but the construct handed into the collection is used by this stack, and is reported there.
    /// </summary>
    [Fact]
    public Task ForEachOverAnotherStacksConstructs_IsReportedWhereTheConstructIsHandedOver()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    foreach (var taskDef in new[] { {|#0:container.TaskDef|} })
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    }
                }
            }
            """,
            Expected(0, "TaskDef", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>
    /// The same through a list or a collection expression: a list's initializer, an <c>Add</c> to a local, a collection
    /// expression. Added to the stack's own field, looped in another method, the element is followed to the read, which
    /// is reported instead (once). A list of them nothing renders from (counted) is silent.
    /// </summary>
    [Theory]
    [InlineData("var tasks = new List<ITaskDefinition> { {|#0:container.TaskDef|} };")]
    [InlineData("var tasks = new List<ITaskDefinition>(); tasks.Add({|#0:container.TaskDef|});")]
    [InlineData("ITaskDefinition[] tasks = [{|#0:container.TaskDef|}];")]
    [InlineData("List<ITaskDefinition> tasks = [{|#0:container.TaskDef|}];")]
    [InlineData("_tasks.Add(container.TaskDef); var tasks = new List<ITaskDefinition>();", 1)]
    [InlineData("var counted = new List<ITaskDefinition> { container.TaskDef }; counted.Add(container.TaskDef); var tasks = new List<ITaskDefinition>(); new CfnOutput(this, \"Count\", new CfnOutputProps { Value = counted.Count.ToString() });")]
    public Task ForEachOverAListOfAnotherStacksConstructs_IsReportedWhereTheConstructIsAdded(string collection, int fieldReads = 0)
        => VerifyAsync($$"""
            public class ServiceStack : Stack
            {
                private readonly List<ITaskDefinition> _tasks = new();

                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    {{collection}}
                    foreach (var taskDef in tasks)
                    {
                        new CfnOutput(this, "Arn" + taskDef.Node.Id, new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    }

                    Publish();
                }

                private void Publish()
                {
                    foreach (var taskDef in _tasks)
                    {
                        new CfnOutput(this, "Field" + taskDef.Node.Id, new CfnOutputProps { Value = {|#1:taskDef.TaskDefinitionArn|} });
                    }
                }
            }
            """,
            collection.Contains("#0", System.StringComparison.Ordinal) ? new[] { Expected(0, "TaskDef", "stack 'ContainerStack'", "ServiceStack") }
                : fieldReads == 1 ? new[] { Expected(1, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack") }
                : System.Array.Empty<DiagnosticResult>());

    /// <summary>
    /// The name index follows subclasses of subclasses and aliases of them to a fixed point, whatever order they are
    /// declared in: a member typed as the most derived class is a task definition too.
    /// </summary>
    [Fact]
    public Task MemberTypedAsASubclassOfASubclass_DeclaredFirst_Triggers()
        => VerifyAsync("""
            public class AppTaskDefinition : BaseTaskDefinition
            {
                public AppTaskDefinition(Construct scope, string id) : base(scope, id)
                {
                }
            }

            public class BaseTaskDefinition : FargateTaskDefinition
            {
                public BaseTaskDefinition(Construct scope, string id) : base(scope, id)
                {
                }
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id) : base(scope, id)
                {
                    Runner = new AppTaskDefinition(this, "Runner");
                }

                public AppTaskDefinition Runner { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, WorkerStack worker) : base(scope, id)
                {
                    new FargateService(this, "Service", new FargateServiceProps { Cluster = new Cluster(this, "Cluster"), TaskDefinition = {|#0:worker.Runner|} });
                }
            }
            """,
            Expected(0, "Runner", "stack 'WorkerStack'", "ServiceStack"));

    /// <summary>Every arm of a long switch is followed (each within the walk's depth budget, not all of them together).</summary>
    [Fact]
    public Task SwitchWithManyArms_AllCreatedUnderTheStack_IsOwnedByIt_Triggers()
    {
        var arms = string.Concat(Enumerable.Range(1, 24).Select(i => $"\"size{i}\" => new FargateTaskDefinition(this, \"Size{i}\"),\n"));
        return VerifyAsync($$"""
            public class SizedStack : Stack
            {
                public SizedStack(Construct scope, string id, string size) : base(scope, id)
                {
                    Sized = size switch
                    {
                        {{arms}}_ => new FargateTaskDefinition(this, "Default"),
                    };
                }

                public TaskDefinition Sized { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, SizedStack sized) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:sized.Sized.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'SizedStack'", "ServiceStack"));
    }

    /// <summary>A stack hands its own task definition's ARN to a construct it creates in another stack, through the props.</summary>
    [Fact]
    public Task OwnValueGivenToAConstructInAnotherStack_ThroughProps_Triggers()
        => VerifyAsync(CdkSources.PublishingStacks("new CfnOutput({|#1:monitoring|}, \"Arn\", new CfnOutputProps { Value = {|#0:taskDef.TaskDefinitionArn|} });"),
            Expected(0, "TaskDefinitionArn", "stack 'PublishingStack'", "MonitoringStack").WithLocation(1));

    /// <summary>The same hand-over through the object initializer of the construct: the scope is still the other stack, not this one.</summary>
    [Fact]
    public Task OwnValueGivenToAConstructInAnotherStack_ThroughItsObjectInitializer_Triggers()
        => VerifyAsync(CdkSources.PublishingStacks("new CfnOutput({|#1:monitoring|}, \"Arn\", new CfnOutputProps { Value = \"pending\" }) { Value = {|#0:taskDef.TaskDefinitionArn|} };"),
            Expected(0, "TaskDefinitionArn", "stack 'PublishingStack'", "MonitoringStack").WithLocation(1));

    /// <summary>The same hand-over by setting the property of a construct created in the other stack.</summary>
    [Fact]
    public Task OwnValueSetOnAConstructInAnotherStack_Triggers()
        => VerifyAsync(CdkSources.PublishingStacks("var output = new CfnOutput(monitoring, \"Arn\", new CfnOutputProps { Value = \"pending\" }); {|#1:output|}.Value = {|#0:taskDef.TaskDefinitionArn|};"),
            Expected(0, "TaskDefinitionArn", "stack 'PublishingStack'", "MonitoringStack").WithLocation(1));

    /// <summary>
    /// A value that came in through the stack's constructor belongs to some other stack, but not necessarily to
    /// another one than a third stack it is handed on to (it may be that stack's own): unknown, silent.
    /// </summary>
    [Fact]
    public Task ValueFromTheConstructorHandedToAThirdStack_DoesNotTrigger()
        => VerifyAsync("""
            public class MonitoringStack : Stack
            {
                public MonitoringStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef");
                }

                public FargateTaskDefinition TaskDef { get; }
            }

            public class RelayStack : Stack
            {
                public RelayStack(Construct scope, string id, ITaskDefinition taskDef, MonitoringStack monitoring) : base(scope, id)
                {
                    new CfnOutput(monitoring, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>App-level wiring: a value assigned to a local after its declaration is followed to where the local goes.</summary>
    [Fact]
    public Task ValueAssignedToALocalLater_IsFollowedToItsConsumer_Triggers()
        => VerifyAsync("""
            public static class Wiring
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    var service = new Stack(app, "Service");
                    string arn;
                    arn = {|#0:container.TaskDef.TaskDefinitionArn|};
                    new CfnOutput(service, "Arn", new CfnOutputProps { Value = arn });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "Stack"));

    /// <summary>App-level wiring: a value set on a member of a local props object goes into the stack built with it.</summary>
    [Fact]
    public Task ValueSetOnALocalPropsObject_GoesToTheStackBuiltWithIt_Triggers()
        => VerifyAsync("""
            public class ServiceStackProps : StackProps
            {
                public string Arn { get; set; } = "";
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
                {
                }
            }

            public static class Wiring
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    var props = new ServiceStackProps();
                    props.Arn = {|#0:container.TaskDef.TaskDefinitionArn|};
                    new ServiceStack(app, "Service", props);
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>
    /// The syntactic shortcut ("created under <c>this</c> and used under <c>this</c>") must not take a member that the
    /// class fills from another stack for one of its own: the read is reported.
    /// </summary>
    [Theory]
    [InlineData("_taskDef = container.TaskDef;")]
    [InlineData("_taskDef ??= container.TaskDef;")]
    public Task MemberFilledFromAnotherStack_IsNotTakenForThisStacksOwn_Triggers(string assignments)
        => VerifyAsync($$"""
            public class ServiceStack : Stack
            {
                private FargateTaskDefinition _taskDef = null!;

                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    {{assignments}}
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:_taskDef.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>A local read twice in one value is followed twice: meeting it again is not a cycle.</summary>
    [Fact]
    public Task LocalReadTwiceInOneValue_IsFollowedBothTimes_Triggers()
        => VerifyAsync("""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container, bool primary) : base(scope, id)
                {
                    var taskDef = container.TaskDef;
                    var chosen = primary ? taskDef : taskDef;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:chosen.TaskDefinitionArn|} });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack"));

    /// <summary>What another stack was given through its constructor, its class cannot say who owns.</summary>
    [Fact]
    public Task MemberAnotherStackGotThroughItsConstructor_DoesNotTrigger()
        => VerifyAsync("""
            public class ForwardingStack : Stack
            {
                public ForwardingStack(Construct scope, string id, FargateTaskDefinition taskDef) : base(scope, id)
                {
                    TaskDef = taskDef;
                }

                public FargateTaskDefinition TaskDef { get; }

                public FargateTaskDefinition Current() => TaskDef;
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ForwardingStack forwarding) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = forwarding.TaskDef.TaskDefinitionArn });
                    new CfnOutput(this, "Current", new CfnOutputProps { Value = forwarding.Current().TaskDefinitionArn });
                }
            }
            """);

    /// <summary>A static member is owned by its class's stack only when the class's own code creates it under <c>this</c>.</summary>
    [Fact]
    public Task StaticMemberSetFromAConstructorParameter_DoesNotTrigger()
        => VerifyAsync("""
            public class RegistryStack : Stack
            {
                public RegistryStack(Construct scope, string id, FargateTaskDefinition external) : base(scope, id)
                {
                    Shared = external;
                }

                public static FargateTaskDefinition? Shared { get; private set; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = RegistryStack.Shared!.TaskDefinitionArn });
                }
            }
            """);

    /// <summary>
    /// The depth budget of one search (<see cref="ResolutionWalk.MaxDepth"/> steps): a chain of locals that long is
    /// followed; one far longer is cut short, and a cut-short answer is unknown, so silent.
    /// </summary>
    [Theory]
    [InlineData(4, true)]
    [InlineData(40, false)]
    public Task ChainOfLocals_IsFollowedWithinTheDepthBudget(int links, bool reported)
    {
        var chain = string.Join("\n", Enumerable.Range(1, links).Select(i => $"        var link{i} = link{i - 1};"));
        return VerifyAsync($$"""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var link0 = container.TaskDef;
            {{chain}}
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:link{{links}}.TaskDefinitionArn|} });
                }
            }
            """,
            reported ? new[] { Expected(0, "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack") } : System.Array.Empty<DiagnosticResult>());
    }

    /// <summary>
    /// The nesting budget of member resolutions (<see cref="ResolutionWalk.MaxMemberNesting"/>): <c>LinkN</c> takes
    /// N + 1 nested resolutions, so <c>Link31</c> is found and <c>Link32</c> is unknown. An answer cut short is not
    /// cached: after a read of <c>Link60</c> (which cuts <c>Link29</c> to <c>Link60</c> short), <c>Link31</c> is still found.
    /// </summary>
    [Theory]
    [InlineData("Link31", true)]
    [InlineData("Link32", false)]
    [InlineData("Link60;Link31", true)]
    public Task ChainOfMembers_WithinTheNestingBudget_AndCutShortAnswersAreNotCached(string reads, bool lastReported)
    {
        var members = string.Join("\n", Enumerable.Range(1, 60).Select(i => $"    public FargateTaskDefinition Link{i} => Link{i - 1};"));
        var names = reads.Split(';');
        var outputs = string.Join("\n", names.Select((name, i) => i == names.Length - 1
            ? $"        new CfnOutput(this, \"Out{i}\", new CfnOutputProps {{ Value = {{|#0:chain.{name}.TaskDefinitionArn|}} }});"
            : $"        new CfnOutput(this, \"Out{i}\", new CfnOutputProps {{ Value = chain.{name}.TaskDefinitionArn }});"));
        return Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + $$"""
                    public class ChainStack : Stack
                    {
                        public ChainStack(Construct scope, string id) : base(scope, id)
                        {
                            Link0 = new FargateTaskDefinition(this, "TaskDef");
                        }

                        public FargateTaskDefinition Link0 { get; }

                    {{members}}
                    }

                    public class ServiceStack : Stack
                    {
                        public ServiceStack(Construct scope, string id, ChainStack chain) : base(scope, id)
                        {
                    {{outputs}}
                        }
                    }
                    """,
            },
            withCdk: true,
            editorConfig: null,
            lastReported ? new[] { Expected(0, "TaskDefinitionArn", "stack 'ChainStack'", "ServiceStack") } : System.Array.Empty<DiagnosticResult>());
    }
}
