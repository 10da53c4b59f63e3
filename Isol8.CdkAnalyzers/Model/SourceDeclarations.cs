using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The declarations of a compilation's source that name types: members with their declared type, classes with
/// their base types, and <c>using</c> aliases. Collected once per compilation, from declarations only (no method
/// body is walked), for every <see cref="CdkNameIndex"/>; and the local a block declares by a name (<see cref="LocalIn(SyntaxNode, string)"/>).
/// </summary>
internal sealed class SourceDeclarations
{
    private readonly Compilation _compilation;
    private const int ShortBlock = 32;
    private static readonly System.Func<SyntaxNode, Dictionary<string, VariableDeclaratorSyntax>> IndexLocalsOf = IndexLocals;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxNode, Dictionary<string, VariableDeclaratorSyntax>> _longBlockLocals = new();
    private Snapshot? _snapshot;

    public SourceDeclarations(Compilation compilation, TextSearch text)
    {
        _compilation = compilation;
        Text = text;
    }

    /// <summary>The model's word searches: where a body's <c>out</c> variables are declared, without walking it.</summary>
    public TextSearch Text { get; }

    /// <summary>Does a class in source derive from a class of this name (it then runs that class's code elsewhere too)?</summary>
    public bool HasSourceSubclass(string name, CancellationToken cancellationToken)
    {
        foreach (var (_, bases) in Get(cancellationToken).Subclasses)
        {
            if (bases.Contains(name))
            {
                return true;
            }
        }

        return false;
    }

    public Snapshot Get(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null)
        {
            var members = new List<(string, string)>();
            var subclasses = new List<(string, ImmutableArray<string>)>();
            var aliases = new List<(string, string)>();
            var stringMembers = new List<(string, string, bool)>();
            var extensionMethods = new HashSet<string>(System.StringComparer.Ordinal);
            var stringMethodsGiven = new HashSet<string>(System.StringComparer.Ordinal);
            var stringCollectionMembers = new List<(string, string)>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Collect(tree.GetRoot(cancellationToken), new Collected(members, subclasses, aliases, stringMembers, extensionMethods, stringCollectionMembers, stringMethodsGiven));
            }

