using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The members the concrete task definition classes have and <c>ITaskDefinition</c> lacks (<c>Family</c>,
/// <c>DefaultContainer</c>, <c>AddContainer</c>, …), looked up once per compilation and matched without regard to
/// case, so a TypeScript-style <c>.family</c> is recognised.
/// </summary>
internal sealed class ConcreteTaskDefinitionMembers
{

    private static readonly HashSet<string> KnownNames = new(KnownCdkNames.ConcreteTaskDefinitionOnlyMemberNames, StringComparer.OrdinalIgnoreCase);

    private readonly Compilation _compilation;
    private readonly CdkTypes _types;
    private Dictionary<string, (string Name, string Owners)>? _members;

    private ConcreteTaskDefinitionMembers(Compilation compilation, CdkTypes types)
    {
        _compilation = compilation;
        _types = types;
    }

    /// <summary>The members of this compilation's ECS (none when CDK has no task definitions). Reading CDK's members waits for the first name that may be one.</summary>
    public static ConcreteTaskDefinitionMembers Create(Compilation compilation, CdkTypes types)
        => new(compilation, types);

    /// <summary>The member's proper name and the concrete types that have it, for a name as the user typed it.</summary>
    public bool TryGet(string typedName, out string name, out string owners)
    {
        name = owners = string.Empty;
        if (!KnownNames.Contains(typedName))
        {
            return false;
        }

        var members = _members;
        if (members is null)
        {
            // Computed on the first candidate, not when the compilation starts: it loads CDK's ECS types.
            members = _types.ITaskDefinition is { } taskDefinitionInterface ? Compute(_compilation, taskDefinitionInterface) : new(StringComparer.OrdinalIgnoreCase);
            Interlocked.CompareExchange(ref _members, members, null);
        }

        if (members.TryGetValue(typedName, out var entry))
        {
            name = entry.Name;
            owners = entry.Owners;
            return true;
        }

        return false;
    }

    private static Dictionary<string, (string Name, string Owners)> Compute(Compilation compilation, INamedTypeSymbol taskDefinitionInterface)
    {

        var interfaceMembers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in ImmutableArray.Create(taskDefinitionInterface).AddRange(taskDefinitionInterface.AllInterfaces))
        {
            foreach (var member in type.GetMembers())
            {
                interfaceMembers.Add(member.Name);
            }
        }

        var owners = new Dictionary<string, (string Name, List<string> Types)>(StringComparer.OrdinalIgnoreCase);
        foreach (var typeName in KnownCdkNames.ConcreteTaskDefinitionTypes)
        {
            for (INamedTypeSymbol? type = taskDefinitionInterface.ContainingAssembly.GetTypeByMetadataName(typeName); type is not null && type.ContainingNamespace?.ToDisplayString() == KnownCdkNames.EcsNamespace; type = type.BaseType)
            {
                foreach (var member in type.GetMembers())
                {
                    if (member.IsStatic || member.DeclaredAccessibility != Accessibility.Public || member.IsImplicitlyDeclared
                        || member is IMethodSymbol { MethodKind: not MethodKind.Ordinary } || interfaceMembers.Contains(member.Name))
                    {
                        continue;
                    }

                    if (!owners.TryGetValue(member.Name, out var entry))
                    {
                        entry = (member.Name, new List<string>());
                        owners.Add(member.Name, entry);
                    }

                    if (!entry.Types.Contains(typeName.Substring(typeName.LastIndexOf('.') + 1)))
                    {
                        entry.Types.Add(typeName.Substring(typeName.LastIndexOf('.') + 1));
                    }
                }
            }
        }

        var members = new Dictionary<string, (string Name, string Owners)>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in owners)
        {
            members.Add(pair.Key, (pair.Value.Name, string.Join(", ", pair.Value.Types)));
        }

        return members;
    }
}
