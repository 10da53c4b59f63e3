using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The members whose value changes whenever their resource changes, so a CloudFormation export of them
/// blocks the owner's next deploy. Built once per compilation and set of options.
/// </summary>
internal sealed class VolatileCatalogue
{
    /// <summary>The built-in catalogue.</summary>
    public static readonly ImmutableArray<CatalogueEntry> DefaultEntries = ImmutableArray.Create(
        new CatalogueEntry("Amazon.CDK.AWS.ECS.ITaskDefinition", "TaskDefinitionArn"),
        new CatalogueEntry("Amazon.CDK.AWS.ECS.CfnTaskDefinition", "Ref"),
        new CatalogueEntry("Amazon.CDK.AWS.ECS.CfnTaskDefinition", "AttrTaskDefinitionArn"),
        new CatalogueEntry("Amazon.CDK.AWS.Lambda.IVersion", "FunctionArn"),
        new CatalogueEntry("Amazon.CDK.AWS.Lambda.IVersion", "EdgeArn"),
        new CatalogueEntry("Amazon.CDK.AWS.Lambda.CfnVersion", "Ref"),
        new CatalogueEntry("Amazon.CDK.AWS.Lambda.CfnVersion", "AttrFunctionArn"),
        new CatalogueEntry("Amazon.CDK.AWS.Lambda.CfnVersion", "AttrVersion"),
        new CatalogueEntry("Amazon.CDK.AWS.Lambda.ILayerVersion", "LayerVersionArn"),
        new CatalogueEntry("Amazon.CDK.AWS.Lambda.CfnLayerVersion", "Ref"),
        new CatalogueEntry("Amazon.CDK.AWS.Lambda.CfnLayerVersion", "AttrLayerVersionArn"),
        new CatalogueEntry("Amazon.CDK.AWS.Batch.IJobDefinition", "JobDefinitionArn"),
        new CatalogueEntry("Amazon.CDK.AWS.Batch.CfnJobDefinition", "Ref"),
        new CatalogueEntry("Amazon.CDK.AWS.EC2.LaunchTemplate", "LatestVersionNumber"),
        new CatalogueEntry("Amazon.CDK.AWS.EC2.LaunchTemplate", "VersionNumber"),
        new CatalogueEntry("Amazon.CDK.AWS.EC2.CfnLaunchTemplate", "AttrLatestVersionNumber"),
        new CatalogueEntry("Amazon.CDK.AWS.APIGateway.Deployment", "DeploymentId"),
        new CatalogueEntry("Amazon.CDK.AWS.StepFunctions.CfnStateMachineVersion", "Ref"),
        new CatalogueEntry("Amazon.CDK.AWS.StepFunctions.CfnStateMachineVersion", "AttrArn"),
        new CatalogueEntry("Amazon.CDK.AWS.Sagemaker.CfnModel", "Ref"),
        new CatalogueEntry("Amazon.CDK.AWS.Sagemaker.CfnEndpointConfig", "Ref"));

    private readonly Dictionary<string, ImmutableArray<INamedTypeSymbol>> _typesByMember;

    private VolatileCatalogue(SourceDeclarations declarations, Dictionary<string, ImmutableArray<INamedTypeSymbol>> typesByMember, List<INamedTypeSymbol> addedTypes)
    {
        _typesByMember = typesByMember;
        var entryTypeNames = ImmutableArray.CreateBuilder<string>();
        entryTypeNames.AddRange(KnownCdkNames.TypeNames);
        foreach (var types in typesByMember.Values)
        {
            foreach (var entryType in types)
            {
                entryTypeNames.Add(entryType.Name);
            }
        }

        foreach (var addedType in addedTypes)
        {
            if (addedType.TypeKind == TypeKind.Interface && addedType.Locations.Length > 0 && addedType.Locations[0].IsInMetadata)
            {
                // The source's implementors are found from their base lists; a library's must be named here. The
                // built-in entries' implementors are in KnownCdkNames already (a test recomputes them from CDK).
                AddImplementorNames(addedType, addedType.ContainingNamespace, entryTypeNames);
            }
        }

        entryTypeNames.AddRange(KnownCdkNames.CatalogueTypeNames);
        ReceiverNames = new CdkNameIndex(declarations, entryTypeNames.ToImmutable(), KnownCdkNames.MemberNames.AddRange(KnownCdkNames.CatalogueMemberNames));
    }

