using System.Linq;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>
/// The syntactic shortcut says "created under <c>this</c> and used under <c>this</c>" only when the syntax proves it;
/// a "yes" too many hides a real cross-stack read from ICDK001 (the rule skips the read before the semantic model
/// sees it), a "no" too many costs time. Each row reads the one <c>TaskDefinitionArn</c> access of a stack class:
/// the receiver is the owned value, the access is the use.
/// </summary>
public class SyntacticScopeTests
{
    private const string Template = """
        class AppStack : Stack
        {
        {members}
            public AppStack(Construct scope, Construct other, Props props, bool flag) : base(scope, "App")
            {
        {body}
            }
        }
        """;

    private const string SendToThis = "new Service(this, \"Service\", new ServiceProps { Arn = {use} });";

    [Theory]
    // A local created under this, used in a construct created under this.
    [InlineData("", "var td = new TaskDef(this, \"Td\"); new Service(this, \"S\", new ServiceProps { Arn = td.TaskDefinitionArn });", true)]
    [InlineData("", "var td = new TaskDef(other, \"Td\"); new Service(this, \"S\", new ServiceProps { Arn = td.TaskDefinitionArn });", false)]
    [InlineData("", "var td = new TaskDef(this, \"Td\"); new Service(other, \"S\", new ServiceProps { Arn = td.TaskDefinitionArn });", false)]
    [InlineData("", "var td = new TaskDef(this, \"Td\"); new Service(props.Scope, \"S\", new ServiceProps { Arn = td.TaskDefinitionArn });", false)]
    [InlineData("", "var td = (new TaskDef(this, \"Td\")); new Service(this, \"S\", new ServiceProps { Arn = ((ITaskDef)td).TaskDefinitionArn });", true)]
    // A local reassigned, declared twice, or without an initializer is not read off the syntax.
    [InlineData("", "var td = new TaskDef(this, \"Td\"); td = new TaskDef(other, \"Td2\"); new Service(this, \"S\", new ServiceProps { Arn = td.TaskDefinitionArn });", false)]
    [InlineData("", "{ var td = new TaskDef(this, \"A\"); } { var td = new TaskDef(other, \"B\"); new Service(this, \"S\", new ServiceProps { Arn = td.TaskDefinitionArn }); }", false)]
    [InlineData("", "TaskDef td; td = new TaskDef(this, \"Td\"); new Service(this, \"S\", new ServiceProps { Arn = td.TaskDefinitionArn });", false)]
    [InlineData("", "var td = new TaskDef(this, \"Td\"); var copy = td; new Service(this, \"S\", new ServiceProps { Arn = td.TaskDefinitionArn });", true)]
    // Owned values that are not created here: a parameter, a member of a props object, a call's result.
    [InlineData("", "new Service(this, \"S\", new ServiceProps { Arn = props.TaskDef.TaskDefinitionArn });", false)]
    [InlineData("", "new Service(this, \"S\", new ServiceProps { Arn = other.TaskDefinitionArn });", false)]
    [InlineData("", "new Service(this, \"S\", new ServiceProps { Arn = Create().TaskDefinitionArn });", false)]
    [InlineData("", "new Service(this, \"S\", new ServiceProps { Arn = new TaskDef().TaskDefinitionArn });", false)]
    [InlineData("", "new Service(this, \"S\", new ServiceProps { Arn = new TaskDef(this, \"Td\").TaskDefinitionArn });", true)]
    [InlineData("", "new Service(this, \"S\", new ServiceProps { Arn = this.TaskDefinitionArn });", true)]
    // Members the class fills itself.
    [InlineData("TaskDef Td { get; }", "Td = new TaskDef(this, \"Td\"); new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn });", true)]
    [InlineData("TaskDef Td { get; }", "Td = new TaskDef(this, \"Td\"); new Service(this, \"S\", new ServiceProps { Arn = this.Td.TaskDefinitionArn });", true)]
    [InlineData("TaskDef Td { get; }", "Td = new TaskDef(other, \"Td\"); new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn });", false)]
    [InlineData("TaskDef Td { get; set; } void Swap(Construct elsewhere) { Td = new TaskDef(elsewhere, \"X\"); }", "Td = new TaskDef(this, \"Td\"); new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn });", false)]
    [InlineData("TaskDef Td { get; } = new TaskDef(this, \"Td\");", "new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn });", true)]
    [InlineData("TaskDef Td => new TaskDef(this, \"Td\");", "new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn });", true)]
    [InlineData("TaskDef Td => Shared.Td;", "new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn });", false)]
    [InlineData("readonly TaskDef _first, _td = new TaskDef(this, \"Td\");", "new Service(this, \"S\", new ServiceProps { Arn = _td.TaskDefinitionArn });", true)]
    [InlineData("TaskDef _td = new TaskDef(this, \"Td\"); void Swap(Construct elsewhere) { _td = new TaskDef(elsewhere, \"X\"); }", "new Service(this, \"S\", new ServiceProps { Arn = _td.TaskDefinitionArn });", false)]
    [InlineData("TaskDef Td { get; set; }", "Td ??= new TaskDef(this, \"Td\"); new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn });", false)]
    [InlineData("TaskDef Td { get; set; }", "new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn });", false)]
    [InlineData("TaskDef Td { get; } void Use(TaskDef Td) { new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn }); }", "Td = new TaskDef(this, \"Td\");", false)]
    public void OwnedValue(string members, string body, bool expected) => AssertShortcut(members, body, expected);

