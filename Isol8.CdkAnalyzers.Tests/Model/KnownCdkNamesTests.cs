using System;
using System.Collections.Generic;
using System.Linq;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>The name lists the prefilters start from are exactly what Amazon.CDK.Lib 2.103.0 declares.</summary>
public class KnownCdkNamesTests
{
    private static readonly Compilation Compilation = TestCompilation.Create("class Empty { }");
    private static readonly CdkTypes Types = CdkTypes.TryCreate(Compilation)!;
    private static readonly List<INamedTypeSymbol> AllCdkTypes = AllTypes(Types.Assembly!.GlobalNamespace).ToList();

    [Fact]
    public void TypeAndMemberNames_MatchTheVolatileTypesOfTheAssembly()
    {
        var roots = new[] { "Amazon.CDK.AWS.ECS.ITaskDefinition", "Amazon.CDK.AWS.ECS.CfnTaskDefinition", "Amazon.CDK.AWS.Lambda.IVersion", "Amazon.CDK.AWS.Lambda.CfnVersion", "Amazon.CDK.AWS.Lambda.ILayerVersion", "Amazon.CDK.AWS.Lambda.CfnLayerVersion", "Amazon.CDK.AWS.EC2.ILaunchTemplate", "Amazon.CDK.AWS.EC2.CfnLaunchTemplate", "Amazon.CDK.AWS.APIGateway.Deployment" }
            .Select(name => Types.Assembly!.GetTypeByMetadataName(name)!)
            .ToArray();
        bool IsVolatile(ITypeSymbol? type) => type is INamedTypeSymbol && roots.Any(root => TypeRelations.IsOrInherits(type, root));

        var expected = Names(AllCdkTypes.Where(t => t.DeclaredAccessibility == Accessibility.Public && IsVolatile(t)).Select(t => t.Name));
        Assert.True(expected.SequenceEqual(KnownCdkNames.TypeNames), string.Join(", ", expected.Select(n => "\"" + n + "\"")));
        var members = Names(MembersReturning(IsVolatile));
        Assert.True(members.SequenceEqual(KnownCdkNames.MemberNames), string.Join(", ", members.Select(n => "\"" + n + "\"")));
    }

    [Fact]
    public void CatalogueTypeAndMemberNames_MatchTheOtherEntriesOfTheAssembly()
    {
        var roots = VolatileCatalogue.DefaultEntries
            .Select(entry => Types.Assembly!.GetTypeByMetadataName(entry.TypeMetadataName))
            .Where(type => type is not null && !KnownCdkNames.TypeNames.Contains(type.Name))
            .Distinct(SymbolEqualityComparer.Default)
            .Cast<INamedTypeSymbol>()
            .ToArray();
        bool IsEntryType(ITypeSymbol? type) => type is INamedTypeSymbol && roots.Any(root => TypeRelations.IsOrInherits(type, root));

        var expected = Names(AllCdkTypes.Where(t => t.DeclaredAccessibility == Accessibility.Public && IsEntryType(t)).Select(t => t.Name));
        Assert.True(expected.SequenceEqual(KnownCdkNames.CatalogueTypeNames), string.Join(", ", expected.Select(n => "\"" + n + "\"")));
        var members = Names(MembersReturning(IsEntryType));
        Assert.True(members.SequenceEqual(KnownCdkNames.CatalogueMemberNames), string.Join(", ", members.Select(n => "\"" + n + "\"")));
    }

    [Fact]
    public void TaskDefinitionInterfaceNames_MatchTheAssembly()
    {
        bool IsInterface(ITypeSymbol? type) => type is { TypeKind: TypeKind.Interface } && Types.Is(type, CdkTypeKind.TaskDefinition);

        Assert.Equal(Names(AllCdkTypes.Where(IsInterface).Select(t => t.Name)), KnownCdkNames.TaskDefinitionInterfaceNames.OrderBy(n => n, StringComparer.Ordinal).ToArray());
        Assert.Equal(Names(MembersReturning(IsInterface)), KnownCdkNames.TaskDefinitionInterfaceMemberNames.ToArray());
    }

    [Fact]
    public void ConcreteOnlyMemberNames_MatchTheAssembly()
    {
        var taskDefinition = Types.TaskDefinition!;
        var interfaceNames = Types.ITaskDefinition!.AllInterfaces.Add(Types.ITaskDefinition).SelectMany(i => i.GetMembers()).Select(m => m.Name).ToHashSet();
        var concreteOnly = Names(taskDefinition.GetMembers()
            .Where(m => !m.IsStatic && m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: not MethodKind.Ordinary } && !interfaceNames.Contains(m.Name))
            .Select(m => m.Name));
        var members = ConcreteTaskDefinitionMembers.Create(Compilation, Types)!;
        foreach (var name in concreteOnly)
        {
            Assert.True(members.TryGet(name, out var proper, out _), name);
            Assert.Equal(name, proper);
        }

