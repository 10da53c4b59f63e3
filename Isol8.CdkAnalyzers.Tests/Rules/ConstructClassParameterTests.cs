using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A construct class of the app's that a stack creates with what the stack received (<c>new ApiService(this, "Api",
/// props.Compute)</c>, or the stack's props whole) and that reads another stack's task definition from it. Its
/// constructor's parameters are owned where every creation's argument is; its code runs in the one stack class that
/// creates it.
/// </summary>
public class ConstructClassParameterTests
{
    private const string Compute = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        public interface IComputeOutputs
        {
            ITaskDefinition Worker { get; }
        }

        public class ComputeStack : Stack, IComputeOutputs
        {
            public ComputeStack(Construct scope, string id) : base(scope, id)
            {
                Worker = new FargateTaskDefinition(this, "Worker");
                new ApiService(this, "OwnApi", this, "own");
            }

            public ITaskDefinition Worker { get; }
        }

        public class ServiceProps : StackProps
        {
            public IComputeOutputs Compute { get; init; } = null!;

            public System.Collections.Generic.IReadOnlyList<ITaskDefinition> Tasks { get; init; } = null!;
        }

        public class ApiService : Construct
        {
            public ApiService(Construct scope, string id, IComputeOutputs compute, string name) : base(scope, id)
            {
                new CfnOutput(this, name, new CfnOutputProps { Value = compute.Worker.TaskDefinitionArn });
            }
        }

        """;

    private static DiagnosticResult Expected(int location)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location)
            .WithArguments("TaskDefinitionArn", "another stack (it reaches this one through its constructor)", "ServiceStack");

    [Fact]
    public Task ConstructsCreatedInOneStackWithWhatItReceived_Trigger()
        => Verify.VerifyAsync(
            new[]
            {
                (Compute.Replace("new ApiService(this, \"OwnApi\", this, \"own\");", string.Empty, System.StringComparison.Ordinal) + """
                public class Reader : Construct
                {
                    public Reader(Construct scope, string id, ServiceProps props) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = {|#1:props.Compute.Worker.TaskDefinitionArn|} });
                    }
                }

                public class Launcher : Construct
                {
                    public Launcher(Construct scope, string id, ITaskDefinition task) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = task.TaskDefinitionArn });
                    }
                }

                public class Fleet : Construct
                {
                    public Fleet(Construct scope, string id, System.Collections.Generic.IEnumerable<ITaskDefinition> tasks) : base(scope, id)
                    {
                        foreach (var task in tasks)
                        {
                            new CfnOutput(this, "Arn" + task.Node.Id, new CfnOutputProps { Value = {|#3:task.TaskDefinitionArn|} });
                        }
                    }
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ServiceProps props) : base(scope, id, props)
                    {
                        new ApiService(this, "Api", props.Compute, "api");
                        new Reader(this, "Reader", props);
                        new Launcher(this, "Launcher", {|#2:props.Compute.Worker|});
                        new Fleet(this, "Fleet", props.Tasks);
                    }
                }
                """).Replace("compute.Worker.TaskDefinitionArn", "{|#0:compute.Worker.TaskDefinitionArn|}", System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            Expected(0),
            Expected(1),
            Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(2)
                .WithArguments("Worker", "another stack (it reaches this one through its constructor)", "ServiceStack"),
            Expected(3));

    /// <summary>
    /// Created by the owner with its own outputs and by another stack with the owner's: the creations disagree (and the
    /// class has no one host), so the read in it is silent. So is a class that a subclass in source extends, and one
    /// created through another constructor that chains to it with a value of its own.
    /// </summary>
    [Fact]
    public Task ConstructsWhoseCreationsDisagreeOrThatAreSubclassed_DoNotTrigger()
        => Verify.VerifyAsync(
            new[]
            {
                Compute + """
                public class Reader : Construct
                {
                    public Reader(Construct scope, string id, IComputeOutputs compute) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = compute.Worker.TaskDefinitionArn });
                    }
                }

                public class SpecialReader : Reader
                {
                    public SpecialReader(Construct scope, string id, IComputeOutputs compute) : base(scope, id, compute)
                    {
                    }
                }

                public sealed class FixedOutputs : IComputeOutputs
                {
                    public ITaskDefinition Worker { get; init; } = null!;
                }

                public class Dual : Construct
                {
                    public Dual(Construct scope, string id, IComputeOutputs compute) : base(scope, id)
                    {
                        new CfnOutput(this, "Arn", new CfnOutputProps { Value = compute.Worker.TaskDefinitionArn });
                    }

                    public Dual(Construct scope, string id) : this(scope, id, new FixedOutputs())
                    {
                    }
                }

                public class ServiceStack : Stack
                {
                    public ServiceStack(Construct scope, string id, ServiceProps props) : base(scope, id, props)
                    {
                        new ApiService(this, "Api", props.Compute, "api");
                        new Reader(this, "Reader", props.Compute);
                        new Dual(this, "Dual", props.Compute);
                        new Dual(this, "Default");
                    }
                }
                """,
            },
            withCdk: true,
            editorConfig: null);
}
