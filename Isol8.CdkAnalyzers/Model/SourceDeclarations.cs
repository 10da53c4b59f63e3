using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The declarations of a compilation's source that name types: members with their declared type, classes with
/// their base types, and <c>using</c> aliases. Collected once per compilation, from declarations only (no method
/// body is walked), for every <see cref="CdkNameIndex"/>; and the locals of each block an index asks about.
/// </summary>
internal sealed class SourceDeclarations
{
    private readonly Compilation _compilation;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxNode, Dictionary<string, (TypeSyntax Type, ExpressionSyntax? Initializer)>> _locals = new();
    private Snapshot? _snapshot;

    public SourceDeclarations(Compilation compilation)
    {
        _compilation = compilation;
    }

    public Snapshot Get(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            var members = new List<(string, string)>();
            var subclasses = new List<(string, ImmutableArray<string>)>();
            var aliases = new List<(string, string)>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Collect(tree.GetRoot(cancellationToken), members, subclasses, aliases);
            }

            snapshot = new Snapshot(members, subclasses, aliases);
            Interlocked.CompareExchange(ref _snapshot, snapshot, null);
        }

        return snapshot;
    }

    /// <summary>
    /// The locals a block declares in its own statements, with their type and initializer; built once per block for
    /// every name index.
    /// </summary>
    public Dictionary<string, (TypeSyntax Type, ExpressionSyntax? Initializer)> LocalsOf(SyntaxNode block)
        => _locals.GetOrAdd(block, b =>
        {
            var locals = new Dictionary<string, (TypeSyntax, ExpressionSyntax?)>(System.StringComparer.Ordinal);
            foreach (var node in b.ChildNodes())
            {
                if ((node is GlobalStatementSyntax global ? global.Statement : node) is LocalDeclarationStatementSyntax { Declaration: var declaration })
                {
                    foreach (var variable in declaration.Variables)
                    {
                        locals[variable.Identifier.ValueText] = (declaration.Type, variable.Initializer?.Value);
                    }
                }
            }

            return locals;
        });

    private static void Collect(SyntaxNode node, List<(string, string)> members, List<(string, ImmutableArray<string>)> subclasses, List<(string, string)> aliases)
    {
        foreach (var child in node.ChildNodes())
        {
            switch (child)
            {
                case UsingDirectiveSyntax { Alias: { } alias, Name: { } aliased } when CdkSyntax.TypeName(aliased) is { } target:
                    aliases.Add((alias.Name.Identifier.ValueText, target));
                    break;
                case BaseNamespaceDeclarationSyntax:
                    Collect(child, members, subclasses, aliases);
                    break;
                case TypeDeclarationSyntax type:
                    CollectType(type, members, subclasses);
                    break;
            }
        }
    }

    private static void CollectType(TypeDeclarationSyntax type, List<(string, string)> members, List<(string, ImmutableArray<string>)> subclasses)
    {
        if (type.BaseList is { } baseList)
        {
            var bases = ImmutableArray.CreateBuilder<string>(baseList.Types.Count);
            foreach (var baseType in baseList.Types)
            {
                if (CdkSyntax.TypeName(baseType.Type) is { } baseName)
                {
                    bases.Add(baseName);
                }
            }

            subclasses.Add((type.Identifier.ValueText, bases.ToImmutable()));
        }

        foreach (var member in type.Members)
        {
            switch (member)
            {
                case PropertyDeclarationSyntax property when CdkSyntax.TypeName(property.Type) is { } propertyType:
                    members.Add((property.Identifier.ValueText, propertyType));
                    break;
                case MethodDeclarationSyntax method when CdkSyntax.TypeName(method.ReturnType) is { } returnType:
                    members.Add((method.Identifier.ValueText, returnType));
                    break;
                case FieldDeclarationSyntax field when CdkSyntax.TypeName(field.Declaration.Type) is { } fieldType:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        members.Add((variable.Identifier.ValueText, fieldType));
                    }

                    break;
                case TypeDeclarationSyntax nested:
                    CollectType(nested, members, subclasses);
                    break;
            }
        }
    }

    /// <summary>What <see cref="SourceDeclarations"/> collected.</summary>
    internal sealed class Snapshot
    {
        public Snapshot(List<(string Name, string TypeName)> members, List<(string Name, ImmutableArray<string> Bases)> subclasses, List<(string Name, string Target)> aliases)
        {
            Members = members;
            Subclasses = subclasses;
            Aliases = aliases;
        }

        /// <summary>Fields, properties and methods, with the name of their declared type.</summary>
        public List<(string Name, string TypeName)> Members { get; }

        public List<(string Name, ImmutableArray<string> Bases)> Subclasses { get; }

        public List<(string Name, string Target)> Aliases { get; }
    }
}
