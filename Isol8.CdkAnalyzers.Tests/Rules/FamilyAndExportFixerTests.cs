using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class FamilyAndExportFixerTests
{
    private const string ContainerStack = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        namespace Isol8.Infra;

        public class ContainerStack : Stack
        {
            public const string OpenClawFamily = "isol8-prod-openclaw";

            public ContainerStack(Construct scope, string id, string environment) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = OpenClawFamily });
                new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = $"isol8-{environment}-worker" });
            }

            public FargateTaskDefinition TaskDef { get; }
        }
        """;

    private static string Service(string body) => $$"""
        using System.Collections.Generic;
        using Amazon.CDK;
        using Constructs;

        namespace Isol8.Infra;

        public class ServiceStack : Stack
        {
            public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
            {
                {{body}}
            }
        }
        """;

    [Fact]
    public Task UnpinnedFamilyOfAnotherStack_IsPinnedThroughTheSsmHelper()
    {
        var test = new CSharpCodeFixVerifier<UnpinnedFamilyReferenceAnalyzer, UnpinnedFamilyReferenceFixer>.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add(Service("""var environment = new Dictionary<string, string> { ["OPENCLAW_TASK_DEFINITION"] = {|ICDK003:container.TaskDef.Family|} };"""));
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(ExpectedFiles.WithAppendedHelper(Service("""var environment = new Dictionary<string, string> { ["OPENCLAW_TASK_DEFINITION"] = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef) };""")));
        return test.RunAsync();
    }

    [Fact]
    public Task UnpinnedFamilyOfTheSameStack_BecomesTheArn()
    {
        const string Source = """
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public class AppStack : Stack
            {
                public AppStack(Construct scope, string id) : base(scope, id)
                {
                    var worker = new FargateTaskDefinition(this, "Worker", new FargateTaskDefinitionProps { Family = "isol8-worker" });
                    var environment = new Dictionary<string, string> { ["WORKER_TASK_DEF"] = VALUE_PLACEHOLDER };
                }
            }
            """;
        var test = new CSharpCodeFixVerifier<UnpinnedFamilyReferenceAnalyzer, UnpinnedFamilyReferenceFixer>.Test();
        test.TestState.Sources.Add(Source.Replace("VALUE_PLACEHOLDER", "{|ICDK003:worker.Family|}", System.StringComparison.Ordinal));
        test.FixedState.Sources.Add(Source.Replace("VALUE_PLACEHOLDER", "worker.TaskDefinitionArn", System.StringComparison.Ordinal));
        return test.RunAsync();
    }

    [Fact]
    public Task DriftedLiteral_BecomesTheOwnersConstant_OrTheFilledTemplate()
    {
        var test = new CSharpCodeFixVerifier<DriftedFamilyLiteralAnalyzer, DriftedFamilyLiteralFixer>.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add(Service("""
            var environment = new Dictionary<string, string>
                    {
                        ["OPENCLAW_TASK_DEFINITION"] = {|ICDK004:"isol8-prod-openclow"|},
                        ["WORKER_TASK_DEF"] = {|ICDK004:"isol8-staging-wroker"|},
                    };
            """));
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add(Service("""
            var environment = new Dictionary<string, string>
                    {
                        ["OPENCLAW_TASK_DEFINITION"] = ContainerStack.OpenClawFamily,
                        ["WORKER_TASK_DEF"] = "isol8-staging-worker",
                    };
            """));
        return test.RunAsync();
    }

    /// <summary>A family declared through a constant of the app's names class: the drifted literal becomes that constant.</summary>
    [Fact]
    public Task DriftedLiteral_OfAFamilyDeclaredThroughAnotherClassesConstant_BecomesThatConstant()
    {
        const string Source = """
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public static class Families
            {
                public const string Billing = "isol8-prod-billing";
            }

            public class BillingStack : Stack
            {
                public BillingStack(Construct scope, string id) : base(scope, id)
                {
                    new FargateTaskDefinition(this, "Billing", new FargateTaskDefinitionProps { Family = Families.Billing });
                    var environment = new Dictionary<string, string> { ["BILLING_TASK_DEFINITION"] = VALUE };
                }
            }
            """;
        var test = new CSharpCodeFixVerifier<DriftedFamilyLiteralAnalyzer, DriftedFamilyLiteralFixer>.Test();
        test.TestState.Sources.Add(Source.Replace("VALUE", "{|ICDK004:\"isol8-prod-biling\"|}", System.StringComparison.Ordinal));
        test.FixedState.Sources.Add(Source.Replace("VALUE", "Families.Billing", System.StringComparison.Ordinal));
        return test.RunAsync();
    }

    /// <summary>
    /// A literal that gives a template's hole no characters is still a near miss, but what the hole holds cannot be
    /// read from it: no replacement, no fix (filling the hole with nothing would write the literal back). Its
    /// neighbour with a hole value is fixed as usual.
    /// </summary>
    [Fact]
    public async Task DriftedLiteral_ThatLeavesAHoleEmpty_IsReportedWithoutAFix()
    {
        using var fixer = new WorkspaceFixer(ContainerStack, Service("""
            var environment = new Dictionary<string, string>
                    {
                        ["WORKER_TASK_DEF"] = "isol8--worker",
                        ["STAGING_WORKER_TASK_DEF"] = "isol8-staging-wroker",
                    };
            """));
        var diagnostics = await fixer.DiagnosticsAsync(DiagnosticIds.DriftedFamilyLiteral);

        Assert.Equal(new[] { "\"isol8--worker\"", "\"isol8-staging-wroker\"" }, diagnostics.Select(d => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan)));
        Assert.All(diagnostics, d => Assert.Equal("isol8-{…}-worker", d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Split('\'')[3]));
        Assert.False(diagnostics[0].Properties.ContainsKey(DriftedFamilyLiteralAnalyzer.ReplacementProperty));
        Assert.Empty(await fixer.ActionsAsync(new DriftedFamilyLiteralFixer(), diagnostics[0]));
        Assert.Equal("isol8-staging-worker", diagnostics[1].Properties[DriftedFamilyLiteralAnalyzer.ReplacementProperty]);
        Assert.Equal(new[] { "Use the declared family \"isol8-staging-worker\"" }, (await fixer.ActionsAsync(new DriftedFamilyLiteralFixer(), diagnostics[1])).Select(a => a.Title));
    }

    /// <summary>
    /// ICDK003's fix pins the revision where the family is used. Under <c>this</c> it knows the consumer and offers the
    /// rewrite; under a construct the stack received (whose stack may be any, the owner's included) the consumer is
    /// unknown, and a rewrite that assumed this stack could move the reference into the wrong one: none is offered.
    /// </summary>
    [Theory]
    [InlineData("this", 1)]
    [InlineData("received", 0)]
    public async Task UnpinnedFamily_UnderAScopeOfUnknownStack_GetsNoRewrite(string scope, int actions)
    {
        using var fixer = new WorkspaceFixer(CdkSources.Usings + CdkSources.ContainerStack, CdkSources.Usings + $$"""
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container, Construct received) : base(scope, id)
                {
                    new Amazon.CDK.AWS.Lambda.Function({{scope}}, "Fn", new Amazon.CDK.AWS.Lambda.FunctionProps
                    {
                        Runtime = Amazon.CDK.AWS.Lambda.Runtime.NODEJS_18_X,
                        Handler = "index.handler",
                        Code = Amazon.CDK.AWS.Lambda.Code.FromInline("x"),
                        Environment = new Dictionary<string, string> { ["WORKER_TASK_DEFINITION"] = container.TaskDef.Family },
                    });
                }
            }
            """);
        var diagnostic = Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.UnpinnedFamilyReference));

        Assert.Equal(actions, (await fixer.ActionsAsync(new UnpinnedFamilyReferenceFixer(), diagnostic)).Count);
    }

    [Fact]
    public Task ExportValueAndExportedOutput_ArePublishedInSsmParameters_AndKeptUntilImportersMove()
    {
        const string Before = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ExportValue({|ICDK005:taskDef.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8:openclaw-task-definition" });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK005:taskDef.TaskDefinitionArn|}, ExportName = "isol8-openclaw-arn", Description = "The OpenClaw revision" });
                }
            }
            """;
        const string After = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.SSM;
            using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ExportValue(taskDef.TaskDefinitionArn, new ExportValueOptions { Name = "isol8:openclaw-task-definition" });
                    new StringParameter(this, "Isol8OpenclawTaskDefinitionParameter", new StringParameterProps { ParameterName = "/cdk-cross-stack/isol8/openclaw-task-definition", StringValue = taskDef.TaskDefinitionArn });
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn, ExportName = "isol8-openclaw-arn", Description = "The OpenClaw revision" });
                    new StringParameter(this, "Isol8OpenclawArnParameter", new StringParameterProps { ParameterName = "/cdk-cross-stack/isol8-openclaw-arn", StringValue = taskDef.TaskDefinitionArn, Description = "The OpenClaw revision" });
                }
            }
            """;
        return VerifyExportFixAsync(Before, After);
    }

    /// <summary>
    /// A file that uses <c>Amazon.CDK.CfnParameter</c> gets no <c>using Amazon.CDK.AWS.SSM;</c>, which declares a
    /// <c>CfnParameter</c> too and would make the file's own ambiguous (CS0104): the parameter's types stay qualified.
    /// A member that shares a name with an SSM type (<c>ParameterType</c>) is found before any import and does not count.
    /// </summary>
    [Theory]
    [InlineData("new CfnParameter(this, \"Image\", new CfnParameterProps { Default = \"busybox\" })", "Amazon.CDK.AWS.SSM.")]
    [InlineData("ParameterType", "")]
    public Task ExportFix_InAFileWhoseNamesAnSsmUsingWouldMakeAmbiguous_KeepsTheParameterTypesQualified(string use, string qualification)
    {
        var before = $$"""
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var used = {{use}};
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ExportValue({|ICDK005:taskDef.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8-openclaw-arn" });
                }

                public string ParameterType { get; } = "String";
            }
            """;
        var after = $$"""
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            {{(qualification.Length == 0 ? "using Amazon.CDK.AWS.SSM;\n" : string.Empty)}}using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var used = {{use}};
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ExportValue(taskDef.TaskDefinitionArn, new ExportValueOptions { Name = "isol8-openclaw-arn" });
                    new {{qualification}}StringParameter(this, "Isol8OpenclawArnParameter", new {{qualification}}StringParameterProps { ParameterName = "/cdk-cross-stack/isol8-openclaw-arn", StringValue = taskDef.TaskDefinitionArn });
                }

                public string ParameterType { get; } = "String";
            }
            """;
        return VerifyExportFixAsync(before, after);
    }

    /// <summary>A local and a relay are published as they are written: the parameter's value is the same expression, in scope right after the export.</summary>
    [Fact]
    public Task ExportsOfALocalAndOfARelay_ArePublishedAsWritten()
    {
        const string Before = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ApiArn = taskDef.TaskDefinitionArn;
                    var arn = taskDef.TaskDefinitionArn;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|ICDK005:arn|}, ExportName = "isol8-openclaw-arn" });
                    ExportValue({|ICDK005:ApiArn|}, new ExportValueOptions { Name = "isol8-api-arn" });
                }

                public string ApiArn { get; }
            }
            """;
        const string After = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Amazon.CDK.AWS.SSM;
            using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    ApiArn = taskDef.TaskDefinitionArn;
                    var arn = taskDef.TaskDefinitionArn;
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = arn, ExportName = "isol8-openclaw-arn" });
                    new StringParameter(this, "Isol8OpenclawArnParameter", new StringParameterProps { ParameterName = "/cdk-cross-stack/isol8-openclaw-arn", StringValue = arn });
                    ExportValue(ApiArn, new ExportValueOptions { Name = "isol8-api-arn" });
                    new StringParameter(this, "Isol8ApiArnParameter", new StringParameterProps { ParameterName = "/cdk-cross-stack/isol8-api-arn", StringValue = ApiArn });
                }

                public string ApiArn { get; }
            }
            """;
        return VerifyExportFixAsync(Before, After);
    }

    /// <summary>
    /// An export made by the app's own helper gets no fix: the export name is the helper's, and the parameter belongs
    /// in the helper (ICDK005's page says so). A helper shaped like <c>ExportValue</c> (a value and its options) is not
    /// mistaken for it.
    /// </summary>
    [Fact]
    public Task ExportHelperCalls_GetNoFix()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public static class Outputs
            {
                public static void Export(string value, ExportValueOptions options)
                    => new CfnOutput(new Construct(new App(), "Holder"), "Out", new CfnOutputProps { Value = value, ExportName = options.Name });
            }

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    Outputs.Export({|ICDK005:taskDef.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8-openclaw-arn" });
                }
            }
            """;
        return VerifyExportFixAsync(Source, Source);
    }

    /// <summary>An output whose <c>ExportName</c> is set apart from its props gets no fix (ICDK005's page says to move the name into the props).</summary>
    [Fact]
    public Task ExportNameSetApartFromTheProps_GetsNoFix()
    {
        const string Source = """
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    new CfnOutput(this, "Initializer", new CfnOutputProps { Value = taskDef.TaskDefinitionArn }) { {|ICDK005:ExportName = "isol8-initializer-arn"|} };
                    var late = new CfnOutput(this, "Late", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                    {|ICDK005:late.ExportName = "isol8-late-arn"|};
                }
            }
            """;
        return VerifyExportFixAsync(Source, Source);
    }

    /// <summary>
    /// An export in a loop gets no fix, even under a constant name: the parameter the fix adds would be created on every
    /// pass under one id; so in a lambda or local function, which may run more than once. Nor one that is the body of an
    /// <c>if</c> (no block to put the parameter in beside it).
    /// </summary>
    [Fact]
    public Task ExportsInALoopALambdaOrAnEmbeddedStatement_GetNoFix()
    {
        const string Source = """
            using System.Collections.Generic;
            using Amazon.CDK;
            using Amazon.CDK.AWS.ECS;
            using Constructs;

            public class ContainerStack : Stack
            {
                public ContainerStack(Construct scope, string id, bool exported) : base(scope, id)
                {
                    var taskDef = new FargateTaskDefinition(this, "TaskDef");
                    var arns = new List<string> { taskDef.TaskDefinitionArn };
                    foreach (var arn in arns)
                    {
                        new CfnOutput(this, "Listed", new CfnOutputProps { Value = {|ICDK005:arn|}, ExportName = "isol8-listed-arn" });
                    }

                    for (var pass = 0; pass < 1; pass++)
                    {
                        ExportValue({|ICDK005:taskDef.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8-passed-arn" });
                    }

                    if (exported)
                        new CfnOutput(this, "Exported", new CfnOutputProps { Value = {|ICDK005:taskDef.TaskDefinitionArn|}, ExportName = "isol8-exported-arn" });

                    void Export()
                    {
                        ExportValue({|ICDK005:taskDef.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8-local-function-arn" });
                    }

                    System.Action later = () =>
                    {
                        ExportValue({|ICDK005:taskDef.TaskDefinitionArn|}, new ExportValueOptions { Name = "isol8-lambda-arn" });
                    };
                }
            }
            """;
        return VerifyExportFixAsync(Source, Source);
    }

    /// <summary>ICDK005's fix from <paramref name="before"/> to <paramref name="after"/> (the same text when no fix is offered).</summary>
    private static Task VerifyExportFixAsync(string before, string after)
    {
        var test = new CSharpCodeFixVerifier<VolatileExportAnalyzer, VolatileExportFixer>.Test();
        test.TestState.Sources.Add(before);
        test.FixedState.Sources.Add(after);
        return test.RunAsync();
    }
}
