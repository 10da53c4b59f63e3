using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>
/// The name index answers "could this expression hold a task definition, version or layer?" from the syntax. It may
/// say yes too often (the semantic model decides then), never no for an expression that can: a "no" too many hides a
/// hand-over from ICDK001. Each row is the argument of <c>Probe(…)</c> in a method of the source below.
/// </summary>
public class CdkNameIndexTests
{
    private const string Source = """
        using Td = Amazon.CDK.AWS.ECS.FargateTaskDefinition;

        public class Worker : FargateTaskDefinition
        {
            public Worker(Construct scope, string id) : base(scope, id)
            {
            }
        }

        public class LargeWorker : Worker
        {
            public LargeWorker(Construct scope, string id) : base(scope, id)
            {
            }
        }

        public class Holder
        {
            public FargateTaskDefinition Runner { get; set; } = null!;

            public string Name { get; set; } = "";

            public static FargateTaskDefinition Make() => null!;

            public string Text() => "";
        }

        public class Probes
        {
            private static void Probe(object value)
            {
            }

            private void Use(FargateTaskDefinition td, string text, Holder holder, object any, bool flag, FargateTaskDefinition[] all, string[] names)
            {
                STATEMENTS
            }
        }
        """;

    private static bool MightHold(string statements)
        => MightHoldTheProbedValue(CdkSources.Usings + Source.Replace("STATEMENTS", statements));

    /// <summary>The index's answer for the one <c>Probe(…)</c> argument of <paramref name="source"/>.</summary>
    private static bool MightHoldTheProbedValue(string source)
    {
        var compilation = TestCompilation.Create(source);
        return CdkModel.CreateUnshared(compilation)!.VolatileConstructNames.MightHold(ProbedValues(compilation).Single(), CancellationToken.None);
    }

