using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Isol8.CdkAnalyzers.Rules.TaskDefinitionInterfaceMemberAnalyzer, Isol8.CdkAnalyzers.CodeFixes.Rules.TaskDefinitionInterfaceMemberFixer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class TaskDefinitionInterfaceMemberFixerTests
{
    private const string ServiceStack = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Constructs;

        namespace Isol8.Infra;

        public class ServiceStackProps : StackProps
        {
            public ContainerStack Container { get; set; } = null!;
        }

        public class ServiceStack : Stack
        {
            public ServiceStack(Construct scope, string id, ServiceStackProps props) : base(scope, id, props)
            {
                var environment = new Dictionary<string, string> { ["OPENCLAW_FAMILY"] = MEMBER };
            }
        }
        """;

    private static string ContainerStack(string familyAssignment, string parameters = "", string taskDefinitionCreation = "new FargateTaskDefinition(this, \"OpenClaw\", new FargateTaskDefinitionProps { FAMILY })", string declaredType = "ITaskDefinition")
        => $$"""
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        namespace Isol8.Infra;

        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id{{parameters}}) : base(scope, id)
            {
                OpenClawTaskDef = {{taskDefinitionCreation.Replace("FAMILY", familyAssignment, System.StringComparison.Ordinal)}};
            }

            public {{declaredType}} OpenClawTaskDef { get; }
        }
        """;

    private static string Service(string member) => ServiceStack.Replace("MEMBER", member, System.StringComparison.Ordinal);

    private static DiagnosticResult[] Flagged(string typed = "Family")
        => new[]
        {
            new DiagnosticResult(DiagnosticIds.TaskDefinitionInterfaceMember, DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("Family", "ITaskDefinition", "TaskDefinition, FargateTaskDefinition, Ec2TaskDefinition, ExternalTaskDefinition"),
            DiagnosticResult.CompilerError("CS1061").WithLocation(0).WithArguments("Amazon.CDK.AWS.ECS.ITaskDefinition", typed),
        };

    private static Verify.Test NewTest(int codeActionIndex, string equivalenceKey, params string[] extraSources)
    {
        var test = new Verify.Test { CodeActionIndex = codeActionIndex, CodeActionEquivalenceKey = equivalenceKey };
        foreach (var source in extraSources)
        {
            test.TestState.Sources.Add(source);
            test.FixedState.Sources.Add(source);
        }

        return test;
    }

    [Fact]
    public Task LiteralFamily_IsPutInPlace()
    {
        var test = NewTest(0, TaskDefinitionInterfaceMemberFixer.DeclaredFamilyEquivalenceKey);
        test.TestState.Sources.Add(ContainerStack("Family = \"isol8-prod-openclaw\""));
        test.TestState.Sources.Add(Service("props.Container.OpenClawTaskDef.{|#0:Family|}"));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged());
        test.FixedState.Sources.Add(ContainerStack("Family = \"isol8-prod-openclaw\""));
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper(Service("CrossStackParameters.TaskDefinitionFamily(props.Container.OpenClawTaskDef, \"isol8-prod-openclaw\", keepOldExport: true)")));
        return test.RunAsync();
    }

    /// <summary>The task definition comes from a helper method: its family is folded through the method it returns from.</summary>
    [Fact]
    public Task FamilyOfATaskDefinitionAMethodReturns_IsPutInPlace()
    {
        const string Platform = """
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public static class Platform
            {
                public static ITaskDefinition Worker(Construct scope)
                {
                    var worker = new FargateTaskDefinition(scope, "Worker", new FargateTaskDefinitionProps { Family = "isol8-worker" });
                    return worker;
                }
            }
            """;
        var container = ContainerStack(string.Empty, taskDefinitionCreation: "Platform.Worker(this)");
        var test = NewTest(0, TaskDefinitionInterfaceMemberFixer.DeclaredFamilyEquivalenceKey, container, Platform);
        test.TestState.Sources.Add(Service("props.Container.OpenClawTaskDef.{|#0:Family|}"));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged());
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper(Service("CrossStackParameters.TaskDefinitionFamily(props.Container.OpenClawTaskDef, \"isol8-worker\", keepOldExport: true)")));
        return test.RunAsync();
    }

    /// <summary>
    /// The task definition reaches the stack in a props member the app sets in an object initializer: the family is
    /// folded through it. Under the null-forgiving operator too (<c>props.Worker!</c> has no operation of its own; missed,
    /// the fix would drop the export deployed consumers import).
    /// </summary>
    [Theory]
    [InlineData("", "props.Worker")]
    [InlineData("", "props.Worker!")]
    [InlineData("Held = props.Worker!;", "Held")]
    public Task FamilyOfATaskDefinitionSetInThePropsObjectInitializer_IsPutInPlace(string setup, string receiver)
    {
        const string Worker = """
            using System.Collections.Generic;
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class WorkerStackProps : StackProps
            {
                public Amazon.CDK.AWS.ECS.ITaskDefinition Worker { get; init; } = null!;
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, WorkerStackProps props) : base(scope, id, props)
                {
                    SETUP
                    var environment = new Dictionary<string, string> { ["WORKER_FAMILY"] = MEMBER };
                }

                private Amazon.CDK.AWS.ECS.ITaskDefinition? Held { get; }
            }

            public static class Wiring
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new WorkerStack(app, "Worker", new WorkerStackProps { Worker = container.OpenClawTaskDef });
                }
            }
            """;
        var test = NewTest(0, TaskDefinitionInterfaceMemberFixer.DeclaredFamilyEquivalenceKey, ContainerStack("Family = \"isol8-worker\""));
        test.TestState.Sources.Add(Worker.Replace("SETUP", setup, System.StringComparison.Ordinal).Replace("MEMBER", receiver + ".{|#0:Family|}", System.StringComparison.Ordinal));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged());
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper(Worker.Replace("SETUP", setup, System.StringComparison.Ordinal).Replace("MEMBER", "CrossStackParameters.TaskDefinitionFamily(" + receiver + ", \"isol8-worker\", keepOldExport: true)", System.StringComparison.Ordinal)));
        return test.RunAsync();
    }

    /// <summary>The consumer of <see cref="ServiceStack"/>, given the stack as the app's outputs interface.</summary>
    private static readonly string OutputsService = ServiceStack.Replace("public ContainerStack Container { get; set; } = null!;", "public IContainerOutputs Outputs { get; set; } = null!;", System.StringComparison.Ordinal);

    private const string OutputsContainer = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        namespace Isol8.Infra;

        public interface IContainerOutputs
        {
            ITaskDefinition OpenClawTaskDef { get; }
        }

        public class ContainerStack : Stack, IContainerOutputs
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                var openClaw = new FargateTaskDefinition(this, "OpenClaw", new FargateTaskDefinitionProps { Family = "isol8-prod-openclaw" });
                OpenClawTaskDef = openClaw;
            }

            public MODIFIERITaskDefinition OpenClawTaskDef { get; }
        }

        OTHER
        """;

    /// <summary>
    /// The stack is received as the app's outputs interface (<c>IContainerOutputs Outputs</c>), which one stack class
    /// implements: the family is folded from that implementation. A scratch app's <c>props.Core.Worker.Family</c> had
    /// no fix at all.
    /// </summary>
    [Fact]
    public Task FamilyReadThroughTheAppsOutputsInterface_IsFoldedFromItsImplementation()
    {
        var container = OutputsContainer.Replace("MODIFIER", string.Empty, System.StringComparison.Ordinal)
            .Replace("OTHER", "public sealed class ContainerSubStack : ContainerStack { public ContainerSubStack(Construct scope) : base(scope, \"Sub\") { } }", System.StringComparison.Ordinal);
        var test = NewTest(0, TaskDefinitionInterfaceMemberFixer.DeclaredFamilyEquivalenceKey, container);
        test.TestState.Sources.Add(OutputsService.Replace("MEMBER", "props.Outputs.OpenClawTaskDef.{|#0:Family|}", System.StringComparison.Ordinal));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged());
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper(OutputsService.Replace("MEMBER", "CrossStackParameters.TaskDefinitionFamily(props.Outputs.OpenClawTaskDef, \"isol8-prod-openclaw\", keepOldExport: true)", System.StringComparison.Ordinal)));
        return test.RunAsync();
    }

    /// <summary>
    /// Another class implements the interface with a task definition of its own, or the implementation is virtual (a
    /// subclass may give another): no family is the one the read gets, so none is offered (nor the concrete type: the
    /// interface's implementations would have to change with it).
    /// </summary>
    [Theory]
    [InlineData("", "public class CanaryStack : Stack, IContainerOutputs { public CanaryStack(Construct scope) : base(scope, \"Canary\") { OpenClawTaskDef = new FargateTaskDefinition(this, \"Canary\", new FargateTaskDefinitionProps { Family = \"isol8-canary-openclaw\" }); } public ITaskDefinition OpenClawTaskDef { get; } }")]
    [InlineData("virtual ", "")]
    public Task FamilyReadThroughAnInterfaceImplementedOtherwise_HasNoFix(string modifier, string other)
    {
        var container = OutputsContainer.Replace("MODIFIER", modifier, System.StringComparison.Ordinal).Replace("OTHER", other, System.StringComparison.Ordinal);
        var test = NewTest(0, TaskDefinitionInterfaceMemberFixer.DeclaredFamilyEquivalenceKey, container);
        test.CodeActionIndex = null;
        test.CodeActionEquivalenceKey = null;
        test.TestState.Sources.Add(OutputsService.Replace("MEMBER", "props.Outputs.OpenClawTaskDef.{|#0:Family|}", System.StringComparison.Ordinal));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged());
        test.FixedState.Sources.Add(OutputsService.Replace("MEMBER", "props.Outputs.OpenClawTaskDef.{|#0:Family|}", System.StringComparison.Ordinal));
        test.FixedState.ExpectedDiagnostics.AddRange(Flagged());
        return test.RunAsync();
    }

    [Fact]
    public Task InterpolatedFamilyWhoseHoleIsAConstructorParameterPassedOneConstant_Folds()
    {
        const string Program = """
            using Amazon.CDK;

            namespace Isol8.Infra;

            public static class Wiring
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container", "prod");
                    new ServiceStack(app, "Service", new ServiceStackProps { Container = container });
                    new ContainerStack(app, "Canary", environment: "prod");
                }
            }
            """;
        var container = ContainerStack("Family = $\"isol8-{environment}-openclaw\"", ", string environment");
        var test = NewTest(0, TaskDefinitionInterfaceMemberFixer.DeclaredFamilyEquivalenceKey, container, Program);
        test.TestState.Sources.Add(Service("props.Container.OpenClawTaskDef.{|#0:family|}"));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged("family"));
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper(Service("CrossStackParameters.TaskDefinitionFamily(props.Container.OpenClawTaskDef, \"isol8-prod-openclaw\", keepOldExport: true)")));
        return test.RunAsync();
    }

    [Fact]
    public Task HolePassedDifferentValues_OffersOnlyTheConcreteType()
    {
        const string Program = """
            using Amazon.CDK;

            namespace Isol8.Infra;

            public static class Wiring
            {
                public static void Build(App app)
                {
                    new ContainerStack(app, "Prod", "prod");
                    new ContainerStack(app, "Staging", "staging");
                }
            }
            """;
        var test = NewTest(0, TaskDefinitionInterfaceMemberFixer.ConcreteTypeEquivalenceKey, Program);
        test.TestState.Sources.Add(ContainerStack("Family = $\"isol8-{environment}-openclaw\"", ", string environment"));
        test.TestState.Sources.Add(Service("props.Container.OpenClawTaskDef.{|#0:Family|}"));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged());
        test.FixedState.Sources.Add(ContainerStack("Family = $\"isol8-{environment}-openclaw\"", ", string environment", declaredType: "FargateTaskDefinition"));
        test.FixedState.Sources.Add(Service("props.Container.OpenClawTaskDef.Family"));
        return test.RunAsync();
    }

    [Fact]
    public Task ConcreteType_FixesTheCasingToo()
    {
        var test = NewTest(1, TaskDefinitionInterfaceMemberFixer.ConcreteTypeEquivalenceKey);
        test.TestState.Sources.Add(ContainerStack("Family = \"isol8-prod-openclaw\""));
        test.TestState.Sources.Add(Service("props.Container.OpenClawTaskDef.{|#0:family|}"));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged("family"));
        test.FixedState.Sources.Add(ContainerStack("Family = \"isol8-prod-openclaw\"", declaredType: "FargateTaskDefinition"));
        test.FixedState.Sources.Add(Service("props.Container.OpenClawTaskDef.Family"));
        return test.RunAsync();
    }

    [Fact]
    public Task ImportedReference_NoConcreteTypeFix()
    {
        var container = ContainerStack(string.Empty, taskDefinitionCreation: "TaskDefinition.FromTaskDefinitionArn(this, \"OpenClaw\", \"arn:aws:ecs:eu-west-1:123456789012:task-definition/isol8-prod-openclaw:3\")");
        var test = NewTest(0, TaskDefinitionInterfaceMemberFixer.ConcreteTypeEquivalenceKey, container);
        test.CodeActionIndex = null;
        test.CodeActionEquivalenceKey = null;
        test.TestState.Sources.Add(Service("props.Container.OpenClawTaskDef.{|#0:Family|}"));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged());
        test.FixedState.Sources.Add(Service("props.Container.OpenClawTaskDef.{|#0:Family|}"));
        test.FixedState.ExpectedDiagnostics.AddRange(Flagged());
        return test.RunAsync();
    }

    [Fact]
    public Task FixAll_DeclaresTheMemberOnce()
    {
        var test = NewTest(1, TaskDefinitionInterfaceMemberFixer.ConcreteTypeEquivalenceKey);
        test.TestState.Sources.Add(ContainerStack("Family = \"isol8-prod-openclaw\""));
        test.TestState.Sources.Add(Service("props.Container.OpenClawTaskDef.{|#0:Family|} + props.Container.OpenClawTaskDef.{|#1:DefaultContainer|}"));
        test.TestState.ExpectedDiagnostics.AddRange(Flagged());
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.TaskDefinitionInterfaceMember, DiagnosticSeverity.Error).WithLocation(1)
            .WithArguments("DefaultContainer", "ITaskDefinition", "TaskDefinition, FargateTaskDefinition, Ec2TaskDefinition, ExternalTaskDefinition"));
        test.TestState.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1061").WithLocation(1).WithArguments("Amazon.CDK.AWS.ECS.ITaskDefinition", "DefaultContainer"));
        test.FixedState.Sources.Add(ContainerStack("Family = \"isol8-prod-openclaw\"", declaredType: "FargateTaskDefinition"));
        test.FixedState.Sources.Add(Service("props.Container.OpenClawTaskDef.Family + props.Container.OpenClawTaskDef.DefaultContainer"));
        // One Fix All pass fixes both reads and declares the member once.
        test.NumberOfFixAllIterations = 1;
        test.CodeActionIndex = null;
        return test.RunAsync();
    }
}
