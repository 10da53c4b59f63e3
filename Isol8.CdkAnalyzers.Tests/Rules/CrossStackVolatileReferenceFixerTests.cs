using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer, Isol8.CdkAnalyzers.CodeFixes.Rules.CrossStackVolatileReferenceFixer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class CrossStackVolatileReferenceFixerTests
{
    private const string ContainerStack = CdkSources.InfraContainerStack;

    [Fact]
    public async Task PropsMemberRead_BecomesSsmParameterRead_AndAddsTheHelper()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["TASK_DEFINITION_ARN"] = {|ICDK001:container.TaskDef.TaskDefinitionArn|},
                    };
                }
            }
            """);
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper("""
            using System.Collections.Generic;
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["TASK_DEFINITION_ARN"] = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: true),
                    };
                }
            }
            """));
        await test.RunAsync();
    }

    private const string FunctionStack = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        namespace Isol8.Infra;

        """ + CdkSources.SynthesizableFunctionStack;

    private static async Task VerifyFixAsync(string[] unchanged, string source, string fixedSource, bool helperExists = false, int codeActionIndex = 0, string? editorConfig = null, string helperNamespace = "Isol8.Infra", bool addsHelper = true, string[]? importedNamespaces = null, DiagnosticResult[]? remaining = null, int? fixAllIterations = null)
    {
        var test = new Verify.Test { CodeActionIndex = codeActionIndex };
        if (fixAllIterations is { } iterations)
        {
            // Fix All applies one fix (its equivalence key) at a time: a value only another fix serves takes another pass.
            test.NumberOfFixAllIterations = iterations;
            test.NumberOfFixAllInDocumentIterations = iterations;
            test.NumberOfFixAllInProjectIterations = iterations;
        }

        // A fixable rule's markup is not read in the fixed state: what the fix leaves is listed here.
        test.FixedState.ExpectedDiagnostics.AddRange(remaining ?? System.Array.Empty<DiagnosticResult>());
        foreach (var file in unchanged)
        {
            test.TestState.Sources.Add(file);
            test.FixedState.Sources.Add(file);
        }

        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(source != fixedSource && addsHelper && !helperExists ? ExpectedFiles.WithAppendedHelper(fixedSource, importedNamespaces: importedNamespaces ?? System.Array.Empty<string>()) : fixedSource);
        if (helperExists)
        {
            test.TestState.Sources.Add(("CrossStackParameters.cs", ExpectedFiles.HelperFile(helperNamespace)));
            test.FixedState.Sources.Add(("CrossStackParameters.cs", ExpectedFiles.HelperFile(helperNamespace)));
        }

        if (editorConfig is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig));
        }

        await test.RunAsync();
    }

    [Fact]
    public Task ExistingHelper_IsReused()
        => VerifyFixAsync(
            new[] { ContainerStack },
            """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: true) });
                }
            }
            """,
            helperExists: true);

    /// <summary>A read in a lambda LINQ calls with each element, and an element LINQ picks: the helper call takes the element.</summary>
    [Fact]
    public Task ReadThroughACollectionQuery_ReadsTheElementThroughTheHelper()
    {
        const string Source = """
            using System.Linq;
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, PoolStack pool) : base(scope, id)
                {
                    new CfnOutput(this, "Arns", new CfnOutputProps { Value = Fn.Join(",", pool.Workers.Select(w => {|ICDK001:w.TaskDefinitionArn|}).ToArray()) });
                    new CfnOutput(this, "First", new CfnOutputProps { Value = {|ICDK001:pool.Workers.First().TaskDefinitionArn|} });
                }
            }
            """;
        return VerifyFixAsync(
            new[]
            {
                """
                using System.Collections.Generic;
                using Amazon.CDK;
                using Amazon.CDK.AWS.ECS;
                using Constructs;

                namespace Isol8.Infra;

                public class PoolStack : Stack
                {
                    public PoolStack(Construct scope, string id) : base(scope, id)
                    {
                        Workers.Add(new FargateTaskDefinition(this, "Api"));
                        Workers.Add(new FargateTaskDefinition(this, "Worker"));
                    }

                    public List<FargateTaskDefinition> Workers { get; } = new();
                }
                """,
            },
            Source,
            Source.Replace("{|ICDK001:w.TaskDefinitionArn|}", "CrossStackParameters.TaskDefinitionArn(this, w, keepOldExport: true)", System.StringComparison.Ordinal)
                .Replace("{|ICDK001:pool.Workers.First().TaskDefinitionArn|}", "CrossStackParameters.TaskDefinitionArn(this, pool.Workers.First(), keepOldExport: true)", System.StringComparison.Ordinal),
            helperExists: true);
    }

    /// <summary>A receiver under the null-forgiving operator (it has no operation of its own): the helper takes it as written.</summary>
    [Fact]
    public Task ReceiverUnderTheNullForgivingOperator_IsPassedToTheHelper()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceProps : StackProps
            {
                public ITaskDefinition? Worker { get; init; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ServiceProps props) : base(scope, id, props)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:props.Worker!.TaskDefinitionArn|} });
                }
            }
            """;
        return VerifyFixAsync(System.Array.Empty<string>(), Source, Source.Replace("{|ICDK001:props.Worker!.TaskDefinitionArn|}", "CrossStackParameters.TaskDefinitionArn(this, props.Worker!, keepOldExport: true)", System.StringComparison.Ordinal), helperExists: true);
    }

    [Fact]
    public Task TaskDefinitionFromProps_ReadThroughTheHelper()
        => VerifyFixAsync(
            System.Array.Empty<string>(),
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class WorkerStackProps : StackProps
            {
                public ITaskDefinition TaskDef { get; set; } = null!;
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, WorkerStackProps props) : base(scope, id, props)
                {
                    var arn = {|ICDK001:props.TaskDef.TaskDefinitionArn|};
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = arn });
                }
            }
            """,
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class WorkerStackProps : StackProps
            {
                public ITaskDefinition TaskDef { get; set; } = null!;
            }

            public class WorkerStack : Stack
            {
                public WorkerStack(Construct scope, string id, WorkerStackProps props) : base(scope, id, props)
                {
                    var arn = CrossStackParameters.TaskDefinitionArn(this, props.TaskDef, keepOldExport: true);
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = arn });
                }
            }
            """,
            importedNamespaces: new[] { "Amazon.CDK.AWS.ECS" });

    [Fact]
    public Task LambdaVersionArn_UsesFunctionArnHelper()
        => VerifyFixAsync(
            new[] { FunctionStack },
            """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    new CfnOutput(this, "Version", new CfnOutputProps { Value = {|ICDK001:functions.Handler.CurrentVersion.FunctionArn|} });
                }
            }
            """,
            """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ApiStack : Stack
            {
                public ApiStack(Construct scope, string id, FunctionStack functions) : base(scope, id)
                {
                    new CfnOutput(this, "Version", new CfnOutputProps { Value = CrossStackParameters.FunctionArn(this, functions.Handler.CurrentVersion, keepOldExport: true) });
                }
            }
            """,
            helperExists: true);

    [Fact]
    public Task L1TaskDefinitionRef_UsesGenericRead()
        => VerifyFixAsync(
            System.Array.Empty<string>(),
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class LegacyStack : Stack
            {
                public LegacyStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new CfnTaskDefinition(this, "TaskDef", new CfnTaskDefinitionProps { Family = "legacy" });
                }

                public CfnTaskDefinition TaskDef { get; }
            }

            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, LegacyStack legacy) : base(scope, id)
                {
                    new CfnOutput(this, "Ref", new CfnOutputProps { Value = {|ICDK001:legacy.TaskDef.Ref|} });
                }
            }
            """,
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class LegacyStack : Stack
            {
                public LegacyStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new CfnTaskDefinition(this, "TaskDef", new CfnTaskDefinitionProps { Family = "legacy" });
                }

                public CfnTaskDefinition TaskDef { get; }
            }

            public class ConsumerStack : Stack
            {
                public ConsumerStack(Construct scope, string id, LegacyStack legacy) : base(scope, id)
                {
                    new CfnOutput(this, "Ref", new CfnOutputProps { Value = CrossStackParameters.Read(this, legacy.TaskDef, "Ref", legacy.TaskDef.Ref, keepOldExport: true) });
                }
            }
            """,
            helperExists: true);

    [Fact]
    public Task TaskDefinitionHandedToUserConstruct_PassesAnImportedReference()
        => VerifyFixAsync(
            new[] { ContainerStack },
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class Runner : Construct
            {
                public Runner(Construct scope, string id, ITaskDefinition taskDefinition) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDefinition.TaskDefinitionArn });
                }
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Runner(this, "Runner", {|ICDK001:container.TaskDef|});
                }
            }
            """,
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class Runner : Construct
            {
                public Runner(Construct scope, string id, ITaskDefinition taskDefinition) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDefinition.TaskDefinitionArn });
                }
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Runner(this, "Runner", CrossStackParameters.ImportTaskDefinition(this, container.TaskDef, keepOldExport: true));
                }
            }
            """,
            helperExists: true);

    /// <summary>
    /// An extension method of the app's given another stack's task definition as its receiver: the receiver becomes the
    /// imported reference, as an argument would; an extension that casts it to the concrete class gets no fix.
    /// </summary>
    [Theory]
    [InlineData("task.TaskDefinitionArn", true)]
    [InlineData("((FargateTaskDefinition)task).TaskDefinitionArn", false)]
    public Task ReceiverOfTheAppsExtensionMethod_BecomesAnImportedReference(string read, bool fixable)
    {
        var source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public static class Outputs
            {
                public static void Publish(this ITaskDefinition task, Construct scope)
                    => new CfnOutput(scope, "Arn", new CfnOutputProps { Value = READ });
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    {|ICDK001:container.TaskDef|}.Publish(this);
                }
            }
            """.Replace("READ", read, System.StringComparison.Ordinal);
        var fixedSource = fixable
            ? source.Replace("{|ICDK001:container.TaskDef|}", "CrossStackParameters.ImportTaskDefinition(this, container.TaskDef, keepOldExport: true)", System.StringComparison.Ordinal)
            : source;
        return VerifyFixAsync(new[] { ContainerStack }, source, fixedSource, helperExists: fixable);
    }

    /// <summary>
    /// The app's construct takes an <c>ITaskDefinition</c> but casts it to the concrete class for a service (or tests
    /// its type): an imported reference would fail the cast at synthesis, so no fix is offered.
    /// </summary>
    [Theory]
    [InlineData("(FargateTaskDefinition)taskDefinition")]
    [InlineData("taskDefinition as FargateTaskDefinition ?? throw new System.ArgumentException(\"Fargate only\")")]
    [InlineData("taskDefinition is FargateTaskDefinition fargate ? fargate : throw new System.ArgumentException(\"Fargate only\")")]
    [InlineData("taskDefinition is FargateTaskDefinition { } fargate ? fargate : throw new System.ArgumentException(\"Fargate only\")")]
    public Task UserConstructCastingTheTaskDefinition_NoFixIsOffered(string concrete)
    {
        var source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class Runner : Construct
            {
                public Runner(Construct scope, string id, ITaskDefinition taskDefinition) : base(scope, id)
                {
                    new FargateService(this, "Service", new FargateServiceProps { Cluster = new Cluster(this, "Cluster"), TaskDefinition = CONCRETE });
                }
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Runner(this, "Runner", {|ICDK001:container.TaskDef|});
                }
            }
            """.Replace("CONCRETE", concrete, System.StringComparison.Ordinal);
        return VerifyFixAsync(new[] { ContainerStack }, source, source);
    }

    /// <summary>
    /// A stack's constructor passing another stack's values to its base class's: a read there has no 'this' to read
    /// into (CS0027), so the SSM fix is not offered and the family fix, which needs no scope, comes first; a construct
    /// handed on is the base class's code's to use, checked there.
    /// </summary>
    [Fact]
    public Task ReadInAConstructorsBaseCall_GetsTheFamilyFix_AndTheHandOverIsTheBaseClasssToReport()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class BaseServiceStack : Stack
            {
                public BaseServiceStack(Construct scope, string id, string taskArn, ITaskDefinition task) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskArn });
                    new Runner(this, "Runner", {|ICDK001:task|});
                }
            }

            public class ServiceStack : BaseServiceStack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container)
                    : base(scope, id, {|ICDK001:container.TaskDef.TaskDefinitionArn|}, container.TaskDef)
                {
                }
            }

            public class Runner : Construct
            {
                public Runner(Construct scope, string id, ITaskDefinition task) : base(scope, id)
                {
                    new CfnOutput(this, "Task", new CfnOutputProps { Value = task.TaskDefinitionArn });
                }
            }
            """;
        return VerifyFixAsync(
            new[] { ContainerStack },
            Source,
            Source
                .Replace("{|ICDK001:task|}", "CrossStackParameters.ImportTaskDefinition(this, task, keepOldExport: true)", System.StringComparison.Ordinal)
                .Replace("{|ICDK001:container.TaskDef.TaskDefinitionArn|}", "CrossStackParameters.TaskDefinitionFamily(container.TaskDef, \"isol8-openclaw\", keepOldExport: true)", System.StringComparison.Ordinal),
            importedNamespaces: new[] { "Amazon.CDK.AWS.ECS" },
            fixAllIterations: 2);
    }

    [Fact]
    public Task FargateServiceNeedsTheConcreteTaskDefinition_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new FargateService(this, "Service", new FargateServiceProps
                    {
                        Cluster = new Cluster(this, "Cluster"),
                        TaskDefinition = {|ICDK001:container.TaskDef|},
                    });
                }
            }
            """;
        return VerifyFixAsync(new[] { ContainerStack }, Source, Source);
    }

    /// <summary>
    /// A relay read through the app's own interface (<c>IContainerOutputs.WorkerArn</c>) is reported but gets no fix:
    /// the helper publishes from a construct, and the interface is not one (a cast could fail on a future implementor).
    /// </summary>
    [Fact]
    public Task RelayReadThroughTheAppsInterface_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public interface IContainerOutputs
            {
                string WorkerArn { get; }
            }

            public class RelayingStack : Stack, IContainerOutputs
            {
                public RelayingStack(Construct scope, string id) : base(scope, id)
                {
                    Worker = new FargateTaskDefinition(this, "Worker");
                }

                public FargateTaskDefinition Worker { get; }

                public string WorkerArn => Worker.TaskDefinitionArn;
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, IContainerOutputs containers) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:containers.WorkerArn|} });
                }
            }
            """;
        return VerifyFixAsync(System.Array.Empty<string>(), Source, Source);
    }

    /// <summary>
    /// A launch template handed to another stack's auto scaling group is reported but gets no fix: the helper has no
    /// import for a launch template (its version number would have to travel with its id).
    /// </summary>
    [Fact]
    public Task LaunchTemplateHandOver_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.AutoScaling;
            using Amazon.CDK.AWS.EC2;
            using Constructs;

            namespace Isol8.Infra;

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id, IVpc vpc, LaunchTemplate template) : base(scope, id)
                {
                    new AutoScalingGroup(this, "Asg", new AutoScalingGroupProps { Vpc = vpc, LaunchTemplate = {|ICDK001:template|} });
                }
            }
            """;
        return VerifyFixAsync(System.Array.Empty<string>(), Source, Source);
    }

    /// <summary>
    /// A version kept as an <c>IFunction</c> handed to a construct of another stack gets no fix: the slot takes any
    /// function, and may grant it an invoke permission that CDK does not create for an imported version.
    /// </summary>
    [Fact]
    public Task VersionHeldAsAFunctionHandOver_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Lambda;
            using Constructs;

            namespace Isol8.Infra;

            public class EventsStack : Stack
            {
                public EventsStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    new Amazon.CDK.AWS.APIGateway.LambdaIntegration({|ICDK001:functions.Handler|});
                }
            }
            """;
        return VerifyFixAsync(new[] { "using Amazon.CDK;\nusing Amazon.CDK.AWS.Lambda;\nusing Constructs;\n\nnamespace Isol8.Infra;\n\n" + CdkSources.VersionKeptAsFunctionStack }, Source, Source);
    }

    private const string MetricsFunctionStack = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        namespace Isol8.Infra;

        public class FunctionsStack : Stack
        {
            public FunctionsStack(Construct scope, string id) : base(scope, id)
            {
                Handler = new Function(this, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                Held = Handler.CurrentVersion;
            }

            public Function Handler { get; }

            public IVersion Current => Handler.CurrentVersion;

            public IFunction Held { get; }
        }
        """;

    /// <summary>
    /// Another stack's version's metric: the same metric of the version imported from the owner's parameter (an imported
    /// version's metrics name it as the version's own do).
    /// </summary>
    [Fact]
    public Task VersionMetric_IsTakenFromTheImportedVersion()
        => VerifyFixAsync(
            new[] { MetricsFunctionStack },
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.CloudWatch;
            using Constructs;

            namespace Isol8.Infra;

            public class MonitoringStack : Stack
            {
                public MonitoringStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    new Alarm(this, "Errors", new AlarmProps { Metric = {|ICDK001:functions.Current.MetricErrors()|}, Threshold = 1, EvaluationPeriods = 1 });
                    {|ICDK001:functions.Handler.CurrentVersion.MetricThrottles()|}.CreateAlarm(this, "Throttles", new CreateAlarmOptions { Threshold = 1, EvaluationPeriods = 1 });
                }
            }
            """,
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.CloudWatch;
            using Constructs;

            namespace Isol8.Infra;

            public class MonitoringStack : Stack
            {
                public MonitoringStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    new Alarm(this, "Errors", new AlarmProps { Metric = CrossStackParameters.ImportVersion(this, functions.Current, keepOldExport: true).MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
                    CrossStackParameters.ImportVersion(this, functions.Handler.CurrentVersion, keepOldExport: true).MetricThrottles().CreateAlarm(this, "Throttles", new CreateAlarmOptions { Threshold = 1, EvaluationPeriods = 1 });
                }
            }
            """);

    /// <summary>The metric of a version kept as an <c>IFunction</c> gets no fix: the helper's import is an <c>IVersion</c>.</summary>
    [Fact]
    public Task MetricOfAVersionHeldAsAFunction_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.CloudWatch;
            using Constructs;

            namespace Isol8.Infra;

            public class MonitoringStack : Stack
            {
                public MonitoringStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    new Alarm(this, "Held", new AlarmProps { Metric = {|ICDK001:functions.Held.MetricErrors()|}, Threshold = 1, EvaluationPeriods = 1 });
                }
            }
            """;
        return VerifyFixAsync(new[] { MetricsFunctionStack }, Source, Source);
    }

    /// <summary>A version's permission scoped to another stack gets no fix: CDK creates no permission for an imported version.</summary>
    [Fact]
    public Task VersionPermissionScopedToAnotherStack_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.IAM;
            using Amazon.CDK.AWS.Lambda;
            using Constructs;

            namespace Isol8.Infra;

            public class WiringStack : Stack
            {
                public WiringStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                {
                    {|ICDK001:functions.Current|}.AddPermission("Sns", new Permission { Principal = new ServicePrincipal("sns.amazonaws.com"), Scope = this });
                }
            }
            """;
        return VerifyFixAsync(new[] { MetricsFunctionStack }, Source, Source);
    }

    /// <summary>An API Gateway deployment handed to another stack's stage gets no fix: the helper has no import for a deployment.</summary>
    [Fact]
    public Task DeploymentHandOver_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.APIGateway;
            using Constructs;

            namespace Isol8.Infra;

            public class StageStack : Stack
            {
                public StageStack(Construct scope, string id, Deployment deployment) : base(scope, id)
                {
                    new Amazon.CDK.AWS.APIGateway.Stage(this, "Prod", new Amazon.CDK.AWS.APIGateway.StageProps { Deployment = {|ICDK001:deployment|} });
                }
            }
            """;
        return VerifyFixAsync(System.Array.Empty<string>(), Source, Source);
    }

    /// <summary>
    /// A value given to a CDK object that is no construct together with another stack's construct (an events rule's
    /// <c>BatchJob</c> target, which makes its role in the job definition's stack and names the ARN there) gets no fix:
    /// the parameter the consumer would read would be referenced from the owner's stack, which then depends on the
    /// consumer, and synthesis fails on the cycle (shown on an app built with the rule).
    /// </summary>
    [Fact]
    public Task ValueGivenWithTheOwnersConstruct_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.Batch;
            using Amazon.CDK.AWS.Events;
            using Amazon.CDK.AWS.Events.Targets;
            using Constructs;

            namespace Isol8.Infra;

            public class JobsStack : Stack
            {
                public JobsStack(Construct scope, string id, IJobQueue queue, EcsJobDefinition job) : base(scope, id)
                {
                    new Rule(this, "Nightly", new RuleProps
                    {
                        Schedule = Schedule.Rate(Duration.Days(1)),
                        Targets = new IRuleTarget[] { new BatchJob(queue.JobQueueArn, queue, {|ICDK001:job.JobDefinitionArn|}, job) },
                    });
                }
            }
            """;
        return VerifyFixAsync(System.Array.Empty<string>(), Source, Source);
    }

    /// <summary>
    /// A relay through a plain object the owner fills (<c>props.Outputs.WorkerArn</c>, a record's string) is reported but
    /// gets no fix: the helper publishes from a construct, and the record is none.
    /// </summary>
    [Fact]
    public Task RelayReadThroughAPlainObject_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public record ComputeOutputs(string WorkerArn);

            public class ComputeStack : Stack
            {
                public ComputeStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker");
                    Outputs = new ComputeOutputs(worker.TaskDefinitionArn);
                }

                public ComputeOutputs Outputs { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ComputeOutputs outputs) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:outputs.WorkerArn|} });
                }
            }
            """;
        return VerifyFixAsync(System.Array.Empty<string>(), Source, Source);
    }

    /// <summary>
    /// A collection of strings the owner fills with its ARNs, given whole to another stack's function: no rewrite of the
    /// read keeps it a collection of the same values without the import (each value would need its own parameter), so
    /// no fix is offered; the rule's page says how to move them by hand.
    /// </summary>
    [Fact]
    public Task RelayedCollection_NoFixIsOffered()
    {
        const string Source = """
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.Lambda;
            using Constructs;

            namespace Isol8.Infra;

            public class JobsStack : Stack
            {
                public JobsStack(Construct scope, string id) : base(scope, id)
                {
                    Environment["WORKER_ARN"] = new FargateTaskDefinition(this, "Worker").TaskDefinitionArn;
                }

                public Dictionary<string, string> Environment { get; } = new();
            }

            public class SchedulerStack : Stack
            {
                public SchedulerStack(Construct scope, string id, JobsStack jobs) : base(scope, id)
                {
                    new Function(this, "Scheduler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x"), Environment = {|ICDK001:jobs.Environment|} });
                }
            }
            """;
        return VerifyFixAsync(System.Array.Empty<string>(), Source, Source);
    }

    /// <summary>A relay (<c>containers.ApiArn</c>, a string member of the owning stack) is published from that stack under the member's name.</summary>
    [Fact]
    public Task RelayedRead_IsReadThroughTheHelper_PublishedByTheOwningStack()
    {
        const string Source = """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, RelayingStack containers) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:containers.ApiArn|} });
                }
            }
            """;
        const string RelayingStack = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class RelayingStack : Stack
            {
                public RelayingStack(Construct scope, string id) : base(scope, id)
                {
                    ApiArn = new FargateTaskDefinition(this, "Api").TaskDefinitionArn;
                }

                public string ApiArn { get; }
            }
            """;
        return VerifyFixAsync(new[] { RelayingStack }, Source, Source.Replace("{|ICDK001:containers.ApiArn|}", "CrossStackParameters.Read(this, containers, \"ApiArn\", containers.ApiArn, keepOldExport: true)", System.StringComparison.Ordinal));
    }

    /// <summary>
    /// A relay method without arguments (<c>jobs.NightlyArn()</c>) is published from its stack under the method's name; one
    /// with arguments gets no fix: the helper publishes one parameter per construct and name, and each argument may
    /// give another value.
    /// </summary>
    [Fact]
    public Task RelayMethodRead_IsReadThroughTheHelper_OnlyWithoutArguments()
    {
        const string Source = """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class DispatchStack : Stack
            {
                public DispatchStack(Construct scope, string id, JobsStack jobs) : base(scope, id)
                {
                    new CfnOutput(this, "Nightly", new CfnOutputProps { Value = {|ICDK001:jobs.NightlyArn()|} });
                    new CfnOutput(this, "Hourly", new CfnOutputProps { Value = {|ICDK001:jobs.ArnOf("hourly")|} });
                }
            }
            """;
        const string JobsStack = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class JobsStack : Stack
            {
                private readonly FargateTaskDefinition _nightly;
                private readonly FargateTaskDefinition _hourly;

                public JobsStack(Construct scope, string id) : base(scope, id)
                {
                    _nightly = new FargateTaskDefinition(this, "Nightly");
                    _hourly = new FargateTaskDefinition(this, "Hourly");
                }

                public string NightlyArn() => _nightly.TaskDefinitionArn;

                public string ArnOf(string job) => job == "hourly" ? _hourly.TaskDefinitionArn : _nightly.TaskDefinitionArn;
            }
            """;
        return VerifyFixAsync(
            new[] { JobsStack },
            Source,
            Source.Replace("{|ICDK001:jobs.NightlyArn()|}", "CrossStackParameters.Read(this, jobs, \"NightlyArn\", jobs.NightlyArn(), keepOldExport: true)", System.StringComparison.Ordinal)
                .Replace("{|ICDK001:jobs.ArnOf(\"hourly\")|}", "jobs.ArnOf(\"hourly\")", System.StringComparison.Ordinal),
            remaining: new[] { Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithSpan("/0/Test1.cs", 11, 68, 11, 88).WithArguments("ArnOf", "stack 'JobsStack'", "DispatchStack") });
    }

    /// <summary>
    /// A call of a method that reads the construct it is given is published from that construct under the method's
    /// name when the call gives nothing else (an extension method's receiver, a static helper's one argument, the
    /// consumer's own method called by name); a task definition given with other values is imported where it is given;
    /// a stack given with other values gets no fix, as a relay method with arguments does not.
    /// </summary>
    [Fact]
    public Task MethodReadingWhatItIsGiven_IsReadThroughTheHelper_OnlyWhenGivenTheConstructAlone()
    {
        const string Source = """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class DispatchStack : Stack
            {
                public DispatchStack(Construct scope, string id, JobsStack jobs) : base(scope, id)
                {
                    new CfnOutput(this, "Nightly", new CfnOutputProps { Value = {|ICDK001:jobs.NightlyArn()|} });
                    new CfnOutput(this, "Task", new CfnOutputProps { Value = {|ICDK001:jobs.Nightly.ArnOf()|} });
                    new CfnOutput(this, "Static", new CfnOutputProps { Value = {|ICDK001:JobReads.NightlyArn(jobs)|} });
                    new CfnOutput(this, "Picked", new CfnOutputProps { Value = {|ICDK001:JobReads.Pick(jobs, true)|} });
                    new CfnOutput(this, "ByName", new CfnOutputProps { Value = {|ICDK001:Arn(jobs.Hourly)|} });
                    new CfnOutput(this, "Scoped", new CfnOutputProps { Value = {|ICDK001:JobReads.Scoped(this, jobs.Nightly)|} });
                }

                private string Arn(Amazon.CDK.AWS.ECS.ITaskDefinition task) => task.TaskDefinitionArn;
            }
            """;
        const string JobsStack = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public static class JobReads
            {
                public static string NightlyArn(this JobsStack jobs) => jobs.Nightly.TaskDefinitionArn;

                public static string ArnOf(this ITaskDefinition task) => task.TaskDefinitionArn;

                public static string Pick(JobsStack jobs, bool nightly) => nightly ? jobs.Nightly.TaskDefinitionArn : jobs.Hourly.TaskDefinitionArn;

                public static string Scoped(Construct scope, ITaskDefinition task) => task.TaskDefinitionArn;
            }

            public class JobsStack : Stack
            {
                public JobsStack(Construct scope, string id) : base(scope, id)
                {
                    Nightly = new FargateTaskDefinition(this, "Nightly");
                    Hourly = new FargateTaskDefinition(this, "Hourly");
                }

                public FargateTaskDefinition Nightly { get; }

                public FargateTaskDefinition Hourly { get; }
            }
            """;
        return VerifyFixAsync(
            new[] { JobsStack },
            Source,
            Source.Replace("{|ICDK001:jobs.NightlyArn()|}", "CrossStackParameters.Read(this, jobs, \"NightlyArn\", jobs.NightlyArn(), keepOldExport: true)", System.StringComparison.Ordinal)
                .Replace("{|ICDK001:jobs.Nightly.ArnOf()|}", "CrossStackParameters.Read(this, jobs.Nightly, \"ArnOf\", jobs.Nightly.ArnOf(), keepOldExport: true)", System.StringComparison.Ordinal)
                .Replace("{|ICDK001:JobReads.NightlyArn(jobs)|}", "CrossStackParameters.Read(this, jobs, \"NightlyArn\", JobReads.NightlyArn(jobs), keepOldExport: true)", System.StringComparison.Ordinal)
                .Replace("{|ICDK001:JobReads.Pick(jobs, true)|}", "JobReads.Pick(jobs, true)", System.StringComparison.Ordinal)
                .Replace("{|ICDK001:Arn(jobs.Hourly)|}", "CrossStackParameters.Read(this, jobs.Hourly, \"Arn\", Arn(jobs.Hourly), keepOldExport: true)", System.StringComparison.Ordinal)
                .Replace("{|ICDK001:JobReads.Scoped(this, jobs.Nightly)|}", "JobReads.Scoped(this, CrossStackParameters.ImportTaskDefinition(this, jobs.Nightly, keepOldExport: true))", System.StringComparison.Ordinal),
            remaining: new[] { Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithSpan("/0/Test1.cs", 13, 68, 13, 93).WithArguments("Pick", "stack 'JobsStack'", "DispatchStack") });
    }

    /// <summary>A nested stack's import: no fix (neither the parameter nor the family has been proven to deploy from inside one).</summary>
    [Fact]
    public Task NestedStackConsumer_NoFixIsOffered()
    {
        const string Source = """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class Reader : NestedStack
            {
                public Reader(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:container.TaskDef.TaskDefinitionArn|} });
                }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new Reader(this, "Reader", container);
                }
            }
            """;
        return VerifyFixAsync(new[] { ContainerStack }, Source, Source);
    }

    [Fact]
    public Task AppLevelArnIntoStackProps_OffersOnlyTheFamily()
    {
        const string Source = """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

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

            public static class Wiring
            {
                public static void Build(App app)
                {
                    var container = new ContainerStack(app, "Container");
                    new ServiceStack(app, "Service", new ServiceStackProps { TaskDefinitionArn = {|ICDK001:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """;
        return VerifyFixAsync(new[] { ContainerStack }, Source, Source.Replace("{|ICDK001:container.TaskDef.TaskDefinitionArn|}", "CrossStackParameters.TaskDefinitionFamily(container.TaskDef, \"isol8-openclaw\", keepOldExport: true)", System.StringComparison.Ordinal));
    }

    [Fact]
    public Task StageWiring_ReadsIntoTheConsumingScope()
        => VerifyFixAsync(
            new[] { ContainerStack },
            """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ProdStage : Stage
            {
                public ProdStage(Construct scope, string id) : base(scope, id)
                {
                    var container = new ContainerStack(this, "Container");
                    var service = new Stack(this, "Service");
                    new CfnOutput(service, "Arn", new CfnOutputProps { Value = {|ICDK001:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ProdStage : Stage
            {
                public ProdStage(Construct scope, string id) : base(scope, id)
                {
                    var container = new ContainerStack(this, "Container");
                    var service = new Stack(this, "Service");
                    new CfnOutput(service, "Arn", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionArn(service, container.TaskDef, keepOldExport: true) });
                }
            }
            """,
            helperExists: true);

    [Fact]
    public Task FamilyFix_UsesTheLiteralFamilyOfTheDefinitionSite()
        => VerifyFixAsync(
            new[] { ContainerStack },
            """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            """
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionFamily(container.TaskDef, "isol8-openclaw", keepOldExport: true) });
                }
            }
            """,
            codeActionIndex: 1);

    /// <summary>
    /// The stack reaches the consumer as the app's outputs interface: the literal is the family of the task definition
    /// its one implementing class gives (an interface member has no <c>.Family</c> to fall back to).
    /// </summary>
    [Fact]
    public Task FamilyFix_ThroughTheAppsOutputsInterface_UsesItsImplementationsLiteral()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public interface IContainerOutputs
            {
                ITaskDefinition TaskDef { get; }
            }

            public class OutputsStack : Stack, IContainerOutputs
            {
                public OutputsStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-outputs" });
                }

                public ITaskDefinition TaskDef { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, IContainerOutputs outputs) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = READ });
                }
            }
            """;
        return VerifyFixAsync(
            System.Array.Empty<string>(),
            Source.Replace("READ", "{|ICDK001:outputs.TaskDef.TaskDefinitionArn|}", System.StringComparison.Ordinal),
            Source.Replace("READ", "CrossStackParameters.TaskDefinitionFamily(outputs.TaskDef, \"isol8-outputs\", keepOldExport: true)", System.StringComparison.Ordinal),
            codeActionIndex: 1,
            importedNamespaces: new[] { "Amazon.CDK.AWS.ECS" });
    }

    [Fact]
    public Task FamilyFix_UsesTheFamilyPropertyWhenTheFamilyIsNotAConstant()
        => VerifyFixAsync(
            System.Array.Empty<string>(),
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "openclaw-" + System.Environment.MachineName });
                }

                public FargateTaskDefinition TaskDef { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:container.TaskDef.TaskDefinitionArn|} });
                }
            }
            """,
            """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            namespace Isol8.Infra;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "openclaw-" + System.Environment.MachineName });
                }

                public FargateTaskDefinition TaskDef { get; }
            }

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionFamily(container.TaskDef, container.TaskDef.Family, keepOldExport: true) });
                }
            }
            """,
            codeActionIndex: 1,
            importedNamespaces: new[] { "Amazon.CDK.AWS.ECS" });

    [Fact]
    public Task BlockNamespaceAndPrefixOption_AreFollowed()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add("""
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Services
            {
                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, Isol8.Infra.ContainerStack container) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK001:container.TaskDef.TaskDefinitionArn|} });
                    }
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\nisol8_cdk.ssm_parameter_prefix = /isol8/shared/\n"));
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(ExpectedFiles.WithHelperInBlockNamespace("""
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Services
            {
                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, Isol8.Infra.ContainerStack container) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: true) });
                    }
                }
            }
            """, "/isol8/shared"));
        return test.RunAsync();
    }

    [Fact]
    public Task FixAllAcrossDocuments_AddsTheHelperOnce()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(ContainerStack);
        var consumers = new[] { "Api", "Worker" };
        foreach (var name in consumers)
        {
            test.TestState.Sources.Add(ConsumerOf(name, "{|ICDK001:container.TaskDef.TaskDefinitionArn|}", "{|ICDK001:container.TaskDef.TaskDefinitionArn|}"));
            var fixedSource = ConsumerOf(name, "CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: true)", "CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: true)");
            test.FixedState.Sources.Add(name == "Api" ? ExpectedFiles.WithAppendedHelper(fixedSource) : fixedSource);
        }

        test.CodeActionEquivalenceKey = CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey;
        // What a user expects: one Fix All in the project or solution fixes everything; in a document, it fixes that
        // document, so it takes one pass per consumer's file.
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInProjectIterations = 1;
        test.NumberOfFixAllInDocumentIterations = consumers.Length;
        return test.RunAsync();
    }

    private static string ConsumerOf(string name, string first, string second) => $$"""
        using Amazon.CDK;
        using Constructs;

        namespace Isol8.Infra;

        public class {{name}}Stack : Stack
        {
            public {{name}}Stack(Construct scope, string id, ContainerStack container) : base(scope, id)
            {
                new CfnOutput(this, "Arn", new CfnOutputProps { Value = {{first}} });
                new CfnOutput(this, "Again", new CfnOutputProps { Value = {{second}} });
            }
        }
        """;
}
