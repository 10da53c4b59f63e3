using System;
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
        new CatalogueEntry("Amazon.CDK.AWS.Lambda.IVersion", "Version"),
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

    private readonly Dictionary<string, Lazy<ImmutableArray<INamedTypeSymbol>>> _typesByMember;

    private VolatileCatalogue(SourceDeclarations declarations, Dictionary<string, Lazy<ImmutableArray<INamedTypeSymbol>>> typesByMember, IEnumerable<CatalogueEntry> entries, List<INamedTypeSymbol> addedTypes)
    {
        _typesByMember = typesByMember;
        var entryTypeNames = ImmutableArray.CreateBuilder<string>();
        entryTypeNames.AddRange(KnownCdkNames.TypeNames);
        foreach (var entry in entries)
        {
            entryTypeNames.Add(entry.TypeName);
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

    public static VolatileCatalogue Create(Compilation compilation, CdkTypes types, SourceDeclarations declarations, IEnumerable<CatalogueEntry> added, IEnumerable<CatalogueEntry> removed)
    {
        var entries = new List<CatalogueEntry>(DefaultEntries);
        foreach (var entry in added)
        {
            if (!entries.Contains(entry))
            {
                entries.Add(entry);
            }
        }

        entries.RemoveAll(entry => removed.Contains(entry));

        // The types are resolved per member name, on the first read of that name that the prefilters let through: a
        // type looked up by name loads its whole namespace, and most apps never read a launch template's version.
        var namesByMember = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!namesByMember.TryGetValue(entry.MemberName, out var names))
            {
                names = new List<string>();
                namesByMember.Add(entry.MemberName, names);
            }

            names.Add(entry.TypeMetadataName);
        }

        var typesByMember = new Dictionary<string, Lazy<ImmutableArray<INamedTypeSymbol>>>(System.StringComparer.Ordinal);
        foreach (var pair in namesByMember)
        {
            var names = pair.Value;
            typesByMember.Add(pair.Key, new Lazy<ImmutableArray<INamedTypeSymbol>>(() => Resolve(compilation, types, names), System.Threading.LazyThreadSafetyMode.PublicationOnly));
        }

        // An entry the options add for a library's interface needs its implementors' names now, for the prefilter.
        var addedTypes = new List<INamedTypeSymbol>();
        foreach (var entry in entries)
        {
            if (!DefaultEntries.Contains(entry) && Resolve(compilation, types, entry.TypeMetadataName) is { } type)
            {
                addedTypes.Add(type);
            }
        }

        return new VolatileCatalogue(declarations, typesByMember, entries, addedTypes);
    }

    private static ImmutableArray<INamedTypeSymbol> Resolve(Compilation compilation, CdkTypes types, List<string> metadataNames)
    {
        var resolved = ImmutableArray.CreateBuilder<INamedTypeSymbol>(metadataNames.Count);
        foreach (var metadataName in metadataNames)
        {
            if (Resolve(compilation, types, metadataName) is { } type)
            {
                resolved.Add(type);
            }
        }

        return resolved.ToImmutable();
    }

    /// <summary>CDK's own types are looked up in its assembly; the user's anywhere in the compilation.</summary>
    private static INamedTypeSymbol? Resolve(Compilation compilation, CdkTypes types, string metadataName)
        => (metadataName.StartsWith("Amazon.CDK.", System.StringComparison.Ordinal) ? types.Assembly?.GetTypeByMetadataName(metadataName) : null)
            ?? compilation.GetTypeByMetadataName(metadataName)
            ?? compilation.GetTypeByMetadataName(metadataName.Replace('+', '.'));

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

    /// <summary>The names of the catalogue's members (<c>TaskDefinitionArn</c>, <c>Ref</c>, …).</summary>
    public IEnumerable<string> MemberNames => _typesByMember.Keys;

    /// <summary>The cheap syntactic test: could a member of this name be volatile at all?</summary>
    public bool MayBeVolatile(string memberName) => _typesByMember.ContainsKey(memberName);

    /// <summary>Is reading <paramref name="member"/> through a receiver of <paramref name="receiverType"/> a volatile read?</summary>
    public bool IsVolatile(ISymbol member, ITypeSymbol? receiverType)
    {
        if (!_typesByMember.TryGetValue(member.Name, out var types))
        {
            return false;
        }

        foreach (var type in types.Value)
        {
            if (TypeRelations.IsOrInherits(receiverType, type) || TypeRelations.IsOrInherits(member.ContainingType, type))
            {
                return true;
            }
        }

        return false;
    }
}
