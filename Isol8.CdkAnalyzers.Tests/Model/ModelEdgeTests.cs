using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Options;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>Edges of the model's small parts that the rule tests pass through without pinning them.</summary>
public class ModelEdgeTests
{
    private static readonly Compilation Compilation = TestCompilation.Create(CdkSources.Usings + "public class AppStack : Stack { public AppStack(Construct scope) : base(scope, \"App\") { } }");
    private static readonly CdkTypes Types = CdkTypes.TryCreate(Compilation)!;

    private static INamedTypeSymbol Cdk(string metadataName) => Types.Assembly!.GetTypeByMetadataName(metadataName)!;

    /// <summary>The construct interface is Constructs.IConstruct, not any interface constructs happen to implement (IDependable).</summary>
    [Fact]
    public void CdkTypes_ConstructKindIsIConstruct_NotEveryDependable()
    {
        Assert.Equal("Constructs.IConstruct", Types.IConstruct!.ToDisplayString());
        Assert.True(Types.Is(Types.Stack, CdkTypeKind.Construct));
        var dependencyGroup = Types.IConstruct!.ContainingAssembly.GetTypeByMetadataName("Constructs.DependencyGroup");
        Assert.NotNull(dependencyGroup);
        Assert.True(TypeRelations.IsOrInherits(dependencyGroup, Types.IDependable!));
        Assert.False(Types.Is(dependencyGroup, CdkTypeKind.Construct));
        Assert.True(Types.TakesNoArn(Types.IDependable));
    }

