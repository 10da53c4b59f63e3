using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// A Lambda version's metrics name it by its number (<c>FunctionName</c> is the function's name and the version), and
/// CDK renders a metric where an alarm or dashboard uses it: another stack's alarm on <c>functions.Current.MetricErrors()</c>
/// imports the version number. The synthesized proof is
/// <c>CrossStackVolatileReferenceSynthesisTests.VersionMetricsUsedInAnotherStack_ImportTheVersion_AndAreReported</c>.
/// </summary>
public class VersionMetricTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using Amazon.CDK;
        using Amazon.CDK.AWS.CloudWatch;
        using Amazon.CDK.AWS.Lambda;
        using Constructs;

        """;

    private static Task VerifyAsync(string body, params DiagnosticResult[] expected)
        => Verify.VerifyAsync(
            new[]
            {
                Usings + CdkSources.MonitoredFunctionsStack,
                Usings + """
                public class MonitoringStack : Stack
                {
                    public MonitoringStack(Construct scope, string id, FunctionsStack functions) : base(scope, id)
                    {
                        BODY
                    }

                    private void Watch(string id, IMetric metric) => new Alarm(this, id, new AlarmProps { Metric = metric, Threshold = 1, EvaluationPeriods = 1 });
                }
                """.Replace("BODY", body, System.StringComparison.Ordinal),
            },
            withCdk: true,
            editorConfig: null,
            expected);

    private static DiagnosticResult Expected(int location, string metric)
        => Verify.Diagnostic(DiagnosticIds.CrossStackVolatileReference).WithLocation(location).WithArguments(metric, "stack 'FunctionsStack'", "MonitoringStack");

    /// <summary>
    /// Given to an alarm's props, kept in a local first, put in a dashboard's widget, made an alarm under this stack,
    /// changed by <c>With</c>, used in a math expression, given to a method of this stack, or read from a version kept as
    /// an <c>IFunction</c>: each renders the version's number here.
    /// </summary>
    [Fact]
    public Task MetricOfAnotherStacksVersionUsedHere_Triggers()
        => VerifyAsync(
            """
            new Alarm(this, "Errors", new AlarmProps { Metric = {|#0:functions.Current.MetricErrors()|}, Threshold = 1, EvaluationPeriods = 1 });
                    var duration = {|#1:functions.Current.Metric("Duration")|};
                    new Alarm(this, "Duration", new AlarmProps { Metric = duration, Threshold = 1000, EvaluationPeriods = 1 });
                    new Dashboard(this, "Board").AddWidgets(new GraphWidget(new GraphWidgetProps { Left = new IMetric[] { {|#2:functions.Current.MetricInvocations()|} } }));
                    {|#3:functions.Current.MetricThrottles()|}.CreateAlarm(this, "Throttles", new CreateAlarmOptions { Threshold = 1, EvaluationPeriods = 1 });
                    new Alarm(this, "P99", new AlarmProps { Metric = {|#4:functions.Handler.CurrentVersion.MetricDuration()|}.With(new MetricOptions { Statistic = "p99" }), Threshold = 1, EvaluationPeriods = 1 });
                    new Alarm(this, "Ratio", new AlarmProps
                    {
                        Metric = new MathExpression(new MathExpressionProps { Expression = "e / i", UsingMetrics = new Dictionary<string, IMetric> { ["e"] = {|#5:functions.Current.MetricErrors()|}, ["i"] = functions.Handler.MetricInvocations() } }),
                        Threshold = 1,
                        EvaluationPeriods = 1,
                    });
                    Watch("Watched", {|#6:functions.Current.MetricErrors()|});
                    new Alarm(this, "Held", new AlarmProps { Metric = {|#7:functions.Held.MetricErrors()|}, Threshold = 1, EvaluationPeriods = 1 });
            """,
            Expected(0, "MetricErrors"),
            Expected(1, "Metric"),
            Expected(2, "MetricInvocations"),
            Expected(3, "MetricThrottles"),
            Expected(4, "MetricDuration"),
            Expected(5, "MetricErrors"),
            Expected(6, "MetricErrors"),
            Expected(7, "MetricErrors"));

    /// <summary>
    /// The function's (also kept as an <c>IFunction</c>) and the alias's metrics (their names do not change), a version's metric made an alarm in its own
    /// stack or only logged, and this stack's own version's metric: nothing volatile is imported.
    /// </summary>
    [Fact]
    public Task MetricThatNamesNoVersionOrStaysInItsOwnersStack_DoesNotTrigger()
        => VerifyAsync("""
            new Alarm(this, "Function", new AlarmProps { Metric = functions.Handler.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
                    new Alarm(this, "Alias", new AlarmProps { Metric = functions.Live.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
                    new Alarm(this, "Plain", new AlarmProps { Metric = functions.Plain.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
                    functions.Current.MetricThrottles().CreateAlarm(functions, "OwnerThrottles", new CreateAlarmOptions { Threshold = 1, EvaluationPeriods = 1 });
                    new Alarm(functions, "OwnerErrors", new AlarmProps { Metric = functions.Current.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
                    new Alarm(functions, "OwnerP99", new AlarmProps { Metric = functions.Current.MetricDuration().With(new MetricOptions { Statistic = "p99" }), Threshold = 1, EvaluationPeriods = 1 });
                    System.Console.WriteLine(functions.Current.MetricErrors().MetricName);
                    var own = new Function(this, "Own", new FunctionProps { Runtime = Runtime.NODEJS_18_X, Handler = "index.handler", Code = Code.FromInline("x") });
                    new Alarm(this, "OwnVersion", new AlarmProps { Metric = own.CurrentVersion.MetricErrors(), Threshold = 1, EvaluationPeriods = 1 });
            """);
}
