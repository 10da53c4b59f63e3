using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A stack's or construct's method that returns a volatile read of its own construct relays it, as a string property
/// does: <c>jobs.ArnOf("nightly")</c> in another stack imports the task definition's ARN. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.RelayMethods_AreImportedWhereAnotherStackCallsThem</c>.
/// </summary>
public class RelayMethodTests
{
    private static DiagnosticResult Expected(int location, string method)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(method, "stack 'JobsStack'", "DispatchStack");

    /// <summary>A jobs stack declaring <paramref name="methods"/> over its task definitions, called by <c>DispatchStack</c> through <paramref name="reads"/>.</summary>
    private static Task VerifyAsync(string methods, string reads, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                using System.Collections.Generic;

                public class JobsStack : Stack
                {
                    private readonly Dictionary<string, FargateTaskDefinition> _jobs = new();

                    public JobsStack(Construct scope, string id, ContainerStack? other = null) : base(scope, id)
                    {
                        Other = other;
                        Nightly = new FargateTaskDefinition(this, "Nightly");
                        foreach (var name in new[] { "hourly", "weekly" })
                        {
                            _jobs[name] = new FargateTaskDefinition(this, name);
                        }
                    }

                    public FargateTaskDefinition Nightly { get; }

                    public ContainerStack? Other { get; }

                    METHODS
                }
                """.Replace("METHODS", methods, System.StringComparison.Ordinal),
                CdkSources.Usings + """
                public class DispatchStack : Stack
                {
                    public DispatchStack(Construct scope, string id, JobsStack jobs) : base(scope, id)
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
    [InlineData("public string ArnOf(string job) => _jobs[job].TaskDefinitionArn;", "{|#0:jobs.ArnOf(\"hourly\")|}", "ArnOf")]
    [InlineData("public string NightlyArn() => Nightly.TaskDefinitionArn;", "{|#0:jobs.NightlyArn()|}", "NightlyArn")]
    [InlineData("public string NightlyArn() { return this.Nightly.TaskDefinitionArn; }", "{|#0:jobs.NightlyArn()|}", "NightlyArn")]
    [InlineData("public string ArnOf(bool weekly) { if (weekly) { return _jobs[\"weekly\"].TaskDefinitionArn; } return Nightly.TaskDefinitionArn; }", "({|#0:jobs.ArnOf(true)|})", "ArnOf")]
    [InlineData("public System.String NightlyArn() => Nightly.TaskDefinitionArn;", "{|#0:jobs?.NightlyArn()|}", "NightlyArn")]
    [InlineData("public string NightlyArn<T>() => Nightly.TaskDefinitionArn;", "{|#0:jobs.NightlyArn<int>()|}", "NightlyArn")]
    [InlineData("public string ArnOf(string job) => job switch { \"nightly\" => Nightly.TaskDefinitionArn, \"weekly\" or \"hourly\" => _jobs[job].TaskDefinitionArn, _ => throw new System.ArgumentException(job) };", "{|#0:jobs.ArnOf(\"weekly\")|}", "ArnOf")]
    public Task RelayMethodCalledByAnotherStack_Triggers(string method, string value, string name)
        => VerifyAsync(method, $$"""new CfnOutput(this, "Arn", new CfnOutputProps { Value = {{value}} });""", Expected(0, name));

    /// <summary>The jobs stack's own calls of its relay import nothing.</summary>
    [Fact]
    public Task RelayMethodCalledByItsOwnStack_DoesNotTrigger()
        => VerifyAsync(
            """
            public string NightlyArn() => Nightly.TaskDefinitionArn;

            public void Publish()
            {
                new CfnOutput(this, "Own", new CfnOutputProps { Value = NightlyArn() });
                new CfnOutput(this, "OwnThis", new CfnOutputProps { Value = this.NightlyArn() });
            }
            """,
            string.Empty);

    /// <summary>
    /// No relay: a stable value, one return that is no volatile read, a virtual one (a subclass may return something
    /// else), a read of a construct the call hands in from the calling stack. (A static method reading the stack it is
    /// given relays what it is given: <c>MethodReadingWhatItIsGivenTests</c>.)
    /// </summary>
    [Theory]
    [InlineData("public string NameOf(string job) => _jobs[job].Family;", "jobs.NameOf(\"hourly\")")]
    [InlineData("public string ArnOf(bool weekly) { if (weekly) { return \"none\"; } return Nightly.TaskDefinitionArn; }", "jobs.ArnOf(true)")]
    [InlineData("public string ArnOf(bool weekly) { if (weekly) { return \"\"; } return Nightly.TaskDefinitionArn; }", "jobs.ArnOf(true)")]
    [InlineData("public string ArnOf(string job) => job switch { \"nightly\" => Nightly.TaskDefinitionArn, _ => \"none\" };", "jobs.ArnOf(\"nightly\")")]
    [InlineData("public string ArnOf(string job) => job switch { _ => throw new System.ArgumentException(job) };", "jobs.ArnOf(\"nightly\")")]
    [InlineData("public string ArnOf(bool weekly) => weekly ? Nightly.Family : Nightly.TaskDefinitionArn;", "jobs.ArnOf(true)")]
    [InlineData("public virtual string NightlyArn() => Nightly.TaskDefinitionArn;", "jobs.NightlyArn()")]
    [InlineData("public string ArnOf(ITaskDefinition taskDef) => taskDef.TaskDefinitionArn;", "jobs.ArnOf(new FargateTaskDefinition(this, \"Mine\"))")]
    public Task MethodThatRelaysNothingOfItsOwn_DoesNotTrigger(string method, string call)
        => VerifyAsync(method, $$"""new CfnOutput(this, "Arn", new CfnOutputProps { Value = {{call}} });""");

    /// <summary>
    /// A method returning a read of a construct the stack received: the read imports, and is reported where it is (as a
    /// property relaying it is); its callers are not (the value's owner is not the stack whose method it is).
    /// </summary>
    [Fact]
    public Task MethodReadingAReceivedConstruct_IsReportedWhereItReads_NotWhereItIsCalled()
        => VerifyAsync(
            "public string OtherArn() => {|#0:Other!.TaskDef.TaskDefinitionArn|};",
            """new CfnOutput(this, "Arn", new CfnOutputProps { Value = jobs.OtherArn() });""",
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", "JobsStack"));

    /// <summary>
    /// A relay method of the app's own interface, every implementor's a relay (<c>IJobOutputs.ArnOf</c>, implemented
    /// implicitly or explicitly), and a construct's relay method, owned where the construct is.
    /// </summary>
    [Fact]
    public Task InterfaceAndConstructRelayMethods_Trigger()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public interface IJobOutputs
                {
                    string ArnOf(string job);
                }

                public interface IPinned
                {
                    string Pinned();
                }

                public class Job : Construct
                {
                    private readonly FargateTaskDefinition _taskDef;

                    public Job(Construct scope, string id) : base(scope, id)
                    {
                        _taskDef = new FargateTaskDefinition(this, "TaskDef");
                    }

                    public string Arn() => _taskDef.TaskDefinitionArn;
                }

                public class JobsStack : Stack, IJobOutputs, IPinned
                {
                    public JobsStack(Construct scope, string id) : base(scope, id)
                    {
                        Nightly = new FargateTaskDefinition(this, "Nightly");
                    }

                    public FargateTaskDefinition Nightly { get; }

                    public string ArnOf(string job) => Nightly.TaskDefinitionArn;

                    string IPinned.Pinned() => Nightly.TaskDefinitionArn;
                }

                public class DispatchStack : Stack
                {
                    public DispatchStack(Construct scope, string id, IJobOutputs jobs, Job job, IPinned pinned) : base(scope, id)
                    {
                        new CfnOutput(this, "Pinned", new CfnOutputProps { Value = {|#2:pinned.Pinned()|} });
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#0:jobs.ArnOf("nightly")|} });
                        new CfnOutput(this, "Job", new CfnOutputProps { Value = {|#1:job.Arn()|} });
                        new CfnOutput(this, "Own", new CfnOutputProps { Value = new Job(this, "Own").Arn() });
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("ArnOf", "another stack (it reaches this one through its constructor)", "DispatchStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(1).WithArguments("Arn", "another stack (it reaches this one through its constructor)", "DispatchStack"),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2).WithArguments("Pinned", "another stack (it reaches this one through its constructor)", "DispatchStack"));
}