    [Theory]
    // Every form the value may pass through on its way into a construct created under this.
    [InlineData("(td.TaskDefinitionArn)")]
    [InlineData("(string)td.TaskDefinitionArn")]
    [InlineData("td.TaskDefinitionArn!")]
    [InlineData("\"arn:\" + td.TaskDefinitionArn")]
    [InlineData("$\"{td.TaskDefinitionArn}\"")]
    [InlineData("new[] { td.TaskDefinitionArn }")]
    [InlineData("new string[] { td.TaskDefinitionArn }")]
    [InlineData("flag ? td.TaskDefinitionArn : \"none\"")]
    [InlineData("new Dictionary<string, string> { [\"ARN\"] = td.TaskDefinitionArn }")]
    public void UseInsideAConstructCreatedUnderThis_IsLocal(string use)
        => AssertShortcut("", "var td = new TaskDef(this, \"Td\"); " + SendToThis.Replace("{use}", use), expected: true);

    [Theory]
    [InlineData("Helper(td.TaskDefinitionArn);", true)]
    [InlineData("this.Helper(td.TaskDefinitionArn);", true)]
    [InlineData("var container = new Container(this, \"C\"); container.AddEnvironment(\"ARN\", td.TaskDefinitionArn);", true)]
    [InlineData("other.Node.AddMetadata(\"ARN\", td.TaskDefinitionArn);", false)]
    [InlineData("props.Sink(td.TaskDefinitionArn);", false)]
    [InlineData("Factory()(td.TaskDefinitionArn);", false)]
    [InlineData("new CfnService(this, \"S\") { Arn = td.TaskDefinitionArn };", true)]
    [InlineData("new CfnService(other, \"S\") { Arn = td.TaskDefinitionArn };", false)]
    [InlineData("new CfnService(this, \"S\", new ServiceProps { Arn = \"x\" }) { Arn = td.TaskDefinitionArn };", true)]
    [InlineData("new CfnService(other, \"S\", new ServiceProps { Arn = \"x\" }) { Arn = td.TaskDefinitionArn };", false)]
    // A plain object whose first argument is the value: the shortcut cannot tell it from a construct scoped by it.
    [InlineData("new Service(this, \"S\", new ServiceProps { Arn = new Env(td.TaskDefinitionArn) });", false)]
    [InlineData("Arn = td.TaskDefinitionArn;", false)]
    [InlineData("_ = new ServiceProps { Arn = td.TaskDefinitionArn };", false)]
    [InlineData("Shared.Arn = td.TaskDefinitionArn;", false)]
    [InlineData("System.Func<string> read = () => td.TaskDefinitionArn;", false)]
    [InlineData("var arn = td.TaskDefinitionArn; new Service(this, \"S\", new ServiceProps { Arn = arn }); var length = arn.Length;", true)]
    [InlineData("var arn = td.TaskDefinitionArn; new Service(this, \"S\", new ServiceProps { Arn = arn }); new Service(other, \"S2\", new ServiceProps { Arn = arn });", false)]
    [InlineData("var arn = td.TaskDefinitionArn; props.Arn = arn;", false)]
    public void WhereTheValueGoes(string statements, bool expected)
        => AssertShortcut("", "var td = new TaskDef(this, \"Td\"); " + statements, expected);

    [Fact]
    public void UseReturnedFromAMethod_IsNotLocal()
        => AssertShortcut("string Arn() { var td = new TaskDef(this, \"Td\"); return td.TaskDefinitionArn; }", "", expected: false);

    [Fact]
    public void MemberOfAPartialClass_IsNotReadOffOnePart()
    {
        var source = Template.Replace("class AppStack", "partial class AppStack")
            .Replace("{members}", "TaskDef Td { get; }")
            .Replace("{body}", "Td = new TaskDef(this, \"Td\"); new Service(this, \"S\", new ServiceProps { Arn = Td.TaskDefinitionArn });");

        Assert.False(IsSameScopeUse(source));
    }

    [Theory]
    // A chain of locals each copying the last: followed five deep (six names), no further.
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void OwnedThroughAChainOfLocals_IsFollowedToTheDepthBudget(int links, bool expected)
    {
        var chain = string.Concat(Enumerable.Range(1, links).Select(i => $"var td{i} = td{i - 1}; "));
        AssertShortcut("", $"var td0 = new TaskDef(this, \"Td\"); {chain}new Service(this, \"S\", new ServiceProps {{ Arn = td{links}.TaskDefinitionArn }});", expected);
    }

