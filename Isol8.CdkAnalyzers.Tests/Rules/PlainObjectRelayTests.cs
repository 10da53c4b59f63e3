using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A plain object of strings (a record, a class of init properties) that one stack class fills with its own
/// constructs' volatile reads carries the tokens: another stack reading it imports them. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.PlainObjectsFilledByTheOwner_AreImportedWhereRead_AndReportedThere</c>.
/// </summary>
public class PlainObjectRelayTests
{
    private const string Reader = """
        public class ReaderStack : Stack
        {
            public ReaderStack(Construct scope, string id, ComputeStack compute, ComputeOutputs outputs) : base(scope, id)
            {
                new CfnOutput(this, "Held", new CfnOutputProps { Value = READ_HELD });
                new CfnOutput(this, "Received", new CfnOutputProps { Value = READ_RECEIVED });
            }
        }
        """;

    private static DiagnosticResult Expected(int location, string member, string owner = "stack 'ComputeStack'")
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, owner, "ReaderStack");

    /// <summary>
    /// <c>ComputeStack</c> (a worker task definition and a function) declaring <paramref name="outputs"/> and filling its
    /// <c>Outputs</c> member with <paramref name="fill"/>; <c>ReaderStack</c> reads <c>compute.Outputs.WorkerArn</c> and a
    /// received <c>outputs.WorkerArn</c>, marked by <paramref name="held"/> and <paramref name="received"/>.
    /// </summary>
    private static Task VerifyAsync(string outputs, string fill, string held, string received, string extra, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + outputs + """

                public partial class ComputeStack : Stack
                {
                    public ComputeStack(Construct scope, string id) : base(scope, id)
                    {
                        var worker = new FargateTaskDefinition(this, "Worker");
                        var handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                        FILL
                    }

                    public ComputeOutputs Outputs { get; }
                }
                """.Replace("FILL", fill, System.StringComparison.Ordinal),
                CdkSources.Usings + Reader.Replace("READ_HELD", held, System.StringComparison.Ordinal).Replace("READ_RECEIVED", received, System.StringComparison.Ordinal) + extra,
            },
            withCdk: true,
            editorConfig: null,
            expected);

    [Theory]
    [InlineData("public record ComputeOutputs(string WorkerArn, string HandlerVersion);", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn, handler.CurrentVersion.FunctionArn);")]
    [InlineData("public record ComputeOutputs(string WorkerArn, string HandlerVersion);", "Outputs = new(HandlerVersion: handler.CurrentVersion.Version, WorkerArn: (worker.TaskDefinitionArn));")]
    [InlineData("public record ComputeOutputs(string WorkerArn, string HandlerVersion);", "Outputs = new global::ComputeOutputs(worker.TaskDefinitionArn, \"none\");")]
    [InlineData("public class ComputeOutputs { public string WorkerArn { get; init; } = \"\"; }", "Outputs = new ComputeOutputs { WorkerArn = worker.TaskDefinitionArn };")]
    [InlineData("public class ComputeOutputs { public required string WorkerArn { get; init; } }", "Outputs = new() { WorkerArn = worker.TaskDefinitionArn };")]
    [InlineData("public class ComputeOutputs { public string WorkerArn = null!; }", "var outputs = new ComputeOutputs(); outputs.WorkerArn = worker.TaskDefinitionArn; Outputs = outputs;")]
    [InlineData("public struct ComputeOutputs { public string WorkerArn { get; set; } }", "Outputs = new ComputeOutputs { WorkerArn = worker.TaskDefinitionArn };")]
    public Task FilledByTheOwnerWithItsOwnVolatileRead_ReadByAnotherStack_Triggers(string outputs, string fill)
        => VerifyAsync(outputs, fill, "{|#0:compute.Outputs.WorkerArn|}", "{|#1:outputs.WorkerArn|}", string.Empty, Expected(0, "WorkerArn"), Expected(1, "WorkerArn"));

    /// <summary>Read by the stack class that fills it (any instance of it may be the one that did), it imports nothing.</summary>
    [Fact]
    public Task ReadByTheFillingClass_DoesNotTrigger()
        => VerifyAsync(
            "public record ComputeOutputs(string WorkerArn);",
            """
            Outputs = new ComputeOutputs(worker.TaskDefinitionArn);
                    new CfnOutput(this, "Own", new CfnOutputProps { Value = Outputs.WorkerArn });
            """,
            "\"none\"",
            "\"none\"",
            """

            public class DerivedComputeStack : ComputeStack
            {
                public DerivedComputeStack(Construct scope, string id, ComputeOutputs outputs) : base(scope, id)
                {
                    new CfnOutput(this, "Base", new CfnOutputProps { Value = Outputs.WorkerArn });
                    new CfnOutput(this, "Received", new CfnOutputProps { Value = outputs.WorkerArn });
                }
            }
            """);

    /// <summary>
    /// Not a relay: a value anywhere that is no volatile read of the filler's own construct (a literal, a family, a
    /// parameter, a <c>with</c>), a second filling class, a record that passes values through a constructor of its
    /// own or a derived record, a value computed by the object itself.
    /// </summary>
    [Theory]
    [InlineData("public record ComputeOutputs(string WorkerArn);", "Outputs = new ComputeOutputs(worker.Family);", "")]
    [InlineData("public record ComputeOutputs(string WorkerArn);", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);", "public static class Fake { public static ComputeOutputs Make() => new ComputeOutputs(\"arn:aws:ecs:eu-west-1:1:task-definition/x:1\"); }")]
    [InlineData("public record ComputeOutputs(string WorkerArn);", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);", "public static class Fake { public static ComputeOutputs Make(ComputeOutputs o) => o with { WorkerArn = \"x\" }; }")]
    [InlineData("public record ComputeOutputs(string WorkerArn);", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);", "public static class Fake { public static ComputeOutputs Make() => new(\"arn:aws:ecs:eu-west-1:1:task-definition/x:1\"); }")]
    [InlineData("public record ComputeOutputs(string WorkerArn = \"none\");", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);", "public static class Fake { public static ComputeOutputs Make() => new ComputeOutputs(); }")]
    [InlineData("public record ComputeOutputs(string WorkerArn = \"none\");", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);", "public static class Fake { public static ComputeOutputs Make() => new ComputeOutputs { }; }")]
    [InlineData("public record ComputeOutputs(string Unused, string WorkerArn);", "Outputs = new ComputeOutputs(\"x\", worker.TaskDefinitionArn);", "public static class Fake { public static ComputeOutputs Make() => new(WorkerArn: \"x\", Unused: \"y\"); }")]
    [InlineData("public record ComputeOutputs(string WorkerArn);", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);", "public class Other : Stack { public Other(Construct s, string id) : base(s, id) { var td = new FargateTaskDefinition(this, \"T\"); new CfnOutput(this, \"O\", new CfnOutputProps { Value = new ComputeOutputs(td.TaskDefinitionArn).WorkerArn }); } }")]
    [InlineData("public record ComputeOutputs(string WorkerArn) { public ComputeOutputs() : this(\"none\") { } }", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);", "")]
    [InlineData("public record ComputeOutputs(string WorkerArn);", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);", "public record MoreOutputs(string Arn) : ComputeOutputs(Arn);")]
    [InlineData("public class ComputeOutputs { public ComputeOutputs(string arn) { WorkerArn = arn; } public string WorkerArn { get; } }", "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);", "")]
    [InlineData("public class ComputeOutputs { public string WorkerArn { get; set; } = \"none\"; }", "Outputs = new ComputeOutputs { WorkerArn = worker.TaskDefinitionArn };", "")]
    [InlineData("public class ComputeOutputs { public string WorkerArn { get; set; } = \"\"; }", "Outputs = new ComputeOutputs { WorkerArn = worker.TaskDefinitionArn };", "public static class Fill { public static void Into(ComputeOutputs o, string arn) => o.WorkerArn = arn; }")]
    [InlineData("public class ComputeOutputs { public string WorkerArn { get; set; } = \"\"; }", "Outputs = new ComputeOutputs { WorkerArn = worker.TaskDefinitionArn }; Outputs.WorkerArn += \"-x\";", "")]
    [InlineData("public class ComputeOutputs { public string WorkerArn => \"x\"; }", "Outputs = new ComputeOutputs();", "")]
    public Task NotFilledOnlyByTheOwnersVolatileReads_DoesNotTrigger(string outputs, string fill, string extra)
        => VerifyAsync(outputs, fill, "compute.Outputs.WorkerArn", "outputs.WorkerArn", extra);

    /// <summary>
    /// Filled at the app's level from another stack's construct: the app-level read is reported (it flows into the
    /// reader's construction), the reader's read of its props is not reported again.
    /// </summary>
    [Fact]
    public Task FilledAtAppLevel_IsReportedWhereItIsRead_Once()
        => VerifyAsync(
            "public record ComputeOutputs(string WorkerArn);",
            "Worker = worker;",
            "\"none\"",
            "outputs.WorkerArn",
            """

            public partial class ComputeStack
            {
                public FargateTaskDefinition Worker { get; private set; } = null!;
            }

            public static class Wiring
            {
                public static void Build(App app)
                {
                    var compute = new ComputeStack(app, "Compute");
                    new ReaderStack(app, "Reader", compute, new ComputeOutputs({|#0:compute.Worker.TaskDefinitionArn|}));
                }
            }
            """,
            Expected(0, "TaskDefinitionArn"));

    /// <summary>
    /// The owner fills the app's own construct's props with its volatile read for a construct under another stack: that
    /// fill is reported (the value is used there); the construct's read of its props is not reported again.
    /// </summary>
    [Fact]
    public Task FillForAConstructUnderAnotherStack_IsReportedAtTheFill_Once()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class ReporterProps
                {
                    public string Arn { get; init; } = "";
                }

                public class Reporter : Construct
                {
                    public Reporter(Construct scope, string id, ReporterProps props) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = props.Arn });
                    }
                }

                public class ComputeStack : Stack
                {
                    public ComputeStack(Construct scope, string id, ReaderStack reader) : base(scope, id)
                    {
                        var worker = new FargateTaskDefinition(this, "Worker");
                        new Reporter({|#1:reader|}, "Reporter", new ReporterProps { Arn = {|#0:worker.TaskDefinitionArn|} });
                    }
                }

                public class ReaderStack : Stack
                {
                    public ReaderStack(Construct scope, string id) : base(scope, id)
                    {
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithLocation(1).WithArguments("TaskDefinitionArn", "stack 'ComputeStack'", "ReaderStack"));

    /// <summary>
    /// A stack that keeps another stack's volatile read in an object it holds (<c>Outputs = new ComputeOutputs { TaskArn
    /// = container.TaskDef.TaskDefinitionArn }</c>, a positional record) relays that stack's value: the fill renders
    /// nothing and is not reported; each read is reported where it is used, the relaying stack's own included, owned by
    /// the stack whose construct was read. Given to props a construct of the app's takes, it is rendered there: reported
    /// at the fill, as before. Fills from two stacks: no relay, each fill is examined where it is.
    /// </summary>
    [Fact]
    public Task AnotherStacksReadKeptInAStacksObject_IsReportedWhereRead()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public class ComputeOutputs
                {
                    public string TaskArn { get; init; } = "";

                    public string Mixed { get; set; } = "";
                }

                public record ComputeRecord(string TaskArn);

                public class ReporterProps
                {
                    public string Arn { get; init; } = "";
                }

                public class Reporter : Construct
                {
                    public Reporter(Construct scope, string id, ReporterProps props) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = props.Arn });
                    }
                }

                public class ComputeStack : Stack
                {
                    public ComputeStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                    {
                        Outputs = new ComputeOutputs { TaskArn = container.TaskDef.TaskDefinitionArn, Mixed = {|#0:container.TaskDef.TaskDefinitionArn|} };
                        Outputs.Mixed = new FargateTaskDefinition(this, "Own").TaskDefinitionArn;
                        Record = new ComputeRecord(container.TaskDef.TaskDefinitionArn);
                        new Reporter(this, "Reporter", new ReporterProps { Arn = {|#1:container.TaskDef.TaskDefinitionArn|} });
                        new CfnOutput(this, "Here", new CfnOutputProps { Value = {|#2:Outputs.TaskArn|} });
                    }

                    public ComputeOutputs Outputs { get; }

                    public ComputeRecord Record { get; }
                }

                public class ReaderStack : Stack
                {
                    public ReaderStack(Construct scope, string id, ComputeStack compute) : base(scope, id)
                    {
                        new CfnOutput(this, "Held", new CfnOutputProps { Value = {|#3:compute.Outputs.TaskArn|} });
                        new CfnOutput(this, "Record", new CfnOutputProps { Value = {|#4:compute.Record.TaskArn|} });
                        new CfnOutput(this, "Mixed", new CfnOutputProps { Value = compute.Outputs.Mixed });
                    }
                }
                """,
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ComputeStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(1).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "ComputeStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2).WithArguments("TaskArn", "stack 'ContainerStack'", "ComputeStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(3).WithArguments("TaskArn", "stack 'ContainerStack'", "ReaderStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(4).WithArguments("TaskArn", "stack 'ContainerStack'", "ReaderStack"));

    /// <summary>Read through the app's own interface that the record implements: reported, owned by the filler.</summary>
    [Fact]
    public Task ReadThroughAnInterfaceTheRecordImplements_Triggers()
        => VerifyAsync(
            "public interface IWorkerOutputs { string WorkerArn { get; } }\npublic record ComputeOutputs(string WorkerArn) : IWorkerOutputs;",
            "Outputs = new ComputeOutputs(worker.TaskDefinitionArn);",
            "{|#0:((IWorkerOutputs)compute.Outputs).WorkerArn|}",
            "\"none\"",
            string.Empty,
            Expected(0, "WorkerArn"));
}
