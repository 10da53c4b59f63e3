using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>
/// The relays' syntactic test, asked for every read of a string member before the semantic model is: yes for a
/// stack's or construct's string member or method returning a string, and for a plain object's member (never its
/// method) only when a stack class creates or holds its type and every value the text shows it given looks like a
/// stack's own volatile read. A plain props string set at the app's level, or a record of stable values, would
/// otherwise bind every method that reads it.
/// </summary>
public class RelayNamesTests
{
    private const string Source = """
        public record ComputeOutputs(string WorkerArn, string WorkerFamily);

        public record Unused(string UnusedArn);

        public class Endpoints
        {
            public string ApiArn { get; init; } = "";

            public string Fixed { get; init; } = "fixed";

            public string Computed => "x";

            public string Describe() => "endpoints";
        }

        public class ServiceProps : StackProps
        {
            public string Environment { get; init; } = null!;

            public string ApiArn { get; init; } = null!;
        }

        public class ComputeStack : Stack
        {
            public ComputeStack(Construct scope, string id) : base(scope, id)
            {
                var worker = new FargateTaskDefinition(this, "Worker");
                Outputs = new ComputeOutputs(worker.TaskDefinitionArn, worker.Family);
                Endpoints = new() { ApiArn = worker.TaskDefinitionArn };
            }

            public ComputeOutputs Outputs { get; }

            public Endpoints Endpoints { get; }

            public string OwnArn => Outputs.WorkerArn;

            public string ArnOf(string job) => Outputs.WorkerArn;
        }

        public static class Wiring
        {
            public static void Build(App app) => new ComputeStack(app, "Compute").Node.AddMetadata("env", new ServiceProps { Environment = "prod", ApiArn = "none" }.Environment);
        }
        """;

    [Theory]
    [InlineData("WorkerArn", true)]
    [InlineData("ApiArn", true)]
    [InlineData("OwnArn", true)]
    [InlineData("ArnOf", true)]
    [InlineData("Describe", false)]
    [InlineData("WorkerFamily", false)]
    [InlineData("UnusedArn", false)]
    [InlineData("Fixed", false)]
    [InlineData("Computed", false)]
    [InlineData("Environment", false)]
    [InlineData("NotDeclared", false)]
    public void MayRelay_AnswersFromTheSyntax(string member, bool mayRelay)
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + Source);
        var model = CdkModel.For(compilation)!;
        var catalogue = model.SettingsFor(TestOptionsProvider.Empty.GlobalOptions).Catalogue;

        Assert.Equal(mayRelay, model.Relays.MayRelay(member, catalogue, default));
    }
}
