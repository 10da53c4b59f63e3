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
            Expected(OptionNames.VolatileMembers, "not", "expected 'Namespace.Type.Member' or 'P:Namespace.Type.Member'"),
            Expected(OptionNames.VolatileMembers, "a", "expected 'Namespace.Type.Member' or 'P:Namespace.Type.Member'"),
            Expected(OptionNames.VolatileMembers, "member", "expected 'Namespace.Type.Member' or 'P:Namespace.Type.Member'"),
            Expected(OptionNames.VolatileMembers, "P:", "expected 'Namespace.Type.Member' or 'P:Namespace.Type.Member'"),
            Expected(OptionNames.IgnoredVolatileMembers, ".Ref", "expected 'Namespace.Type.Member' or 'P:Namespace.Type.Member'"),
            Expected(OptionNames.TaskDefinitionKeyPatterns, "TD", "expected a name fragment of at least three characters, without quotes or wildcards"),
            Expected(OptionNames.TaskDefinitionKeyPatterns, "\"TASK*\"", "expected a name fragment of at least three characters, without quotes or wildcards"),
            Expected(OptionNames.SsmParameterPrefix, "no-leading-slash", "expected '/' followed by letters, digits, '_', '.', '-' and '/', at most 500 characters"));

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
}
