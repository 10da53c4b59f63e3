using System.Threading.Tasks;
using Isol8.CdkAnalyzers.Options;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpAnalyzerVerifier<Isol8.CdkAnalyzers.Rules.MalformedOptionAnalyzer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class MalformedOptionAnalyzerTests
{
    private const string Source = CdkSources.Usings + "public class AppStack : Stack { public AppStack(Construct scope) : base(scope, \"App\") { } }";

    // The reasons as docs/rules/ICDK006.md states them.
    private const string MemberReason = "expected 'Namespace.Type.Member' or 'P:Namespace.Type.Member'";
    private const string KeyPatternReason = "expected a name fragment of at least three characters, without quotes or wildcards";
    private const string PrefixReason = "expected '/' and segments of letters, digits, '_', '.' and '-' separated by '/', not starting with 'aws' or 'ssm', at most 500 characters";

    private static DiagnosticResult Expected(string option, string value, string reason)
        => new DiagnosticResult(DiagnosticIds.MalformedOption, DiagnosticSeverity.Warning).WithNoLocation().WithArguments(option, value, reason);

    [Fact]
    public Task MalformedValues_AreReportedOnceEach()
        => Verify.VerifyAsync(
            new[] { Source, Source.Replace("AppStack", "OtherStack", System.StringComparison.Ordinal) },
            withCdk: true,
            editorConfig: """
                isol8_cdk.volatile_members = Amazon.CDK.AWS.ECS.ITaskDefinition.TaskDefinitionArn, not a member, P:
                isol8_cdk.ignored_volatile_members = .Ref
                isol8_cdk.task_definition_key_patterns = TD, "TASK*"
                isol8_cdk.ssm_parameter_prefix = no-leading-slash
                """,
            Expected(OptionNames.VolatileMembers, "not", MemberReason),
            Expected(OptionNames.VolatileMembers, "a", MemberReason),
            Expected(OptionNames.VolatileMembers, "member", MemberReason),
            Expected(OptionNames.VolatileMembers, "P:", MemberReason),
            Expected(OptionNames.IgnoredVolatileMembers, ".Ref", MemberReason),
            Expected(OptionNames.TaskDefinitionKeyPatterns, "TD", KeyPatternReason),
            Expected(OptionNames.TaskDefinitionKeyPatterns, "\"TASK*\"", KeyPatternReason),
            Expected(OptionNames.SsmParameterPrefix, "no-leading-slash", PrefixReason));

    [Fact]
    public Task ValidAndEmptyValues_AreQuiet()
        => Verify.VerifyAsync(
            new[] { Source },
            withCdk: true,
            editorConfig: """
                isol8_cdk.volatile_members = P:Amazon.CDK.AWS.ECS.ITaskDefinition.TaskDefinitionArn, My.Company.Constructs.ImageBuild.Digest
                isol8_cdk.ignored_volatile_members =
                isol8_cdk.task_definition_key_patterns = RUNNER_TEMPLATE; TaskTemplate
                isol8_cdk.ssm_parameter_prefix = /isol8/shared/
                """);

    public static TheoryData<string, string?> PrefixEdges => new()
    {
        // value, the prefix in force (null: the value is reported and the default is used)
        { "/a", "/a" },
        { "/isol8/shared/", "/isol8/shared" },
        { "/a.b_c-D9", "/a.b_c-D9" },
        { "/" + new string('a', 499), "/" + new string('a', 499) },
        { "/" + new string('a', 499) + "/", null },
        { "/" + new string('a', 500), null },
        { "/", null },
        { "//", null },
        { "/a//b", null },
        { "a/b", null },
        { "/a b", null },
        { "/a*", null },
        { "/aws/team", null },
        { "/AWSteam", null },
        { "/ssm-team", null },
        { "/team/aws", "/team/aws" },
        // The ends of each allowed character range, and the characters just outside them.
        { "/zZ09aA", "/zZ09aA" },
        { "/a`", null },
        { "/a{", null },
        { "/a@", null },
        { "/a[", null },
        { "/a:", null },
        // A reported value is shown whole up to 80 characters, shortened beyond.
        { "/" + new string('a', 78) + "*", null },
        { "/" + new string('a', 79) + "*", null },
    };

    [Theory]
    [MemberData(nameof(PrefixEdges))]
    public async Task SsmParameterPrefix_EdgeValues(string value, string? inForce)
    {
        var shown = value.Length <= 80 ? value : value[..80] + "…";
        var expected = inForce is null ? new[] { Expected(OptionNames.SsmParameterPrefix, shown, PrefixReason) } : System.Array.Empty<DiagnosticResult>();
        await Verify.VerifyAsync(new[] { Source }, withCdk: true, editorConfig: "isol8_cdk.ssm_parameter_prefix = " + value + "\n", expected);
        Assert.Equal(inForce ?? "/cdk-cross-stack", Isol8.CdkAnalyzers.Options.CdkSettings.ParsePrefix(value));
    }

    [Theory]
    [InlineData("ABC", false)]
    [InlineData("AB", true)]
    [InlineData("TASK?", true)]
    [InlineData("'TASK'", true)]
    [InlineData("TASK_DEF-2.ARN", false)]
    public Task KeyPattern_EdgeValues(string value, bool reported)
        => Verify.VerifyAsync(
            new[] { Source },
            withCdk: true,
            editorConfig: "isol8_cdk.task_definition_key_patterns = " + value + "\n",
            reported ? new[] { Expected(OptionNames.TaskDefinitionKeyPatterns, value, KeyPatternReason) } : System.Array.Empty<DiagnosticResult>());

    /// <summary>The ICDK006 page: values longer than 64 KiB are ignored whole.</summary>
    [Theory]
    [InlineData(64 * 1024, false)]
    [InlineData((64 * 1024) + 1, true)]
    public Task ListLongerThan64KiB_IsIgnoredWhole(int length, bool reported)
    {
        const string Item = "My.Company.ImageBuild.Digest";
        var value = new string(',', length - Item.Length) + Item;
        var shown = value[..80] + "…";
        return Verify.VerifyAsync(
            new[] { Source },
            withCdk: true,
            editorConfig: "isol8_cdk.volatile_members = " + value + "\n",
            reported ? new[] { Expected(OptionNames.VolatileMembers, shown, "the value is longer than 65536 characters") } : System.Array.Empty<DiagnosticResult>());
    }
}
