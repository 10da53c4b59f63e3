using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>The references every test compilation gets: .NET 8 reference assemblies and the real CDK assemblies this project restored.</summary>
internal static class TestReferences
{
    public static ImmutableArray<MetadataReference> Net80 { get; } = ImmutableArray.CreateRange<MetadataReference>(Basic.Reference.Assemblies.Net80.References.All);

    public static ImmutableArray<MetadataReference> Cdk { get; } = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(typeof(Amazon.CDK.Stack).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Constructs.Construct).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(Amazon.JSII.Runtime.Deputy.DeputyBase).Assembly.Location));

    public static ImmutableArray<MetadataReference> WithCdk { get; } = Net80.AddRange(Cdk);
}
