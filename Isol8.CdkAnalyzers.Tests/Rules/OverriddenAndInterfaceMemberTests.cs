using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A member read through a base stack class that subclasses override (<c>public abstract IVersion Handler { get; }</c>,
/// a <c>virtual</c> one) is whichever override the instance's class runs: owned relative to the instance when the
/// member's own values (unless abstract) and every override in the source agree. A member read through an interface
/// the receiver's class implements (<c>((ITaskSource)api).Main</c>, explicitly or not) is that class's member. The
/// synthesized proof is <c>CrossStackVolatileReferenceSynthesisTests.OverriddenAndInterfaceMembers_AreImportedWhereRead_AndReportedThere</c>.
/// </summary>
public class OverriddenAndInterfaceMemberTests
{
    private const string ServiceStacks = """
        public interface ITaskSource
        {
            ITaskDefinition Main { get; }
        }

        public abstract class ServiceStackBase : Stack, ITaskSource
        {
            protected ServiceStackBase(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "Task");
            }

            public FargateTaskDefinition TaskDef { get; }

            public abstract IVersion Handler { get; }

            public virtual ITaskDefinition Worker => TaskDef;

            public abstract ITaskDefinition Mixed { get; }

            public virtual ITaskDefinition Overridden => TaskDef;

            ITaskDefinition ITaskSource.Main => TaskDef;

            protected IVersion NewVersion(string id)
                => new Function(this, id, new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") }).CurrentVersion;
        }

        public sealed class ApiStack : ServiceStackBase
        {
            private readonly IVersion _handler;

            public ApiStack(Construct scope, string id, ITaskDefinition shared) : base(scope, id)
            {
                _handler = NewVersion("Fn");
                Shared = shared;
            }

            public override IVersion Handler => _handler;

            public override ITaskDefinition Mixed => TaskDef;

            public override ITaskDefinition Overridden => Shared;

            public ITaskDefinition Shared { get; }
        }

        public sealed class JobsStack : ServiceStackBase
        {
            public JobsStack(Construct scope, string id, ITaskDefinition shared) : base(scope, id)
            {
                Handler = NewVersion("Fn");
                Mixed = shared;
            }

            public override IVersion Handler { get; }

            public override ITaskDefinition Mixed { get; }

            public override ITaskDefinition Worker => TaskDef;
        }

        public class OpenStack : Stack, ITaskSource
        {
            public OpenStack(Construct scope, string id) : base(scope, id)
            {
                Main = new FargateTaskDefinition(this, "Task");
            }

            public ITaskDefinition Main { get; protected set; }
        }

        public class DerivedOpenStack : OpenStack
        {
            public DerivedOpenStack(Construct scope, string id, ITaskDefinition other) : base(scope, id)
            {
                Main = other;
            }
        }
        """;

    private static DiagnosticResult Expected(int location, string member, string owner)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(member, owner, "MonitorStack");

    /// <summary>An abstract member every override fills with the instance's own version, a virtual one whose override agrees, an interface's member through a cast.</summary>
    [Fact]
    public Task MembersEveryOverrideAgreesOnAndInterfaceMembers_Trigger()
        => VerifyAsync(
            """
            foreach (var service in services)
                    {
                        Out(service.Node.Id + "Handler", {|#0:service.Handler.FunctionArn|});
                        Out(service.Node.Id + "Worker", {|#1:service.Worker.TaskDefinitionArn|});
                    }

                    Out("Main", {|#2:((ITaskSource)api).Main.TaskDefinitionArn|});
            """,
            Expected(0, "FunctionArn", "stack 'ServiceStackBase'"),
            Expected(1, "TaskDefinitionArn", "stack 'ServiceStackBase'"),
            Expected(2, "TaskDefinitionArn", "stack 'ApiStack'"));

    /// <summary>
    /// Silent where an override may give what its stack received (<c>Mixed</c>, <c>Overridden</c>), and for an interface
    /// member of a class a subclass in the source may implement again.
    /// </summary>
    [Fact]
    public Task MembersAnOverrideMayFillOtherwise_DoNotTrigger()
        => VerifyAsync(
            """
            foreach (var service in services)
                    {
                        Out(service.Node.Id + "Mixed", service.Mixed.TaskDefinitionArn);
                        Out(service.Node.Id + "Overridden", service.Overridden.TaskDefinitionArn);
                    }

                    Out("Open", ((ITaskSource)open).Main.TaskDefinitionArn);
            """);

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + ServiceStacks,
                CdkSources.Usings + CdkSources.ConsumerStack("MonitorStack", "ServiceStackBase[] services, ApiStack api, OpenStack open", body),
            },
            withCdk: true,
            editorConfig: null,
            expected);
}
