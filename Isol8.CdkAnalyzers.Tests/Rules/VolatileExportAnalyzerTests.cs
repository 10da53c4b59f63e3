using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.VolatileExportAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class VolatileExportAnalyzerTests
{
    private static DiagnosticResult Expected(int location, string member)
        => new DiagnosticResult(DiagnosticIds.VolatileExport, DiagnosticSeverity.Warning).WithLocation(location).WithArguments(member);

    [Fact]
    public Task ExportValueAndExportedOutput_Trigger()
        => Verify.VerifyAsync(CdkSources.Usings + CdkSources.FunctionStack + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ExportValue({|#0:taskDef.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8-openclaw-task-definition" });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#1:taskDef.TaskDefinitionArn|}, ExportName = "isol8-openclaw-arn" });
                }
            }

            public static class Wiring
            {
                public static void Build(App app)
                {
                    var functions = new FunctionStack(app, "Functions");
                    functions.ExportValue({|#2:functions.Handler.CurrentVersion.FunctionArn|});
                }
            }
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"),
            Expected(2, "FunctionArn"));

    /// <summary>
    /// An output's <c>ExportName</c> set apart from its props exports its value just the same: in the output's own
    /// initializer, or later on the local that holds it; reported where it is named (the rule is called for that node).
    /// A stable value, a null name, a local assigned another output, or another class's <c>ExportName</c> do not trigger.
    /// </summary>
    [Fact]
    public Task ExportNameSetApartFromTheProps_Triggers()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id, bool again) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                    new CfnOutput(this, "Initializer", new CfnOutputProps { Value = taskDef.TaskDefinitionArn }) { {|#0:ExportName = "isol8-initializer-arn"|} };
                    var late = new CfnOutput(this, "Late", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    {|#1:late.ExportName = "isol8-late-arn"|};

                    var family = new CfnOutput(this, "Family", new CfnOutputProps { Value = taskDef.Family });
                    family.ExportName = "isol8-family";
                    var unnamed = new CfnOutput(this, "Unnamed", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    unnamed.ExportName = null;
                    var replaced = new CfnOutput(this, "First", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    if (again)
                    {
                        replaced = new CfnOutput(this, "Second", new CfnOutputProps { Value = "fixed" });
                    }

                    replaced.ExportName = "isol8-replaced";
                    var holder = new NameHolder { ExportName = "not-an-output" };
                    holder.ExportName = "still-not";
                }
            }

            public class NameHolder
            {
                public string? ExportName { get; set; }
            }
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"));

    [Fact]
    public Task UnexportedOutputsStableValuesAndImports_DoNotTrigger()
        => Verify.VerifyAsync(CdkSources.Usings + CdkSources.FunctionStack + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    new CfnOutput(this, "Family", new CfnOutputProps { Value = taskDef.Family, ExportName = "isol8-openclaw-family" });
                    ExportValue(functions.Handler.FunctionArn);
                    var imported = TaskDefinition.FromTaskDefinitionArn(this, "Imported", "arn:aws:ecs:eu-west-1:123456789012:task-definition/other:1");
                    ExportValue(imported.TaskDefinitionArn);
                }
            }
            """);

    /// <summary>
    /// The value exported is volatile when it comes from a volatile read by way of a local, a string built from it
    /// (interpolated or concatenated), a stack's string member or method relaying it (<c>ApiArn</c> set to
    /// <c>api.TaskDefinitionArn</c>, <c>NightlyArn()</c>), or a record the stack fills with it: each synthesizes to an export of the same reference.
    /// </summary>
    [Fact]
    public Task ValuesBuiltFromAVolatileRead_Trigger()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    Nightly = taskDef;
                    ApiArn = taskDef.TaskDefinitionArn;
                    var arn = taskDef.TaskDefinitionArn;
                    new CfnOutput(this, "Local", new CfnOutputProps { Value = {|#0:arn|}, ExportName = "isol8-local" });
                    new CfnOutput(this, "Interpolated", new CfnOutputProps { Value = {|#1:$"{taskDef.TaskDefinitionArn}"|}, ExportName = "isol8-interpolated" });
                    new CfnOutput(this, "Concatenated", new CfnOutputProps { Value = {|#2:"td:" + arn + "#main"|}, ExportName = "isol8-concatenated" });
                    ExportValue({|#3:ApiArn|}, new ExportValueOptions { Name = "isol8-relay" });
                    Outputs = new ContainerOutputs(taskDef.TaskDefinitionArn);
                    ExportValue({|#4:Outputs.WorkerArn|}, new ExportValueOptions { Name = "isol8-record" });
                    new CfnOutput(this, "Method", new CfnOutputProps { Value = {|#5:NightlyArn()|}, ExportName = "isol8-method" });
                    new CfnOutput(this, "ThisMethod", new CfnOutputProps { Value = {|#6:this.NightlyArn()|}, ExportName = "isol8-this-method" });
                    new CfnOutput(this, "StableMethod", new CfnOutputProps { Value = NightlyFamily(), ExportName = "isol8-stable-method" });
                }

                public string ApiArn { get; }

                public FargateTaskDefinition Nightly { get; }

                public string NightlyArn() => Nightly.TaskDefinitionArn;

                public string NightlyFamily() => Nightly.Family;

                public ContainerOutputs Outputs { get; }
            }

            public record ContainerOutputs(string WorkerArn);
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"),
            Expected(2, "TaskDefinitionArn"),
            Expected(3, "ApiArn"),
            Expected(4, "WorkerArn"),
            Expected(5, "NightlyArn"),
            Expected(6, "NightlyArn"));

    /// <summary>
    /// Outputs exported in a loop over a collection the stack builds (<c>foreach (var (name, value) in exports)</c>, a
    /// pair's <c>Value</c>, a list added to, an array of tuples): each element is exported in its turn, so one volatile
    /// element is a volatile export, whatever the others are. A scratch app's dictionary of exports was silent.
    /// </summary>
    [Fact]
    public Task ValuesExportedInALoopOverACollectionWithAVolatileElement_Trigger()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                    var exports = new Dictionary<string, string> { ["family"] = taskDef.Family, ["arn"] = taskDef.TaskDefinitionArn };
                    foreach (var (name, value) in exports)
                    {
                        new CfnOutput(this, "Out" + name, new CfnOutputProps { Value = {|#0:value|}, ExportName = "isol8-" + name });
                    }

                    foreach (var pair in exports)
                    {
                        var described = pair.Key + " of " + id;
                        new CfnOutput(this, "Pair" + pair.Key, new CfnOutputProps { Value = {|#1:pair.Value|}, ExportName = "isol8-pair-" + pair.Key, Description = described });
                    }

                    var arns = new List<string> { taskDef.Family };
                    arns.Add(taskDef.TaskDefinitionArn);
                    foreach (var arn in arns)
                        ExportValue({|#2:arn|});

                    foreach ((string name, string value) in new[] { ("family", taskDef.Family), ("arn", taskDef.TaskDefinitionArn) })
                        ExportValue({|#3:value|}, new ExportValueOptions { Name = "isol8-tuple-" + name });
                }
            }
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"),
            Expected(2, "TaskDefinitionArn"),
            Expected(3, "TaskDefinitionArn"));

    /// <summary>
    /// A loop whose collection holds only stable values, the keys of one, a filter before the export (it may skip the
    /// volatile element; also when the export uses a local copied from the loop's variable), a local set to another
    /// collection, a collection received (its elements unseen): silent.
    /// </summary>
    [Fact]
    public Task ValuesExportedInALoopThatMaySkipOrHoldNoVolatileElement_DoNotTrigger()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id, IDictionary<string, string> given, bool other) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                    var stable = new Dictionary<string, string> { ["family"] = taskDef.Family, ["id"] = id };
                    foreach (var (name, value) in stable)
                        ExportValue(value, new ExportValueOptions { Name = "isol8-stable-" + name });

                    var exports = new Dictionary<string, string> { ["family"] = taskDef.Family, ["arn"] = taskDef.TaskDefinitionArn };
                    foreach (var (name, value) in exports)
                        ExportValue(name, new ExportValueOptions { Name = "isol8-key-" + name });

                    foreach (var (name, value) in exports)
                    {
                        if (name == "arn")
                        {
                            continue;
                        }

                        ExportValue(value, new ExportValueOptions { Name = "isol8-filtered-" + name });
                    }

                    foreach (var pair in exports)
                    {
                        if (pair.Key != "arn")
                            ExportValue(pair.Value, new ExportValueOptions { Name = "isol8-if-" + pair.Key });
                    }

                    foreach (var (name, value) in exports)
                    {
                        var copied = value;
                        if (name != "arn")
                            ExportValue(copied, new ExportValueOptions { Name = "isol8-copied-" + name });
                    }

                    var swapped = new List<string> { taskDef.TaskDefinitionArn };
                    if (other)
                    {
                        swapped = new List<string> { taskDef.Family };
                    }

                    foreach (var value in swapped)
                        ExportValue(value, new ExportValueOptions { Name = "isol8-swapped" });

                    foreach (var (name, value) in given)
                        ExportValue(value, new ExportValueOptions { Name = "isol8-given-" + name });
                }
            }
            """);

    /// <summary>
    /// A local that is also set to something else, a string built from stable values only, and a string member that
    /// holds a stable value export nothing that changes with a deploy: silent.
    /// </summary>
    [Fact]
    public Task ValuesBuiltFromStableReads_DoNotTrigger()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id, bool pinned) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                    Family = taskDef.Family;
                    var arn = taskDef.TaskDefinitionArn;
                    if (pinned)
                    {
                        arn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/isol8-openclaw:1";
                    }

                    new CfnOutput(this, "Mixed", new CfnOutputProps { Value = arn, ExportName = "isol8-mixed" });
                    new CfnOutput(this, "Built", new CfnOutputProps { Value = $"{taskDef.Family}-{id}", ExportName = "isol8-built" });
                    ExportValue(Family, new ExportValueOptions { Name = "isol8-family" });
                }

                public string Family { get; }
            }
            """);

    /// <summary>
    /// A helper of the app's own that exports its parameter (a <c>CfnOutput</c> with <c>ExportName</c>, or
    /// <c>ExportValue</c>; static or extension) is reported at the call that passes it a volatile value. A helper that
    /// exports another parameter, or only outputs it without an export name, and a stable argument stay silent. Given
    /// a loop's variable over a collection with a volatile element, as an export in the loop is.
    /// </summary>
    [Fact]
    public Task ExportHelpersOfTheApp_TriggerWhereTheyArePassedAVolatileValue()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public static class Outputs
            {
                public static CfnOutput Export(Construct scope, string name, string value)
                    => new CfnOutput(scope, name, new CfnOutputProps { Value = value, ExportName = name });

                public static void Publish(this Stack stack, string value, string name)
                    => stack.ExportValue(value, new ExportValueOptions { Name = name });

                public static CfnOutput Describe(Construct scope, string description, string value)
                    => new CfnOutput(scope, "Described", new CfnOutputProps { Value = value, Description = description });

                public static CfnOutput ExportName(Construct scope, string name, string value)
                    => new CfnOutput(scope, value, new CfnOutputProps { Value = name, ExportName = name });
            }

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
                    Outputs.Export(this, "isol8-arn", {|#0:taskDef.TaskDefinitionArn|});
                    this.Publish({|#1:$"{taskDef.TaskDefinitionArn}"|}, "isol8-published");
                    Outputs.Describe(this, "not exported", taskDef.TaskDefinitionArn);
                    Outputs.ExportName(this, "isol8-family", taskDef.TaskDefinitionArn);
                    Outputs.Export(this, "isol8-family", taskDef.Family);
                    var exports = new Dictionary<string, string> { ["isol8-dict-arn"] = taskDef.TaskDefinitionArn };
                    foreach (var (name, value) in exports)
                        Outputs.Export(this, name, {|#2:value|});
                    foreach (var pair in exports)
                        this.Publish({|#3:pair.Value|}, pair.Key);
                    foreach (var family in new[] { taskDef.Family })
                        Outputs.Export(this, "isol8-looped-family", family);
                }
            }
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"),
            Expected(2, "TaskDefinitionArn"),
            Expected(3, "TaskDefinitionArn"));

    /// <summary>A member added on an interface is exported through every type that implements it.</summary>
    [Fact]
    public Task CatalogueOptions_InterfaceMemberIsFoundThroughImplementingClasses()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + CdkSources.FunctionStack + """
                public static class Wiring
                {
                    public static void Build(App app)
                    {
                        var functions = new FunctionStack(app, "Functions");
                        functions.ExportValue({|#0:functions.Handler.FunctionArn|});
                        functions.ExportValue(functions.Handler.FunctionName);
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: "isol8_cdk.volatile_members = Amazon.CDK.AWS.Lambda.IFunction.FunctionArn\n",
            Expected(0, "FunctionArn"));

    [Fact]
    public Task WiderCatalogue_ExportsOfEachEntryTrigger()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.WiderUsings + CdkSources.WiderProducer + """
                public static class Wiring
                {
                    public static void Build(App app)
                    {
                        var producer = new ProducerStack(app, "Producer");
                        producer.ExportValue({|#0:producer.Job.JobDefinitionArn|});
                        producer.ExportValue({|#1:producer.Template.LatestVersionNumber|});
                        producer.ExportValue({|#2:producer.MachineVersion.AttrArn|});
                        producer.ExportValue({|#3:producer.Model.Ref|});
                        producer.ExportValue(producer.Template.LaunchTemplateId!);
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "JobDefinitionArn"),
            Expected(1, "LatestVersionNumber"),
            Expected(2, "AttrArn"),
            Expected(3, "Ref"));

    /// <summary>Only <c>ExportValue</c> exports: another method of the stack that takes the value (<c>Resolve</c>) does not.</summary>
    [Fact]
    public Task OtherStackMethodTakingAVolatileValue_DoesNotTrigger()
        => Verify.VerifyAsync(CdkSources.Usings + """
            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    var resolved = Resolve(taskDef.TaskDefinitionArn);
                }
            }
            """);
}