    /// <summary>The names that can hold a receiver of a volatile member: the syntactic prefilter before any semantic query.</summary>
    public CdkNameIndex ReceiverNames { get; }

    public static VolatileCatalogue Create(Compilation compilation, IAssemblySymbol cdk, SourceDeclarations declarations, IEnumerable<CatalogueEntry> added, IEnumerable<CatalogueEntry> removed)
    {
        var entries = new HashSet<CatalogueEntry>(DefaultEntries);
        entries.UnionWith(added);
        entries.ExceptWith(removed);

        var builders = new Dictionary<string, ImmutableArray<INamedTypeSymbol>.Builder>(System.StringComparer.Ordinal);
        var addedTypes = new List<INamedTypeSymbol>();
        foreach (var entry in entries)
        {
            // CDK's own types are looked up in its assembly; the user's anywhere in the compilation.
            var type = (entry.TypeMetadataName.StartsWith("Amazon.CDK.", System.StringComparison.Ordinal) ? cdk.GetTypeByMetadataName(entry.TypeMetadataName) : null)
                ?? compilation.GetTypeByMetadataName(entry.TypeMetadataName)
                ?? compilation.GetTypeByMetadataName(entry.TypeMetadataName.Replace('+', '.'));
            if (type is null)
            {
                continue;
            }

            if (!builders.TryGetValue(entry.MemberName, out var types))
            {
                types = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
                builders.Add(entry.MemberName, types);
            }

            types.Add(type);
            if (!DefaultEntries.Contains(entry))
            {
                addedTypes.Add(type);
            }
        }

        var typesByMember = new Dictionary<string, ImmutableArray<INamedTypeSymbol>>(System.StringComparer.Ordinal);
        foreach (var pair in builders)
        {
            typesByMember.Add(pair.Key, pair.Value.ToImmutable());
        }

        return new VolatileCatalogue(declarations, typesByMember, addedTypes);
    }

    /// <summary>
    /// The classes of the interface's own namespace and the namespaces under it that implement it: CDK keeps a
    /// construct with its interface (<c>Function</c>, <c>DockerImageFunction</c>, <c>Alias</c> beside <c>IFunction</c>)
    /// or in a namespace below (<c>Amazon.CDK.AWS.Lambda.Nodejs.NodejsFunction</c>). Runs once per set of options.
    /// </summary>
    private static void AddImplementorNames(INamedTypeSymbol interfaceType, INamespaceSymbol? namespaceSymbol, ImmutableArray<string>.Builder names)
    {
        if (namespaceSymbol is null)
        {
            return;
        }

        foreach (var member in namespaceSymbol.GetMembers())
        {
            if (member is INamespaceSymbol nested)
            {
                AddImplementorNames(interfaceType, nested, names);
            }
            else if (member is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface } type
                && !SymbolEqualityComparer.Default.Equals(type, interfaceType)
                && type.AllInterfaces.Contains(interfaceType, SymbolEqualityComparer.Default))
            {
                names.Add(type.Name);
            }
        }
    }

    /// <summary>The cheap syntactic test: could a member of this name be volatile at all?</summary>
    public bool MayBeVolatile(string memberName) => _typesByMember.ContainsKey(memberName);

    /// <summary>Is reading <paramref name="member"/> through a receiver of <paramref name="receiverType"/> a volatile read?</summary>
    public bool IsVolatile(ISymbol member, ITypeSymbol? receiverType)
    {
        if (!_typesByMember.TryGetValue(member.Name, out var types))
        {
            return false;
        }

        foreach (var type in types)
        {
            if (TypeRelations.IsOrInherits(receiverType, type) || TypeRelations.IsOrInherits(member.ContainingType, type))
            {
                return true;
            }
        }

        return false;
    }
}