    /// <summary>The arguments of every <c>Probe(…)</c> call, in source order.</summary>
    private static List<ExpressionSyntax> ProbedValues(Microsoft.CodeAnalysis.Compilation compilation)
        => compilation.SyntaxTrees.SelectMany(tree => tree.GetRoot().DescendantNodes()).OfType<InvocationExpressionSyntax>()
            .Where(invocation => invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "Probe" })
            .Select(invocation => invocation.ArgumentList.Arguments[0].Expression)
            .ToList();

    [Theory]
    // Parameters, by their declared type.
    [InlineData("Probe(td);", true)]
    [InlineData("Probe(text);", false)]
    [InlineData("Probe(any);", false)]
    // Members, by their name: one declared with such a type, CDK's own, or a method returning one.
    [InlineData("Probe(holder.Runner);", true)]
    [InlineData("Probe(holder.Name);", false)]
    [InlineData("Probe(holder?.Runner);", true)]
    [InlineData("Probe(holder?.Name);", false)]
    [InlineData("Probe(Holder.Make());", true)]
    [InlineData("Probe(holder.Text());", false)]
    // Wrappers: each form passes the question on.
    [InlineData("Probe((td));", true)]
    [InlineData("Probe(td!);", true)]
    [InlineData("Probe((FargateTaskDefinition)any);", true)]
    [InlineData("Probe((object)td);", true)]
    [InlineData("Probe((object)text);", false)]
    [InlineData("Probe(any as FargateTaskDefinition);", true)]
    [InlineData("Probe(any as string);", false)]
    [InlineData("Probe(text ?? null);", false)]
    [InlineData("Probe(null ?? td);", true)]
    [InlineData("Probe(flag ? text : null);", false)]
    [InlineData("Probe(flag ? null : td);", true)]
    // Creations, by their type: CDK's, a subclass of a subclass, a using alias; a target-typed new could be anything.
    [InlineData("Probe(new FargateTaskDefinition(null!, \"Td\"));", true)]
    [InlineData("Probe(new LargeWorker(null!, \"Td\"));", true)]
    [InlineData("Probe(new Td(null!, \"Td\"));", true)]
    [InlineData("Probe(new Holder());", false)]
    [InlineData("Probe(new());", true)]
    // What the syntax cannot tell.
    [InlineData("Probe(all[0]);", true)]
    [InlineData("Probe(this);", true)]
    [InlineData("Probe(((System.Func<object>)null!)());", true)]
    // Locals, by their declared type or, for var, their initializer.
    [InlineData("FargateTaskDefinition local = td; Probe(local);", true)]
    [InlineData("string local = text; Probe(local);", false)]
    [InlineData("var local = td; Probe(local);", true)]
    [InlineData("var local = text; Probe(local);", false)]
    [InlineData("foreach (var item in all) { Probe(item); }", true)]
    [InlineData("foreach (string item in names) { Probe(item); }", false)]
    [InlineData("foreach (FargateTaskDefinition item in all) { Probe(item); }", true)]
    [InlineData("System.Action<FargateTaskDefinition> act = item => Probe(item);", true)]
    [InlineData("System.Action<FargateTaskDefinition> act = (FargateTaskDefinition item) => Probe(item);", true)]
    [InlineData("System.Action<string> act = (string item) => Probe(item);", false)]
    public void MightHold_SaysNoOnlyWhenTheSyntaxRulesItOut(string statements, bool expected)
        => Assert.Equal(expected, MightHold(statements));

    [Theory]
    // Beyond eight nested wrappers the index stops looking and says yes.
    [InlineData(8, false)]
    [InlineData(9, true)]
    public void NestedWrappers_AreFollowedToTheDepthBudget(int depth, bool expected)
        => Assert.Equal(expected, MightHold("Probe(" + new string('(', depth) + "text" + new string(')', depth) + ");"));

    /// <summary>
    /// One model answers for every identifier of a compilation: the same name in other scopes (another method, a
    /// nested block, a lambda's parameter, a foreach variable) and at other places of one scope gets its own, right
    /// answer, whichever is asked first.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSameName_InDifferentScopes_IsAnsweredPerScope(bool reversed)
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public class Probes
            {
                public FargateTaskDefinition Item { get; } = null!;

                private static void Probe(object value)
                {
                }

                private void Task(Construct scope)
                {
                    var item = new FargateTaskDefinition(scope, "Td");
                    Probe(item);
                    Probe(item);
                    System.Action<string> act = item2 => Probe(item2);
                    foreach (string name in new[] { "a" }) { Probe(name); }
                }

                private void Text(string[] names)
                {
                    var item = "text";
                    Probe(item);
                    { Probe(item); }
                    System.Action<string> act = (string item) => Probe(item);
                    foreach (FargateTaskDefinition name in new FargateTaskDefinition[0]) { Probe(name); }
                }

                private void Member()
                {
                    Probe(Item);
                }
            }
            """);
        var probes = ProbedValues(compilation);
        var index = CdkModel.CreateUnshared(compilation)!.VolatileConstructNames;
        var order = reversed ? Enumerable.Range(0, probes.Count).Reverse() : Enumerable.Range(0, probes.Count);
        var answers = new bool[probes.Count];
        foreach (var i in order)
        {
            answers[i] = index.MightHold(probes[i], CancellationToken.None);
        }

        // Task: item, item, item2 (an untyped lambda parameter: anything), name (a string); Text: item, item (in a
        // nested block), item (a string parameter), name (a task definition); Member: Item.
        Assert.Equal(new[] { true, true, true, false, false, false, false, true, true }, answers);
    }

    /// <summary>
    /// A short block is scanned for the local on each question, a long one (more than 32 statements, or a program's
    /// top-level statements) is indexed once: both find the local, however many statements come before it. The rows
    /// make blocks of 2, 32 (the longest scanned), 33 and 202 statements.
    /// </summary>
    [Theory]
    [InlineData(0, "FargateTaskDefinition", true)]
    [InlineData(0, "string", false)]
    [InlineData(30, "FargateTaskDefinition", true)]
    [InlineData(30, "string", false)]
    [InlineData(31, "FargateTaskDefinition", true)]
    [InlineData(31, "string", false)]
    [InlineData(200, "FargateTaskDefinition", true)]
    [InlineData(200, "string", false)]
    public void ALocal_IsFound_InShortAndLongBlocks(int padding, string type, bool expected)
    {
        var pad = string.Concat(Enumerable.Range(0, padding).Select(i => $"var pad{i} = \"\"; "));
        Assert.Equal(expected, MightHold($"{pad}{type} first = null!; Probe(first);"));
    }

    [Theory]
    [InlineData(0, "FargateTaskDefinition", true)]
    [InlineData(0, "string", false)]
    [InlineData(200, "FargateTaskDefinition", true)]
    [InlineData(200, "string", false)]
    public void ALocal_OfTopLevelStatements_IsFound(int padding, string type, bool expected)
    {
        var pad = string.Concat(Enumerable.Range(0, padding).Select(i => $"var pad{i} = \"\";\n"));
        Assert.Equal(expected, MightHoldTheProbedValue(CdkSources.Usings + $$"""
            {{pad}}{{type}} first = null!;
            {{pad}}Probe(first);

            static void Probe(object value)
            {
            }
            """));
    }
}