        // The list is the union over the CDK versions the tests run against: 2.160 adds PidMode to TaskDefinition
        // only, and has FindPortMappingByName on the interface too (2.103: the other way round).
        Assert.Subset(KnownCdkNames.ConcreteTaskDefinitionOnlyMemberNames.ToHashSet(), concreteOnly.ToHashSet());
        Assert.Subset(new HashSet<string> { "FindPortMappingByName", "PidMode" }, KnownCdkNames.ConcreteTaskDefinitionOnlyMemberNames.Except(concreteOnly).ToHashSet());
    }

    /// <summary>The names the rules and fixes match or write live in KnownCdkNames alone; each is CDK's, on the type it is meant for.</summary>
    [Theory]
    [InlineData(KnownCdkNames.Family, "Amazon.CDK.AWS.ECS.TaskDefinition")]
    [InlineData(KnownCdkNames.Family, "Amazon.CDK.AWS.ECS.FargateTaskDefinitionProps")]
    [InlineData(KnownCdkNames.TaskDefinitionArn, "Amazon.CDK.AWS.ECS.ITaskDefinition")]
    [InlineData(KnownCdkNames.FunctionArn, "Amazon.CDK.AWS.Lambda.IVersion")]
    [InlineData(KnownCdkNames.EdgeArn, "Amazon.CDK.AWS.Lambda.IVersion")]
    [InlineData(KnownCdkNames.LayerVersionArn, "Amazon.CDK.AWS.Lambda.ILayerVersion")]
    [InlineData(KnownCdkNames.ExportValue, "Amazon.CDK.Stack")]
    [InlineData(KnownCdkNames.AddEnvironment, "Amazon.CDK.AWS.ECS.ContainerDefinition")]
    [InlineData(KnownCdkNames.OutputValue, "Amazon.CDK.CfnOutputProps")]
    [InlineData(KnownCdkNames.ExportName, "Amazon.CDK.CfnOutputProps")]
    [InlineData(KnownCdkNames.StringValue, "Amazon.CDK.AWS.SSM.StringParameterProps")]
    public void MemberNamesTheCodeUses_AreCdksMembers(string member, string type)
    {
        var symbol = Types.Assembly!.GetTypeByMetadataName(type);
        Assert.NotNull(symbol);
        Assert.Contains(member, AllMembers(symbol!).Select(m => m.Name));
    }

    [Fact]
    public void TypeAndNamespaceNamesTheCodeUses_AreCdks()
    {
        Assert.All(KnownCdkNames.ConcreteTaskDefinitionTypes, name => Assert.NotNull(Types.Assembly!.GetTypeByMetadataName(name)));
        Assert.All(KnownCdkNames.ConcreteTaskDefinitionTypes, name => Assert.StartsWith(KnownCdkNames.EcsNamespace + ".", name));
        Assert.Equal(KnownCdkNames.CdkNamespace, Types.Stack!.ContainingNamespace.ToDisplayString());
        Assert.Contains(AllCdkTypes, t => t.Name == "FargateTaskDefinitionProps" && t.Name.EndsWith(KnownCdkNames.TaskDefinitionPropsSuffix, StringComparison.Ordinal));
        var grants = AllMembers(Types.Assembly!.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.TaskDefinition")!).Select(m => m.Name).Where(n => n.StartsWith(KnownCdkNames.GrantPrefix, StringComparison.Ordinal));
        Assert.Contains("GrantRun", grants);
    }

    private static IEnumerable<ISymbol> AllMembers(INamedTypeSymbol type)
        => new[] { type }.Concat(type.AllInterfaces).Concat(BaseTypes(type)).SelectMany(t => t.GetMembers());

    private static IEnumerable<INamedTypeSymbol> BaseTypes(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            yield return current;
        }
    }

    private static IEnumerable<string> MembersReturning(Func<ITypeSymbol?, bool> predicate)
        => AllCdkTypes.Where(t => t.DeclaredAccessibility == Accessibility.Public)
            .SelectMany(t => t.GetMembers())
            .Where(m => m.DeclaredAccessibility == Accessibility.Public && m switch
            {
                IPropertySymbol property => predicate(property.Type),
                IMethodSymbol { MethodKind: MethodKind.Ordinary } method => predicate(method.ReturnType),
                _ => false,
            })
            .Select(m => m.Name);

    private static string[] Names(IEnumerable<string> names) => names.Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol namespaceSymbol)
    {
        foreach (var type in namespaceSymbol.GetTypeMembers())
        {
            yield return type;
        }

        foreach (var nested in namespaceSymbol.GetNamespaceMembers())
        {
            foreach (var type in AllTypes(nested))
            {
                yield return type;
            }
        }
    }
}
