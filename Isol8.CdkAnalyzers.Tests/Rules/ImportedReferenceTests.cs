using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;
using VerifyExport = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.VolatileExportAnalyzer>;
using VerifyFix = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer, Isol8.CdkAnalyzers.CodeFixes.Rules.CrossStackVolatileReferenceFixer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// Imported references (<c>From…Arn</c>, <c>From…Attributes</c>). One that wraps a volatile value of its own stack's
/// L1 resource (<c>TaskDefinition.FromTaskDefinitionArn(this, "Task", cfnTask.AttrTaskDefinitionArn)</c>, the way L1
/// resources are given to L2 constructs) renders that value wherever it is used: owned as the L1 is. One of a constant
/// that reaches a stack through its constructor or props names the constant: nothing is exported. The synthesized
/// proof is <c>CrossStackVolatileReferenceSynthesisTests.ImportedReferences_ImportOnlyWhatTheyWrap</c>.
/// </summary>
public class ImportedReferenceTests
{
    private const string Usings = CdkSources.Usings;

    private const string PlatformStack = CdkSources.ImportingPlatformStack;

    private static DiagnosticResult Expected(int location, string member, string owner = "stack 'PlatformStack'")
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, owner, "ConsumerStack");

    private static Task VerifyConsumerAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                Usings + PlatformStack,
                Usings + CdkSources.ConsumerStack("ConsumerStack", "PlatformStack platform", body),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    [Fact]
    public Task ReadsOfAnImportWrappingItsStacksL1_Trigger()
        => VerifyConsumerAsync(
            """
            Out("A", {|#0:platform.Wrapped.TaskDefinitionArn|});
                    Out("B", {|#1:platform.WrappedByRef.TaskDefinitionArn|});
                    Out("C", {|#2:platform.Pinned.FunctionArn|});
                    Out("D", {|#3:platform.Pinned.Version|});
            """,
            Expected(0, "TaskDefinitionArn"),
            Expected(1, "TaskDefinitionArn"),
            Expected(2, "FunctionArn"),
            Expected(3, "Version"));

    [Fact]
    public Task HandOversOfAnImportWrappingItsStacksL1_Trigger()
        => VerifyConsumerAsync(
            """
            new Launcher(this, "Launcher", {|#0:platform.Wrapped|});
                    new Function(this, "User", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x"), Layers = new[] { {|#1:platform.Layer|} } });
            """,
            Expected(0, "Wrapped"),
            Expected(1, "Layer"));

    /// <summary>
    /// An import of a constant (an ARN, with a role of its stack or without, or a function and a version number written
    /// out), and the consumer's own import of another stack's L1 value: reported once, at the read in its argument, not
    /// again where the import is read.
    /// </summary>
    [Fact]
    public Task ImportsOfConstants_AndTheConsumersOwnImport_DoNotTriggerAgain()
        => VerifyConsumerAsync(
            """
            Out("Legacy", platform.Legacy.TaskDefinitionArn);
                    Out("LegacyWithRole", platform.LegacyWithRole.TaskDefinitionArn);
                    Out("Numbered", platform.NumberedVersion.FunctionArn);
                    new Launcher(this, "Launcher", platform.Legacy);
                    var own = TaskDefinition.FromTaskDefinitionArn(this, "Own", {|#0:platform.Raw.AttrTaskDefinitionArn|});
                    Out("Own", own.TaskDefinitionArn);
                    new Launcher(this, "OwnLauncher", own);
            """,
            Expected(0, "AttrTaskDefinitionArn"));

    [Fact]
    public Task ExportOfAnImportWrappingItsStacksL1_Triggers()
        => VerifyExport.VerifyAsync(
            Usings + """
            public class PlatformStack : Stack
            {
                public PlatformStack(Construct scope, string id) : base(scope, id)
                {
                    var raw = new CfnTaskDefinition(this, "Raw", new CfnTaskDefinitionProps { Family = "raw" });
                    var wrapped = TaskDefinition.FromTaskDefinitionArn(this, "Wrapped", raw.AttrTaskDefinitionArn);
                    var legacy = TaskDefinition.FromTaskDefinitionArn(this, "Legacy", "arn:aws:ecs:us-east-1:123456789012:task-definition/legacy:3");
                    ExportValue({|#0:wrapped.TaskDefinitionArn|}, new ExportValueOptions { Name = "wrapped-arn" });
                    ExportValue(legacy.TaskDefinitionArn, new ExportValueOptions { Name = "legacy-arn" });
                }
            }
            """,
            VerifyExport.Diagnostic(DiagnosticIds.VolatileExport).WithLocation(0).WithArguments("TaskDefinitionArn"));

    private const string UserStacks = """
        public class UserProps : StackProps
        {
            public ITaskDefinition Task { get; set; } = null!;
        }

        public class UserStack : Stack
        {
            public UserStack(Construct scope, string id, UserProps props) : base(scope, id, props)
            {
                new Launcher(this, "Launcher", PROPS_TASK);
                var task = props.Task;
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = LOCAL_ARN });
            }
        }

        public class DirectStack : Stack
        {
            public DirectStack(Construct scope, string id, ITaskDefinition task) : base(scope, id)
            {
                new Launcher(this, "Launcher", DIRECT_TASK);
            }
        }
        """;

    private static Task VerifyProgramAsync(string main, bool reported)
    {
        var stacks = UserStacks
            .Replace("PROPS_TASK", reported ? "{|#0:props.Task|}" : "props.Task", System.StringComparison.Ordinal)
            .Replace("LOCAL_ARN", reported ? "{|#1:task.TaskDefinitionArn|}" : "task.TaskDefinitionArn", System.StringComparison.Ordinal)
            .Replace("DIRECT_TASK", reported ? "{|#2:task|}" : "task", System.StringComparison.Ordinal);
        var program = """
            public static class Program
            {
                public static void Main()
                {
                    var app = new App();
                    var platform = new PlatformStack(app, "Platform");
                    MAIN
                }
            }
            """.Replace("MAIN", main, System.StringComparison.Ordinal);
        DiagnosticResult Foreign(int location, string member, string consumer)
            => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, "another stack (it reaches this one through its constructor)", consumer);
        return Verify.VerifyAsync(
            new[] { Usings + PlatformStack, Usings + stacks, Usings + program },
            withCdk: true,
            editorConfig: null,
            reported
                ? new[] { Foreign(0, "Task", "UserStack"), Foreign(1, "TaskDefinitionArn", "UserStack"), Foreign(2, "task", "DirectStack") }
                : System.Array.Empty<DiagnosticResult>());
    }

    /// <summary>Given an import of a constant at every creation, through props, a constructor parameter or a local: silent.</summary>
    [Fact]
    public Task ImportOfAConstantGivenAtEveryCreation_DoesNotTrigger()
        => VerifyProgramAsync(
            """
            var legacy = TaskDefinition.FromTaskDefinitionArn(platform, "Main", "arn:aws:ecs:us-east-1:123456789012:task-definition/main:1");
                    new UserStack(app, "User", new UserProps { Task = platform.Legacy });
                    new UserStack(app, "Other", new UserProps { Task = legacy });
                    new DirectStack(app, "Direct", platform.Legacy);
            """,
            reported: false);

    /// <summary>One creation gives a construct that CDK exports (here an import wrapping an L1): reported, as before.</summary>
    [Fact]
    public Task AnyCreationGivingAnExportedConstruct_Triggers()
        => VerifyProgramAsync(
            """
            new UserStack(app, "User", new UserProps { Task = platform.Legacy });
                    new UserStack(app, "Other", new UserProps { Task = platform.Wrapped });
                    new DirectStack(app, "Direct", platform.Legacy);
                    new DirectStack(app, "Direct2", platform.WrappedByRef);
            """,
            reported: true);

    /// <summary>Set apart from the creation (props.Task = …, a local set again) to an owned construct: reported.</summary>
    [Fact]
    public Task SetApartFromTheCreation_Triggers()
        => VerifyProgramAsync(
            """
            var props = new UserProps { Task = platform.Legacy };
                    props.Task = platform.Wrapped;
                    new UserStack(app, "User", props);
                    var direct = platform.Legacy;
                    direct = platform.Wrapped;
                    new DirectStack(app, "Direct", direct);
            """,
            reported: true);

    /// <summary>A subclass passes its own argument on through base(…): the base class's creations are not all it is given.</summary>
    [Fact]
    public Task GivenThroughASubclassesBaseCall_Triggers()
        => VerifyProgramAsync(
            """
            new UserStack(app, "User", new UserProps { Task = platform.Wrapped });
                    new DirectStack(app, "Direct", platform.Legacy);
                    new DerivedStack(app, "Derived", platform.Wrapped);
                }
            }

            public class DerivedStack : DirectStack
            {
                public DerivedStack(Construct scope, string id, ITaskDefinition task) : base(scope, id, task)
                {
            """,
            reported: true);

    /// <summary>
    /// A task definition handed over that may be an import gets no ImportTaskDefinition fix: the import it would be
    /// copied from has no task role or network mode unless its importer gave them, and reading them fails the synthesis.
    /// Its reads keep their fix, which reads the ARN only.
    /// </summary>
    [Fact]
    public async Task HandOverOfAnImport_GetsNoFix_ButItsReadDoes()
    {
        var source = Usings + """
            namespace Isol8.Infra;

            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, PlatformStack platform) : base(scope, id)
                {
                    new Launcher(this, "Launcher", {|ICDK001:platform.Wrapped|});
                    var wrapped = platform.WrappedByRef;
                    new Launcher(this, "Local", {|ICDK001:wrapped|});
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = READ });
                }
            }
            """;
        var test = HelperFixTest.Create(
            Usings + "namespace Isol8.Infra;\n\n" + PlatformStack,
            source.Replace("READ", "{|ICDK001:platform.WrappedByRef.TaskDefinitionArn|}", System.StringComparison.Ordinal),
            source.Replace("READ", "CrossStackParameters.TaskDefinitionArn(this, platform.WrappedByRef, keepOldExport: true)", System.StringComparison.Ordinal),
            "Amazon.CDK.AWS.ECS",
            "Amazon.CDK.AWS.Lambda");
        test.FixedState.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithSpan("/0/Test1.cs", 12, 40, 12, 56).WithArguments("Wrapped", "stack 'PlatformStack'", "ConsumerStack"));
        test.FixedState.ExpectedDiagnostics.Add(VerifyFix.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithSpan("/0/Test1.cs", 14, 37, 14, 44).WithArguments("wrapped", "stack 'PlatformStack'", "ConsumerStack"));
        test.NumberOfFixAllIterations = 1;
        await test.RunAsync();
    }
}