    [Theory]
    // A chain of members each set from the last: followed to the same budget.
    [InlineData(5, true)]
    [InlineData(6, false)]
    public void OwnedThroughAChainOfMembers_IsFollowedToTheDepthBudget(int links, bool expected)
    {
        var members = string.Concat(Enumerable.Range(0, links + 1).Select(i => $"TaskDef Td{i} {{ get; }} "));
        var chain = string.Concat(Enumerable.Range(1, links).Select(i => $"Td{i} = Td{i - 1}; "));
        AssertShortcut(members, $"Td0 = new TaskDef(this, \"Td\"); {chain}new Service(this, \"S\", new ServiceProps {{ Arn = Td{links}.TaskDefinitionArn }});", expected);
    }

    [Theory]
    // The value handed from local to local before it reaches a construct, or a method of one.
    [InlineData(4, "new Service(this, \"S\", new ServiceProps { Arn = {value} });", true)]
    [InlineData(5, "new Service(this, \"S\", new ServiceProps { Arn = {value} });", false)]
    [InlineData(4, "this.Helper({value});", true)]
    [InlineData(5, "this.Helper({value});", false)]
    public void UsedThroughAChainOfLocals_IsFollowedToTheDepthBudget(int links, string sink, bool expected)
    {
        var chain = string.Concat(Enumerable.Range(1, links).Select(i => $"var arn{i} = arn{i - 1}; "));
        var statements = $"var td = new TaskDef(this, \"Td\"); var arn0 = td.TaskDefinitionArn; {chain}" + sink.Replace("{value}", $"arn{links}");
        AssertShortcut("", statements, expected);
    }

    /// <summary>
    /// The ownership model's shortcut for a member (<see cref="SyntacticScope.MemberIsCreatedUnderThis(ISymbol)"/>):
    /// "owned by this instance" without binding the class, only when every value its class gives it is created under
    /// <c>this</c>, and only for a field or property declared once; a "yes" too many would make another stack's value
    /// this one's.
    /// </summary>
    [Theory]
    [InlineData("public FargateTaskDefinition TaskDef { get; }", "TaskDef = new FargateTaskDefinition(this, \"Td\");", true)]
    [InlineData("public FargateTaskDefinition TaskDef;", "TaskDef = new FargateTaskDefinition(this, \"Td\");", true)]
    [InlineData("private FargateTaskDefinition _td; public FargateTaskDefinition TaskDef => _td;", "_td = new FargateTaskDefinition(this, \"Td\");", true)]
    [InlineData("public FargateTaskDefinition TaskDef { get; set; }", "TaskDef = new FargateTaskDefinition(this, \"Td\"); } public void Use(FargateTaskDefinition td) { TaskDef = td;", false)]
    [InlineData("public FargateTaskDefinition TaskDef { get; }", "TaskDef = new FargateTaskDefinition(other, \"Td\");", false)]
    [InlineData("public FargateTaskDefinition TaskDef { get; set; }", "TaskDef ??= new FargateTaskDefinition(this, \"Td\");", false)]
    [InlineData("public FargateTaskDefinition TaskDef { get; set; } = null!;", "", false)]
    public void AMembersValues_AllCreatedUnderThis_FromItsDeclaration(string members, string body, bool expected)
        => Assert.Equal(expected, TaskDefIsCreatedUnderThis("AppStack", $$"""
            public class AppStack : Stack
            {
                {{members}}

                public AppStack(Construct scope, Construct other) : base(scope, "App")
                {
                    {{body}}
                }
            }
            """));

    [Theory]
    [InlineData("AppStack", "public partial class AppStack : Stack { public FargateTaskDefinition TaskDef { get; } public AppStack(Construct scope) : base(scope, \"App\") { TaskDef = new FargateTaskDefinition(this, \"Td\"); } }")]
    [InlineData("Holder", "public record Holder(FargateTaskDefinition TaskDef); public class AppStack : Stack { public AppStack(Construct scope) : base(scope, \"App\") { } }")]
    public void APartialClassOrAPositionalMember_IsLeftToTheModel(string typeName, string source)
        => Assert.False(TaskDefIsCreatedUnderThis(typeName, source));

    /// <summary>The member shortcut's answer for <paramref name="typeName"/>'s <c>TaskDef</c> in a source that compiles.</summary>
    private static bool TaskDefIsCreatedUnderThis(string typeName, string source)
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var member = compilation.GetTypeByMetadataName(typeName)!.GetMembers("TaskDef").Single();
        return new SyntacticScope(new TextSearch()).MemberIsCreatedUnderThis(member);
    }

    private static void AssertShortcut(string members, string body, bool expected)
        => Assert.Equal(expected, IsSameScopeUse(Template.Replace("{members}", members).Replace("{body}", body)));

    private static bool IsSameScopeUse(string source)
    {
        var root = SyntaxFactory.ParseCompilationUnit(source);
        Assert.Empty(root.GetDiagnostics());
        var use = root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Single(m => m.Name.Identifier.ValueText == "TaskDefinitionArn");
        return new SyntacticScope(new TextSearch()).IsSameScopeUse(use.Expression, use);
    }
}
