using System.Linq;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// The consumer side of ICDK001: where a value read at app level (a <c>Main</c>, a stage, a wiring helper) ends up.
/// Each test follows the value one way it can travel to a construct in another stack than its owner's.
/// </summary>
public class CrossStackConsumerEdgeTests
{
    private static DiagnosticResult Expected(int location, string consumer = "ServiceStack")
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments("TaskDefinitionArn", "stack 'ContainerStack'", consumer);

    private static Task VerifyWiringAsync(string statements, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(new[] { CdkSources.Usings + Wiring(statements), CdkSources.Usings + CdkSources.ContainerStack }, withCdk: true, editorConfig: null, expected);

    private static string Wiring(string statements) => """
        public class ServiceStack : Stack
        {
            public ServiceStack(Construct scope, string id) : base(scope, id)
            {
            }
        }

        public static class Publisher
        {
            public static void Publish(string name, string value, Construct scope) => new CfnOutput(scope, name, new CfnOutputProps { Value = value });
        }

        public static class Wiring
        {
            public static void Build(App app, bool flag)
            {
                var container = new ContainerStack(app, "Container");
                var service = new ServiceStack(app, "Service");
                {statements}
            }
        }
        """.Replace("{statements}", statements);

    /// <summary>Either branch of a conditional is the value the output gets.</summary>
    [Fact]
    public Task ValueInAConditionalsBranch_ReachesItsConsumer_Triggers()
        => VerifyWiringAsync("new CfnOutput({|#1:service|}, \"Arn\", new CfnOutputProps { Value = flag ? {|#0:container.TaskDef.TaskDefinitionArn|} : \"none\" });",
            Expected(0).WithLocation(1));

    /// <summary>A read behind a null-conditional access is the value the output gets; the whole access is flagged.</summary>
    [Fact]
    public Task ReadBehindANullConditionalAccess_ReachesItsConsumer_Triggers()
        => VerifyWiringAsync("new CfnOutput({|#1:service|}, \"Arn\", new CfnOutputProps { Value = {|#0:container.TaskDef?.TaskDefinitionArn|} });",
            Expected(0).WithLocation(1));

    /// <summary>A value only compared in a condition is not put into the template: nothing is imported.</summary>
    [Fact]
    public Task ValueOnlyComparedInACondition_DoesNotTrigger()
        => VerifyWiringAsync("new CfnOutput(service, \"Arn\", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn == \"x\" ? \"a\" : \"b\" });");

    /// <summary>A static helper's scope is its construct argument, whatever comes before it.</summary>
    [Fact]
    public Task StaticHelperTakingTheScopeAfterOtherStrings_Triggers()
        => VerifyWiringAsync("Publisher.Publish(\"Arn\", {|#0:container.TaskDef.TaskDefinitionArn|}, {|#1:service|});",
            Expected(0).WithLocation(1));

    /// <summary>
    /// A static helper that reads the owner's value itself, under a scope parameter every call fills from one stack
    /// class (<c>Outputs.Version(this, containers)</c> in <c>ServiceStack</c> only), uses it in that stack: reported
    /// in the helper. Called from two stack classes, from the owner's own class, or used as a method group, its
    /// scope is unknown: silent.
    /// </summary>
    [Fact]
    public Task StaticHelperWhoseCallsAllPassOneStacksScope_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public static class Outputs
                {
                    public static void Arn(Stack consumer, ContainerStack containers)
                        => new CfnOutput({|#1:consumer|}, "Arn", new CfnOutputProps { Value = {|#0:containers.TaskDef.TaskDefinitionArn|} });

                    public static void Shared(Construct consumer, ContainerStack containers)
                        => new CfnOutput(consumer, "Shared", new CfnOutputProps { Value = containers.TaskDef.TaskDefinitionArn });

                    public static void Own(Construct consumer, ContainerStack containers)
                        => new CfnOutput(consumer, "Own", new CfnOutputProps { Value = containers.TaskDef.TaskDefinitionArn });

                    public static void Grouped(Construct consumer, ContainerStack containers)
                        => new CfnOutput(consumer, "Grouped", new CfnOutputProps { Value = containers.TaskDef.TaskDefinitionArn });
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ContainerStack containers) : base(scope, id)
                    {
                        Outputs.Arn(this, containers);
                        Outputs.Shared(this, containers);
                        Outputs.Grouped(this, containers);
                        System.Action<Construct, ContainerStack> later = Outputs.Grouped;
                    }
                }

                public class OtherStack : Stack
                {
                    public OtherStack(Construct scope, string id, ContainerStack containers) : base(scope, id)
                    {
                        Outputs.Shared(this, containers);
                    }
                }

                public class OwnerSideStack : ContainerStack
                {
                    public OwnerSideStack(Construct scope, string id) : base(scope, id)
                    {
                        Outputs.Own(this, this);
                    }
                }
                """,
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0).WithLocation(1));

    /// <summary>A method called on a construct of another stack uses the value in that construct's stack.</summary>
    [Fact]
    public Task MethodOfAConstructInAnotherStack_Triggers()
        => VerifyWiringAsync("""
            var handler = new Function(service, "Handler", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
            {|#1:handler|}.AddEnvironment("TASK_DEF_ARN", {|#0:container.TaskDef.TaskDefinitionArn|});
            """,
            Expected(0).WithLocation(1));

    /// <summary>A property of an L1 construct of another stack set after its creation: the value is used in that construct's stack.</summary>
    [Fact]
    public Task PropertySetOnAConstructOfAnotherStack_Triggers()
        => VerifyWiringAsync("""
            var output = new CfnOutput(service, "Arn", new CfnOutputProps { Value = "pending" });
            {|#1:output|}.Value = {|#0:container.TaskDef.TaskDefinitionArn|};
            """,
            Expected(0).WithLocation(1));

    /// <summary>The same property set on a construct of the owner's own stack imports nothing.</summary>
    [Fact]
    public Task PropertySetOnAConstructOfTheOwnersStack_DoesNotTrigger()
        => VerifyWiringAsync("""
            var output = new CfnOutput(container, "Arn", new CfnOutputProps { Value = "pending" });
            output.Value = container.TaskDef.TaskDefinitionArn;
            """);

    /// <summary>A property the app declares on its own construct renders nothing by being set: no consumer, silent.</summary>
    [Fact]
    public Task PropertyTheAppDeclaresOnItsOwnConstruct_DoesNotTrigger()
        => Verify.VerifyAsync(new[]
        {
            CdkSources.Usings + Wiring("""
                var holder = new Holder(service, "Holder");
                holder.Arn = container.TaskDef.TaskDefinitionArn;
                """),
            CdkSources.Usings + CdkSources.ContainerStack,
            CdkSources.Usings + """
                public class Holder : Construct
                {
                    public Holder(Construct scope, string id) : base(scope, id)
                    {
                    }

                    public string Arn { get; set; } = "";
                }
                """,
        },
            withCdk: true,
            editorConfig: null);

    /// <summary>A value copied from one local to another by assignment is followed through both.</summary>
    [Fact]
    public Task ValueCopiedBetweenLocalsByAssignment_Triggers()
        => VerifyWiringAsync("""
            var arn = {|#0:container.TaskDef.TaskDefinitionArn|};
            string copy;
            copy = arn;
            new CfnOutput(service, "Arn", new CfnOutputProps { Value = copy });
            """,
            Expected(0));

    /// <summary>Every use of a local is followed, however many there are before the one in another stack.</summary>
    [Fact]
    public Task LocalUsedManyTimes_EveryUseIsFollowed_Triggers()
    {
        var ownUses = string.Concat(Enumerable.Range(0, 20).Select(i => $"new CfnOutput(container, \"Arn{i}\", new CfnOutputProps {{ Value = arn }});\n"));
        return VerifyWiringAsync($$"""
            var arn = {|#0:container.TaskDef.TaskDefinitionArn|};
            {{ownUses}}new CfnOutput(service, "Arn", new CfnOutputProps { Value = arn });
            """,
            Expected(0));
    }

    /// <summary>
    /// A consumer reached through a local is reported, but its scope is not named for the SSM fix: the fix would write
    /// the scope at the read, where the local's later consumer may not be in scope yet.
    /// </summary>
    [Fact]
    public async Task ConsumerReachedThroughALocal_NamesNoHelperScope()
    {
        using var fixer = new WorkspaceFixer(CdkSources.Usings + CdkSources.ContainerStack + Wiring("""
            var arn = container.TaskDef.TaskDefinitionArn;
            new CfnOutput(service, "Arn", new CfnOutputProps { Value = arn });
            """));
        var diagnostic = Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));

        Assert.Equal("ServiceStack", diagnostic.Properties[CrossStackVolatileReferenceAnalyzer.ConsumerStackProperty]);
        Assert.False(diagnostic.Properties.ContainsKey("HelperScope"));
        Assert.Empty(diagnostic.AdditionalLocations);
    }

    /// <summary>
    /// A helper given the owner's stack that creates a plain <c>Stack</c> and puts the read under it (an extension
    /// method of the app, a static factory): a stack made by <c>new Stack(…)</c> is exactly a <c>Stack</c>, never the
    /// <c>ContainerStack</c> the helper was given. A stack created as the owner's class or a subclass of it may be the
    /// very instance a member then holds (here it is): silent.
    /// </summary>
    [Fact]
    public Task HelperCreatingAPlainStackForAnotherStacksValue_Triggers()
        => Verify.VerifyAsync(
            new[]
            {
                CdkSources.Usings + """
                public static class Reports
                {
                    public static void AddReports(this App app, ContainerStack container)
                    {
                        var stack = new Stack(app, "Reports");
                        new CfnOutput({|#2:stack|}, "Arn", new CfnOutputProps { Value = {|#0:container.TaskDef.TaskDefinitionArn|} });
                    }

                    public static Stack Audit(App app, ContainerStack container)
                    {
                        Stack audit = new Stack(app, "Audit");
                        new CfnOutput({|#3:audit|}, "Arn", new CfnOutputProps { Value = {|#1:container.TaskDef.TaskDefinitionArn|} });
                        return audit;
                    }
                }

                public class Registry
                {
                    public ContainerStack Container { get; set; } = null!;
                }

                public class AuditedContainerStack : ContainerStack
                {
                    public AuditedContainerStack(Construct scope, string id) : base(scope, id)
                    {
                    }
                }

                public static class SameInstance
                {
                    public static void Build(App app, Registry registry)
                    {
                        var created = new ContainerStack(app, "Created");
                        registry.Container = created;
                        new CfnOutput(created, "Arn", new CfnOutputProps { Value = registry.Container.TaskDef.TaskDefinitionArn });
                        var audited = new AuditedContainerStack(app, "Audited");
                        registry.Container = audited;
                        new CfnOutput(audited, "Arn", new CfnOutputProps { Value = registry.Container.TaskDef.TaskDefinitionArn });
                    }
                }
                """,
                CdkSources.Usings + CdkSources.ContainerStack,
            },
            withCdk: true,
            editorConfig: null,
            Expected(0, "Stack").WithLocation(2),
            Expected(1, "Stack").WithLocation(3));

    /// <summary>A stack that keeps another stack's task definition in props of its own uses it in itself.</summary>
    [Fact]
    public Task HandOverKeptInAMemberOfTheStack_IsUsedInThatStack_Triggers()
        => Verify.VerifyAsync(new[]
        {
            CdkSources.Usings + """
                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                    {
                        ServiceProps = new FargateServiceProps { TaskDefinition = {|#0:container.TaskDef|} };
                    }

                    public FargateServiceProps ServiceProps { get; }
                }
                """,
            CdkSources.Usings + CdkSources.ContainerStack,
        },
            withCdk: true,
            editorConfig: null,
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(0).WithArguments("TaskDef", "stack 'ContainerStack'", "ServiceStack"));
}