            snapshot = new Snapshot(members, subclasses, aliases, stringMembers, extensionMethods, stringCollectionMembers, stringMethodsGiven);
            Interlocked.CompareExchange(ref _snapshot, snapshot, null);
        }

        return snapshot;
    }

    /// <summary>
    /// The local <paramref name="name"/> that <paramref name="block"/> (a block, a switch section or the compilation
    /// unit's top-level statements) declares in its own statements, if any.
    /// </summary>
    public VariableDeclaratorSyntax? LocalIn(SyntaxNode block, string name)
    {
        // A short block is scanned each time: filling a cache (a concurrent dictionary's locked adds) costs more than
        // the scans it saves. A long one (a program's top-level statements wiring hundreds of stacks) is indexed once,
        // or every name in it would scan all of it.
        var statements = block switch
        {
            BlockSyntax b => b.Statements,
            SwitchSectionSyntax section => section.Statements,
            _ => default,
        };
        if (block is CompilationUnitSyntax || statements.Count > ShortBlock)
        {
            return _longBlockLocals.GetOrAdd(block, IndexLocalsOf).TryGetValue(name, out var indexed) ? indexed : null;
        }

        VariableDeclaratorSyntax? found = null;
        foreach (var statement in statements)
        {
            found = LocalIn(statement, name, found);
        }

        return found;
    }

    private static Dictionary<string, VariableDeclaratorSyntax> IndexLocals(SyntaxNode block)
    {
        var locals = new Dictionary<string, VariableDeclaratorSyntax>(System.StringComparer.Ordinal);
        foreach (var node in block.ChildNodes())
        {
            if ((node is GlobalStatementSyntax global ? global.Statement : node) is LocalDeclarationStatementSyntax { Declaration.Variables: var variables })
            {
                foreach (var variable in variables)
                {
                    locals[variable.Identifier.ValueText] = variable;
                }
            }
        }

        return locals;
    }

    // The last declarator of that name wins, as when a name is declared twice (an error the compiler reports).
    private static VariableDeclaratorSyntax? LocalIn(StatementSyntax statement, string name, VariableDeclaratorSyntax? found)
    {
        if (statement is LocalDeclarationStatementSyntax { Declaration.Variables: var variables })
        {
            foreach (var variable in variables)
            {
                if (variable.Identifier.ValueText == name)
                {
                    found = variable;
                }
            }
        }

        return found;
    }

    private static void Collect(SyntaxNode node, Collected collected)
    {
        foreach (var child in node.ChildNodes())
        {
            switch (child)
            {
                case UsingDirectiveSyntax { Alias: { } alias, Name: { } aliased } when CdkSyntax.TypeName(aliased) is { } target:
                    collected.Aliases.Add((alias.Name.Identifier.ValueText, target));
                    break;
                case BaseNamespaceDeclarationSyntax:
                    Collect(child, collected);
                    break;
                case TypeDeclarationSyntax type:
                    CollectType(type, collected);
                    break;
            }
        }
    }

    private static void CollectType(TypeDeclarationSyntax type, Collected collected)
    {
        var (members, subclasses) = (collected.Members, collected.Subclasses);
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

        // A positional record's parameters are its public properties (record ComputeOutputs(ITaskDefinition Worker)).
        if (type is RecordDeclarationSyntax { ParameterList: { } positional })
        {
            foreach (var parameter in positional.Parameters)
            {
                if (parameter.Type is null)
                {
                    continue;
                }

                if (IsString(parameter.Type))
                {
                    collected.StringMembers.Add((parameter.Identifier.ValueText, type.Identifier.ValueText, false));
                }
                else if (CdkSyntax.TypeName(parameter.Type) is { } parameterType)
                {
                    members.Add((parameter.Identifier.ValueText, parameterType));
                }
            }
        }

        var isStaticClass = type.Modifiers.Any(SyntaxKind.StaticKeyword);
        foreach (var member in type.Members)
        {
            if (StringCollectionType(member) is not null)
            {
                foreach (var name in DeclaredNames(member))
                {
                    collected.StringCollectionMembers.Add((name, type.Identifier.ValueText));
                }
            }

            // public (ITaskDefinition Task, IVersion Version) Pair { get; }: compute.Pair.Task reads an element of that type.
            AddTupleElements(
                member switch
                {
                    PropertyDeclarationSyntax property => property.Type,
                    FieldDeclarationSyntax field => field.Declaration.Type,
                    MethodDeclarationSyntax method => method.ReturnType,
                    _ => null,
                },
                members);

            switch (member)
            {
                case PropertyDeclarationSyntax property when IsString(property.Type):
                    collected.StringMembers.Add((property.Identifier.ValueText, type.Identifier.ValueText, HasOwnValue(property)));
                    break;
                case PropertyDeclarationSyntax property when CdkSyntax.TypeName(property.Type) is { } propertyType:
                    members.Add((property.Identifier.ValueText, propertyType));
                    break;
                case FieldDeclarationSyntax field when IsString(field.Declaration.Type):
                    foreach (var variable in field.Declaration.Variables)
                    {
                        collected.StringMembers.Add((variable.Identifier.ValueText, type.Identifier.ValueText, variable.Initializer is { } initializer && !IsUnset(initializer.Value)));
                    }

                    break;
                case MethodDeclarationSyntax method:
                    if (IsString(method.ReturnType))
                    {
                        // public string ArnOf(string job) => _jobs[job].TaskDefinitionArn: its body gives the value.
                        collected.StringMembers.Add((method.Identifier.ValueText, type.Identifier.ValueText, true));

                        // public static string WorkerArn(this CoreStack core) => core.Worker.TaskDefinitionArn: it may read what it is given.
                        if (method.ParameterList.Parameters.Count > 0 && !method.Modifiers.Any(SyntaxKind.OverrideKeyword))
                        {
                            collected.StringMethodsGiven.Add(method.Identifier.ValueText);
                        }
                    }
                    else if (CdkSyntax.TypeName(method.ReturnType) is { } returnType)
                    {
                        members.Add((method.Identifier.ValueText, returnType));
                    }

                    // Only a static class declares extension methods: the parameter list of any other method is not materialized.
                    if (isStaticClass && method.ParameterList.Parameters is { Count: > 0 } parameters && parameters[0].Modifiers.Any(SyntaxKind.ThisKeyword))
                    {
                        collected.ExtensionMethods.Add(method.Identifier.ValueText);
                    }

                    break;
                case FieldDeclarationSyntax field when CdkSyntax.TypeName(field.Declaration.Type) is { } fieldType:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        members.Add((variable.Identifier.ValueText, fieldType));
                    }

                    break;
                case TypeDeclarationSyntax nested:
                    CollectType(nested, collected);
                    break;
            }
        }
    }

    /// <summary>
    /// The elements of a tuple type, by name and by place (<c>Task</c> and <c>Item1</c> of <c>(ITaskDefinition Task,
    /// IVersion Version)</c>), nested ones too, as members of their element's type.
    /// </summary>
    private static void AddTupleElements(TypeSyntax? type, List<(string, string)> members)
    {
        if ((type is NullableTypeSyntax nullable ? nullable.ElementType : type) is not TupleTypeSyntax tuple)
        {
            return;
        }

        for (var index = 0; index < tuple.Elements.Count; index++)
        {
            var element = tuple.Elements[index];
            if (CdkSyntax.TypeName(element.Type) is not { } elementType)
            {
                AddTupleElements(element.Type, members);
                continue;
            }

            members.Add(("Item" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), elementType));
            if (element.Identifier.ValueText is { Length: > 0 } name)
            {
                members.Add((name, elementType));
            }
        }
    }

    /// <summary>A field's or property's type when it is a collection of strings (<c>Dictionary&lt;string, string&gt;</c>, <c>List&lt;string&gt;</c>, <c>string[]</c>).</summary>
    private static TypeSyntax? StringCollectionType(MemberDeclarationSyntax member)
    {
        var type = member switch
        {
            PropertyDeclarationSyntax property => property.Type,
            FieldDeclarationSyntax field => field.Declaration.Type,
            _ => null,
        };
        return (type is NullableTypeSyntax nullable ? nullable.ElementType : type) switch
        {
            ArrayTypeSyntax array when IsString(array.ElementType) => type,
            GenericNameSyntax { TypeArgumentList.Arguments: { Count: > 0 } arguments } when AllStrings(arguments) => type,
            QualifiedNameSyntax { Right: GenericNameSyntax { TypeArgumentList.Arguments: { Count: > 0 } arguments } } when AllStrings(arguments) => type,
            _ => null,
        };
    }

    // A loop, not LINQ: this runs for every member of every type, and a separated list's enumerator would be boxed.
    private static bool AllStrings(SeparatedSyntaxList<TypeSyntax> types)
    {
        foreach (var type in types)
        {
            if (!IsString(type))
            {
                return false;
            }
        }

        return true;
    }

    private static IEnumerable<string> DeclaredNames(MemberDeclarationSyntax member)
        => member switch
        {
            PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
            FieldDeclarationSyntax field => field.Declaration.Variables.Select(variable => variable.Identifier.ValueText),
            _ => Enumerable.Empty<string>(),
        };

    /// <summary>
    /// Does the declaration give the property its value: a getter with a body, or an initializer other than an empty
    /// start (<c>= "";</c>, <c>= null!;</c>)? Code elsewhere can then not fill it with another value.
    /// </summary>
    private static bool HasOwnValue(PropertyDeclarationSyntax property)
    {
        if (property.ExpressionBody is not null)
        {
            return true;
        }

        foreach (var accessor in property.AccessorList?.Accessors ?? default)
        {
            if (accessor.Body is not null || accessor.ExpressionBody is not null)
            {
                return true;
            }
        }

        return property.Initializer is { } initializer && !IsUnset(initializer.Value);
    }

    /// <summary><c>""</c>, <c>string.Empty</c>, <c>null!</c>, <c>default!</c>: a start that only quiets the compiler.</summary>
    private static bool IsUnset(ExpressionSyntax value)
        => CdkSyntax.IsEmptyString(value) || CdkSyntax.IsPlaceholder(value);

    /// <summary><c>string</c>, <c>string?</c>, <c>String</c>, <c>System.String</c>.</summary>
    private static bool IsString(TypeSyntax type)
        => (type is NullableTypeSyntax nullable ? nullable.ElementType : type) switch
        {
            PredefinedTypeSyntax predefined => predefined.Keyword.IsKind(SyntaxKind.StringKeyword),
            var named => CdkSyntax.TypeName(named) == nameof(System.String),
        };

    private sealed class Collected
    {
        public Collected(List<(string, string)> members, List<(string, ImmutableArray<string>)> subclasses, List<(string, string)> aliases, List<(string, string, bool)> stringMembers, HashSet<string> extensionMethods, List<(string, string)> stringCollectionMembers, HashSet<string> stringMethodsGiven)
        {
            StringMethodsGiven = stringMethodsGiven;
            StringCollectionMembers = stringCollectionMembers;
            Members = members;
            Subclasses = subclasses;
            Aliases = aliases;
            StringMembers = stringMembers;
            ExtensionMethods = extensionMethods;
        }

        public HashSet<string> ExtensionMethods { get; }

        public HashSet<string> StringMethodsGiven { get; }

        public List<(string, string)> StringCollectionMembers { get; }

        public List<(string, string)> Members { get; }

        public List<(string, ImmutableArray<string>)> Subclasses { get; }

        public List<(string, string)> Aliases { get; }

        public List<(string, string, bool)> StringMembers { get; }
    }

    /// <summary>What <see cref="SourceDeclarations"/> collected.</summary>
    internal sealed class Snapshot
    {
        public Snapshot(List<(string Name, string TypeName)> members, List<(string Name, ImmutableArray<string> Bases)> subclasses, List<(string Name, string Target)> aliases, List<(string Name, string DeclaringType, bool HasOwnValue)> stringMembers, HashSet<string> extensionMethods, List<(string Name, string DeclaringType)> stringCollectionMembers, HashSet<string> stringMethodsGiven)
        {
            StringMethodsGiven = stringMethodsGiven;
            StringCollectionMembers = stringCollectionMembers;
            Members = members;
            Subclasses = subclasses;
            Aliases = aliases;
            StringMembers = stringMembers;
            ExtensionMethods = extensionMethods;
        }

        private HashSet<string>? _constructClassNames;
        private HashSet<string>? _stackClassNames;

        /// <summary>The names of the source's extension methods: a call of one hands its receiver to the app's code.</summary>
        public HashSet<string> ExtensionMethods { get; }

        /// <summary>
        /// The names of the source's string methods that take arguments, in any type, overrides aside: candidates for a
        /// method relaying volatile reads of what its call gives it (<c>core.WorkerArn()</c>, an extension method).
        /// </summary>
        public HashSet<string> StringMethodsGiven { get; }

        /// <summary>Fields and properties typed as a collection of strings, with the name of the type that declares them.</summary>
        public List<(string Name, string DeclaringType)> StringCollectionMembers { get; }

        /// <summary>Fields, properties and methods, with the name of their declared type.</summary>
        public List<(string Name, string TypeName)> Members { get; }

        public List<(string Name, ImmutableArray<string> Bases)> Subclasses { get; }

        public List<(string Name, string Target)> Aliases { get; }

        /// <summary>The source's stack classes by name (<see cref="DerivedByName"/> of <c>Stack</c>), worked out once.</summary>
        public HashSet<string> StackClassNames
        {
            get
            {
                var names = _stackClassNames;
                if (names is null)
                {
                    names = DerivedByName(new[] { KnownCdkNames.StackTypeName });
                    Interlocked.CompareExchange(ref _stackClassNames, names, null);
                }

                return names;
            }
        }

        /// <summary>The source's stack and construct classes by name (<see cref="DerivedByName"/> of <c>Stack</c> and <c>Construct</c>), worked out once.</summary>
        public HashSet<string> ConstructClassNames
        {
            get
            {
                var names = _constructClassNames;
                if (names is null)
                {
                    names = DerivedByName(new[] { KnownCdkNames.StackTypeName, KnownCdkNames.ConstructTypeName });
                    Interlocked.CompareExchange(ref _constructClassNames, names, null);
                }

                return names;
            }
        }

        /// <summary>
        /// The names of <paramref name="roots"/> and of the source's classes and <c>using</c> aliases that derive from
        /// or stand for one of them, by name, to a fixed point (<c>class AppStack : Stack</c>, <c>class ContainerStack :
        /// AppStack</c>, <c>using Td = FargateTaskDefinition</c>).
        /// </summary>
        public HashSet<string> DerivedByName(IEnumerable<string> roots)
        {
            var names = new HashSet<string>(roots, System.StringComparer.Ordinal);
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var (name, bases) in Subclasses)
                {
                    if (!names.Contains(name) && bases.Any(names.Contains))
                    {
                        changed |= names.Add(name);
                    }
                }

                foreach (var (name, target) in Aliases)
                {
                    if (!names.Contains(name) && names.Contains(target))
                    {
                        changed |= names.Add(name);
                    }
                }
            }

            return names;
        }

        /// <summary>
        /// String fields, properties and instance methods (a positional record's parameters too), with the name of the type
        /// that declares them (the candidates for a relay) and whether the declaration gives the value (see
        /// <see cref="HasOwnValue"/>; a method's body always does).
        /// </summary>
        public List<(string Name, string DeclaringType, bool HasOwnValue)> StringMembers { get; }
    }
}