    /// <summary>A type parameter is what its constraints are, together: two constraints that are both constructs keep it one.</summary>
    [Fact]
    public void CdkTypes_TypeParameter_HasTheKindsOfItsConstraints()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + "public static class Generic { public static void Take<T>(T value) where T : Construct, ITaskDefinition { } }");
        var types = CdkTypes.TryCreate(compilation)!;
        var typeParameter = compilation.GetTypeByMetadataName("Generic")!.GetMembers("Take").OfType<IMethodSymbol>().Single().TypeParameters[0];

        Assert.Equal(CdkTypeKind.TaskDefinition | CdkTypeKind.Construct, types.KindOf(typeParameter) & (CdkTypeKind.TaskDefinition | CdkTypeKind.Construct));
    }

    /// <summary>Settings are cached by their option values: two sets whose values run together must not share an entry.</summary>
    [Fact]
    public void Settings_OfDifferentOptionValues_AreNotConfused()
    {
        var model = CdkModel.CreateUnshared(Compilation)!;
        var first = model.SettingsFor(new TestOptionsProvider(new Dictionary<string, string>
        {
            [OptionNames.TaskDefinitionKeyPatterns] = "*_ARN",
            [OptionNames.SsmParameterPrefix] = "/a",
        }).GlobalOptions);
        var second = model.SettingsFor(new TestOptionsProvider(new Dictionary<string, string>
        {
            [OptionNames.TaskDefinitionKeyPatterns] = "*_ARN/a",
        }).GlobalOptions);

        Assert.NotSame(first, second);
        Assert.Equal("/a", first.SsmParameterPrefix);
        Assert.NotEqual("/a", second.SsmParameterPrefix);
    }

    /// <summary>The ICDK006 page: when every key pattern given is malformed, the default patterns stay in force, not an empty list.</summary>
    [Fact]
    public void KeyPatterns_AllMalformed_LeaveTheDefaultsInForce()
    {
        var settings = CdkModel.CreateUnshared(Compilation)!.SettingsFor(new TestOptionsProvider(new Dictionary<string, string>
        {
            [OptionNames.TaskDefinitionKeyPatterns] = "AB, 'TASK'",
        }).GlobalOptions);

        Assert.Equal(CdkSettings.DefaultTaskDefinitionKeyPatterns, settings.TaskDefinitionKeyPatterns);
        Assert.Equal(2, settings.Malformed.Length);
    }

    [Fact]
    public void CatalogueEntries_AreEqualByTypeAndMember()
    {
        var entry = new CatalogueEntry("Amazon.CDK.AWS.ECS.ITaskDefinition", "TaskDefinitionArn");

        Assert.Equal(entry, new CatalogueEntry("Amazon.CDK.AWS.ECS.ITaskDefinition", "TaskDefinitionArn"));
        Assert.Equal(entry.GetHashCode(), new CatalogueEntry("Amazon.CDK.AWS.ECS.ITaskDefinition", "TaskDefinitionArn").GetHashCode());
        Assert.NotEqual(entry, new CatalogueEntry("Amazon.CDK.AWS.ECS.ITaskDefinition", "Family"));
        Assert.NotEqual(entry, new CatalogueEntry("Amazon.CDK.AWS.ECS.TaskDefinition", "TaskDefinitionArn"));
        Assert.False(entry.Equals((object)"Amazon.CDK.AWS.ECS.ITaskDefinition.TaskDefinitionArn"));
        Assert.Equal("Amazon.CDK.AWS.ECS.ITaskDefinition.TaskDefinitionArn", entry.ToString());
        _ = default(CatalogueEntry).GetHashCode();
    }

    [Theory]
    [InlineData("My.Generic`.Value")]
    [InlineData("My.`1.Value")]
    [InlineData("(My.Type.Value")]
    public void CatalogueEntry_RejectsArityWithoutNameOrNumber(string text)
        => Assert.False(CatalogueEntry.TryParse(text, out _));

    [Fact]
    public void TypeRelations_InheritanceEitherWay_InterfacesIncluded_NullIsNothing()
    {
        var fargate = Cdk("Amazon.CDK.AWS.ECS.FargateTaskDefinition");
        var taskDefinition = Cdk("Amazon.CDK.AWS.ECS.ITaskDefinition");
        var role = Cdk("Amazon.CDK.AWS.IAM.Role");

        Assert.True(TypeRelations.AreRelated(fargate, taskDefinition));
        Assert.True(TypeRelations.AreRelated(taskDefinition, fargate));
        Assert.False(TypeRelations.AreRelated(role, taskDefinition));
        Assert.False(TypeRelations.IsOrInherits(null, taskDefinition));
        Assert.False(TypeRelations.IsOrInherits(role, Cdk("Amazon.CDK.AWS.ECS.TaskDefinition")));
    }

    /// <summary>A class declared inside another is indexed like any other: a stack there is found, and so is its member.</summary>
    [Fact]
    public void Declarations_IncludeNestedTypes()
    {
        var compilation = TestCompilation.Create(CdkSources.Usings + """
            public static class Stacks
            {
                public class ContainerStack : Stack
                {
                    public ContainerStack(Construct scope, string id) : base(scope, id)
                    {
                        Runner = new FargateTaskDefinition(this, "Runner");
                    }

                    public FargateTaskDefinition Runner { get; }
                }
            }
            """);
        var declarations = CdkModel.CreateUnshared(compilation)!.Declarations.Get(CancellationToken.None);

        Assert.Contains(declarations.Subclasses, s => s.Name == "ContainerStack");
        Assert.Contains(declarations.Members, m => m.Name == "Runner" && m.TypeName == "FargateTaskDefinition");
    }

    /// <summary>The model honours cancellation: a cancelled walk throws instead of answering.</summary>
    [Fact]
    public void ResolutionWalk_ThrowsWhenCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var walk = new ResolutionWalk(cancelled.Token);

        Assert.Throws<OperationCanceledException>(() => walk.TryEnter());
        Assert.Throws<OperationCanceledException>(() => CdkModel.CreateUnshared(Compilation)!.Declarations.Get(cancelled.Token));
    }

    /// <summary>The depth budget: exactly <see cref="ResolutionWalk.MaxDepth"/> nested steps, then the walk is cut short (and says so).</summary>
    [Fact]
    public void ResolutionWalk_AllowsMaxDepthNestedSteps()
    {
        var walk = new ResolutionWalk(CancellationToken.None);
        for (var step = 0; step < ResolutionWalk.MaxDepth; step++)
        {
            Assert.True(walk.TryEnter());
        }

        Assert.False(walk.Truncated);
        Assert.False(walk.TryEnter());
        Assert.True(walk.Truncated);
        Assert.Equal(ResolutionWalk.MaxDepth, walk.Depth);
        walk.Exit();
        Assert.Equal(ResolutionWalk.MaxDepth - 1, walk.Depth);
    }
}
