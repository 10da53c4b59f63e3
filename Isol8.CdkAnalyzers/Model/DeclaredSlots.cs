using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Does a volatile construct handed over reach a template? CDK renders a construct's ARN where something reads it:
/// a catalogue member read through it, a grant on it, or a slot of CDK's own (a construct's props, a CDK method) it
/// is given to. A parameter or property the app declares (its construct's props class, a helper's parameter) renders
/// nothing by being given the construct: what the app's code then does with it decides. That code is followed through
/// the app's locals, fields, properties and parameters, and through the arrays and lists built in place that hold it.
/// Anything else (returned, kept in another collection, given to a framework method) is no proof, and the answer is
/// no: a hand-over nothing renders imports nothing.
/// </summary>
internal sealed class DeclaredSlots
{
    // Chains of the app's own slots deeper than this (a props member given to a construct that gives it to another…)
    // are not followed: no proof, no warning.
    private const int MaxDepth = 8;

    private readonly Compilation _compilation;
    private readonly CdkTypes _types;
    private readonly ValueSources _sources;
    private readonly RelayedReads _relays;
    private readonly ConcurrentDictionary<(ISymbol Slot, ITypeSymbol ValueType, VolatileCatalogue Catalogue, bool AsElement), bool> _renders = new(SlotKeyComparer.Instance);

    public DeclaredSlots(Compilation compilation, CdkTypes types, ValueSources sources, RelayedReads relays)
    {
        _relays = relays;
        _compilation = compilation;
        _types = types;
        _sources = sources;
    }

    /// <summary>
    /// Does the construct <paramref name="value"/> evaluates to (of <paramref name="valueType"/>) reach a template
    /// through the slot it is given to at this site (an argument, an initializer's member or element)?
    /// </summary>
    public bool Renders(ExpressionSyntax value, ITypeSymbol valueType, SemanticModel semanticModel, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        => UseRenders(value, semanticModel, new Walk(valueType, catalogue, cancellationToken), depth: 0, asElement: false);

    /// <summary>
    /// Does the app's code behind the slot <paramref name="value"/> is given to cast the construct or test its type
    /// (<c>(FargateTaskDefinition)taskDef</c>, <c>as</c>, <c>is</c>)? An imported reference would fail such a cast at
    /// synthesis, so a fix must not hand one over. Every path is followed, not only to the first rendering.
    /// </summary>
    public bool CastsBehind(ExpressionSyntax value, ITypeSymbol valueType, SemanticModel semanticModel, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        var walk = new Walk(valueType, catalogue, cancellationToken) { FindCasts = true };
        UseRenders(value, semanticModel, walk, depth: 0, asElement: false);
        return walk.SawCast;
    }

    /// <summary>Does this use of the construct render it? <paramref name="asElement"/>: the use holds it as an element (an array of constructs).</summary>
    private bool UseRenders(ExpressionSyntax use, SemanticModel semanticModel, Walk walk, int depth, bool asElement)
    {
        var node = use;
        while (true)
        {
            switch (node.Parent)
            {
                case ExpressionSyntax wrapper when PassesThrough(wrapper, node):
                    walk.SawCast |= wrapper is CastExpressionSyntax || wrapper.IsKind(SyntaxKind.AsExpression);
                    node = wrapper;
                    continue;
                case IsPatternExpressionSyntax { Pattern: var pattern } isPattern when isPattern.Expression == node:
                    // options.Version is { } version, is var v, is not null: a null test; is FargateTaskDefinition f: a type
                    // test, which an imported reference fails. Either way the pattern's variable is the slot.
                    walk.SawCast |= TestsTheType(pattern);
                    return PatternVariable(pattern) is { } variable
                        && SlotRenders(semanticModel.GetDeclaredSymbol(variable, walk.CancellationToken), walk, asElement, depth);
                case IsPatternExpressionSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.IsExpression }:
                    walk.SawCast = true;
                    return false;
                case InitializerExpressionSyntax { Parent: ExpressionSyntax array } when array is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax:
                    asElement = true;
                    node = array;
                    continue;
                case ExpressionElementSyntax { Parent: CollectionExpressionSyntax collection }:
                    asElement = true;
                    node = collection;
                    continue;
                case InitializerExpressionSyntax { RawKind: (int)SyntaxKind.CollectionInitializerExpression, Parent: BaseObjectCreationExpressionSyntax list }
                    when SymbolFacts.IsDotnetCollection(semanticModel.GetTypeInfo(list, walk.CancellationToken).Type):
                    // new List<ITaskDefinition> { pool.Worker }: an element of the list, as of an array.
                    asElement = true;
                    node = list;
                    continue;
                case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ToArray" or "ToList", Parent: InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } copy } access
                    when asElement && access.Expression == node:
                    // Layers = layers.ToArray(): the same elements (the holder is an array or a .NET collection).
                    node = copy;
                    continue;
                case ArgumentSyntax argument when AddedTo(argument, semanticModel, walk.CancellationToken) is { } collection:
                    // tasks.Add(pool.Worker): an element of the app's own collection.
                    return SlotRenders(collection, walk, asElement: true, depth);
                case ElementAccessExpressionSyntax elementAccess when asElement && elementAccess.Expression == node:
                    asElement = false;
                    node = elementAccess;
                    continue;
                case ForEachStatementSyntax loop when asElement && loop.Expression == node:
                    return SlotRenders(semanticModel.GetDeclaredSymbol(loop, walk.CancellationToken), walk, asElement: false, depth);
                case MemberAccessExpressionSyntax access when access.Expression == node:
                    return !asElement && (ReadRenders(access, access.Name, semanticModel, walk) || ExtensionReceiverRenders(access, semanticModel, walk, depth));
                case ConditionalAccessExpressionSyntax conditionalAccess when conditionalAccess.Expression == node:
                    return !asElement && FirstBinding(conditionalAccess.WhenNotNull) is { } binding && ReadRenders(binding, binding.Name, semanticModel, walk);
                case ArgumentSyntax argument:
                    return !CrossStackHelper.IsArgumentOfHelper(argument.Expression, semanticModel, walk.CancellationToken)
                        && ParameterOf(argument, semanticModel, walk.CancellationToken, ref asElement) is { } parameter
                        && SlotRenders(parameter, walk, asElement, depth);
                case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment when assignment.Right == node:
                    return SlotRenders(semanticModel.GetSymbolInfo(assignment.Left, walk.CancellationToken).Symbol, walk, asElement, depth);
                case EqualsValueClauseSyntax { Parent: { } declaration } when declaration is VariableDeclaratorSyntax or PropertyDeclarationSyntax:
                    return SlotRenders(semanticModel.GetDeclaredSymbol(declaration, walk.CancellationToken), walk, asElement, depth);
                default:
                    // Returned, interpolated, compared, captured: no proof that a template holds it.
                    return false;
            }
        }
    }

    /// <summary>Does the pattern test the value's type (<c>is FargateTaskDefinition f</c>, <c>is TaskDefinition { … }</c>)? An imported reference would fail such a test.</summary>
    private static bool TestsTheType(PatternSyntax pattern)
        => pattern switch
        {
            RecursivePatternSyntax recursive => recursive.Type is not null,
            VarPatternSyntax => false,
            ConstantPatternSyntax => false,
            UnaryPatternSyntax { Pattern: ConstantPatternSyntax } => false,
            _ => true,
        };

    /// <summary>The single variable a pattern declares (<c>{ } v</c>, <c>var v</c>, <c>FargateTaskDefinition f</c>); null for none.</summary>
    private static SingleVariableDesignationSyntax? PatternVariable(PatternSyntax pattern)
        => pattern switch
        {
            DeclarationPatternSyntax { Designation: SingleVariableDesignationSyntax designation } => designation,
            RecursivePatternSyntax { Designation: SingleVariableDesignationSyntax designation } => designation,
            VarPatternSyntax { Designation: SingleVariableDesignationSyntax designation } => designation,
            _ => null,
        };

    /// <summary>Does <paramref name="parent"/> evaluate to its child's construct: parentheses, a cast, <c>!</c>, <c>as</c>, <c>??</c>, a branch of <c>?:</c>.</summary>
    private static bool PassesThrough(ExpressionSyntax parent, ExpressionSyntax child)
        => parent switch
        {
            ParenthesizedExpressionSyntax or CastExpressionSyntax => true,
            PostfixUnaryExpressionSyntax postfix => postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression),
            BinaryExpressionSyntax binary => binary.IsKind(SyntaxKind.CoalesceExpression) || (binary.IsKind(SyntaxKind.AsExpression) && binary.Left == child),
            ConditionalExpressionSyntax conditional => conditional.Condition != child,
            _ => false,
        };

    /// <summary>
    /// The parameter an argument is given to. Found from the argument's operation upwards: an argument of a
    /// <c>params</c> array (<c>fn.AddLayers(layer)</c>) is an element of the array the call builds, and has no
    /// argument operation of its own.
    /// </summary>
    private static IParameterSymbol? ParameterOf(ArgumentSyntax argument, SemanticModel semanticModel, CancellationToken cancellationToken, ref bool asElement)
    {
        for (var current = semanticModel.GetOperation(CdkSyntax.WithoutSuppression(argument.Expression), cancellationToken)?.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IConversionOperation or IParenthesizedOperation:
                    continue;
                case IArrayInitializerOperation or IArrayCreationOperation:
                    asElement = true;
                    continue;
                case IArgumentOperation { Parameter: var parameter }:
                    return parameter;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>
    /// The local that <paramref name="argument"/> is added to as an element (<c>tasks.Add(pool.Worker)</c>, a .NET
    /// collection's <c>Add</c>); null for any other argument. A stack's collection member is not one: the ownership
    /// model follows its elements to where they are read, and the reads are reported there.
    /// </summary>
    private static ISymbol? AddedTo(ArgumentSyntax argument, SemanticModel semanticModel, CancellationToken cancellationToken)
        => argument.Parent is ArgumentListSyntax { Arguments.Count: 1, Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" } add } }
            && semanticModel.GetSymbolInfo(add, cancellationToken).Symbol is IMethodSymbol { IsStatic: false } method && SymbolFacts.IsDotnetCollection(method.ContainingType)
            && semanticModel.GetSymbolInfo(add.Expression, cancellationToken).Symbol is ILocalSymbol collection
                ? collection
                : null;

    /// <summary><c>slot.TaskDefinitionArn</c> (a catalogue member for the construct handed over) or <c>slot.GrantRun(…)</c>.</summary>
    private static bool ReadRenders(ExpressionSyntax read, SimpleNameSyntax name, SemanticModel semanticModel, Walk walk)
    {
        var memberName = name.Identifier.ValueText;
        if (memberName.StartsWith(KnownCdkNames.GrantPrefix, System.StringComparison.Ordinal))
        {
            return read.Parent is InvocationExpressionSyntax invocation && invocation.Expression == read;
        }

        return walk.Catalogue.MayBeVolatile(memberName)
            && semanticModel.GetSymbolInfo(read, walk.CancellationToken).Symbol is { Kind: SymbolKind.Property or SymbolKind.Field } member
            && walk.Catalogue.IsVolatile(member, walk.ValueType);
    }

    /// <summary><c>slot.AllowRun(role)</c>: an extension method of the app's, whose <c>this</c> parameter is the slot.</summary>
    private bool ExtensionReceiverRenders(MemberAccessExpressionSyntax access, SemanticModel semanticModel, Walk walk, int depth)
        => ExtensionReceiverSlot(access, semanticModel, walk.CancellationToken) is { } receiver && SlotRenders(receiver, walk, asElement: false, depth);

    /// <summary>
    /// The <c>this</c> parameter of the extension method <paramref name="access"/> calls (<c>taskDef.AllowRun(role)</c>):
    /// the slot its receiver is given to. Null when <paramref name="access"/> calls no extension method.
    /// </summary>
    public static IParameterSymbol? ExtensionReceiverSlot(MemberAccessExpressionSyntax access, SemanticModel semanticModel, CancellationToken cancellationToken)
        => access.Parent is InvocationExpressionSyntax invocation && invocation.Expression == access
            && semanticModel.GetSymbolInfo(access, cancellationToken).Symbol is IMethodSymbol { ReducedFrom: { Parameters.Length: > 0 } extension }
                ? extension.Parameters[0]
                : null;

    private static MemberBindingExpressionSyntax? FirstBinding(ExpressionSyntax whenNotNull)
        => whenNotNull switch
        {
            MemberBindingExpressionSyntax binding => binding,
            MemberAccessExpressionSyntax access => FirstBinding(access.Expression),
            InvocationExpressionSyntax invocation => FirstBinding(invocation.Expression),
            _ => null,
        };

    private bool SlotRenders(ISymbol? slot, Walk walk, bool asElement, int depth)
    {
        switch (slot)
        {
            case ILocalSymbol or IParameterSymbol or IPropertySymbol or IFieldSymbol when !slot.DeclaringSyntaxReferences.IsEmpty:
                // The app's own slot: what its code does with the value (or with the array holding it) decides.
                return DeclaredRenders(slot, walk, depth, asElement);
            case IParameterSymbol or IPropertySymbol or IFieldSymbol when !IsFrameworkMember(slot):
                // A slot of CDK's (or of a construct library's): it renders the ARN, unless it takes any construct or a
                // grantee, or CDK renders what it is given in that construct's own stack.
                var type = SymbolFacts.ValueType(slot);
                return !_types.TakesNoArn(asElement && type is IArrayTypeSymbol array ? array.ElementType : type)
                    && !_types.RendersInTheConstructsOwnStack(slot);
            default:
                return false;
        }
    }

    private bool DeclaredRenders(ISymbol slot, Walk walk, int depth, bool asElement)
    {
        var key = (slot.OriginalDefinition, walk.ValueType, walk.Catalogue, asElement);
        if (!walk.FindCasts && _renders.TryGetValue(key, out var known))
        {
            return known;
        }

        if (depth >= MaxDepth || !walk.Visiting.Add(key.OriginalDefinition))
        {
            return false;
        }

        var renders = false;
        foreach (var reference in References(key.OriginalDefinition, walk.CancellationToken))
        {
            var use = reference.Parent is MemberAccessExpressionSyntax access && access.Name == reference ? (ExpressionSyntax)access : reference;
            if (IsRelayedReceiver(use, key.OriginalDefinition, walk.Catalogue, walk.CancellationToken))
            {
                // string ArnOf(ITaskDefinition task) => task.TaskDefinitionArn: the call's value, rendered where the call
                // is used, and checked there (RelayedReads.RelayOfGiven: silent when the reads' owner is not one
                // argument's); not under the method's receiver or scope. A method that also returns something else
                // (a literal on one path) is no relay, and the hand-over to it is checked as before.
                continue;
            }

            if (UseRenders(use, _sources.SemanticModelFor(reference.SyntaxTree, null), walk, depth + 1, asElement))
            {
                renders = true;
                if (!walk.FindCasts)
                {
                    break;
                }
            }
        }

        // A record's positional parameter is also its property, read as props.TaskDef elsewhere; a props class's
        // property is also the interface member it implements (read as props.TaskDef through IWorkerProps) and the
        // base member it overrides.
        renders = (RecordProperty(key.OriginalDefinition) is { } property && DeclaredRenders(property, walk, depth + 1, asElement)) || renders;
        foreach (var alias in ImplementedMembers(key.OriginalDefinition))
        {
            renders = SlotRenders(alias, walk, asElement, depth + 1) || renders;
        }
        walk.Visiting.Remove(key.OriginalDefinition);

        // A "no" reached inside a cycle may only be "not yet": keep the answers that cannot depend on one.
        if (!walk.FindCasts && (renders || depth == 0))
        {
            _renders.TryAdd(key, renders);
        }

        return renders;
    }

    /// <summary>
    /// Is <paramref name="use"/> (a read of the parameter <paramref name="slot"/>) the receiver of a volatile read its method
    /// returns, the method being a relay of what it is given (<see cref="RelayedReads.GivenReadsOf"/>, whose receivers
    /// are those reads')? A local function is none: its calls are not asked of the relays, and what it returns renders
    /// where the site's stack uses it.
    /// </summary>
    private bool IsRelayedReceiver(ExpressionSyntax use, ISymbol slot, VolatileCatalogue catalogue, CancellationToken cancellationToken)
    {
        if (slot is not IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Ordinary } method }
            || _relays.GivenReadsOf(method, catalogue, cancellationToken) is not { } given)
        {
            return false;
        }

        foreach (var receiver in given.Receivers)
        {
            if (receiver.SyntaxTree == use.SyntaxTree && receiver.Span == use.Span)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The identifiers that read <paramref name="slot"/>: not the ones assigned to, nor argument names.</summary>
    private IEnumerable<IdentifierNameSyntax> References(ISymbol slot, CancellationToken cancellationToken)
    {
        var identifiers = new List<IdentifierNameSyntax>();
        foreach (var root in SearchRoots(slot, cancellationToken))
        {
            _sources.Text.CollectIdentifiers(root, slot.Name, identifiers, cancellationToken);
        }

        foreach (var identifier in identifiers)
        {
            if (identifier.Parent is NameColonSyntax or NameEqualsSyntax
                || (identifier.Parent is AssignmentExpressionSyntax assignment && assignment.Left == identifier)
                || (identifier.Parent is MemberAccessExpressionSyntax { Parent: AssignmentExpressionSyntax outer } target && target.Name == identifier && outer.Left == target))
            {
                continue;
            }

            var symbol = _sources.SemanticModelFor(identifier.SyntaxTree, null).GetSymbolInfo(identifier, cancellationToken).Symbol;
            if (SymbolEqualityComparer.Default.Equals(symbol?.OriginalDefinition, slot))
            {
                yield return identifier;
            }
        }
    }

    /// <summary>
    /// Where a slot is read so that it renders where it was handed: a local in its body, a parameter in its method (or
    /// type, for a primary constructor), a member in its type when private or of a construct, anywhere otherwise (a
    /// props class's member, read by the construct given the props).
    /// </summary>
    private IEnumerable<SyntaxNode> SearchRoots(ISymbol slot, CancellationToken cancellationToken)
    {
        switch (slot)
        {
            case ILocalSymbol:
                foreach (var declaration in slot.DeclaringSyntaxReferences)
                {
                    if (CdkSyntax.EnclosingBody(declaration.GetSyntax(cancellationToken)) is { } body)
                    {
                        yield return body;
                    }
                }

                break;
            case IParameterSymbol { ContainingSymbol: { } method }:
                foreach (var declaration in method.DeclaringSyntaxReferences)
                {
                    yield return declaration.GetSyntax(cancellationToken);
                }

                break;
            // A member of a construct or stack renders in it only through the class's own code: another stack that
            // reads it (pool.Tasks[1].TaskDefinitionArn) renders it in its own template, not in this one.
            case { ContainingType: { } type } when slot.DeclaredAccessibility == Accessibility.Private || _types.Is(type, CdkTypeKind.Construct):
                foreach (var declaration in type.DeclaringSyntaxReferences)
                {
                    yield return declaration.GetSyntax(cancellationToken);
                }

                break;
            default:
                foreach (var tree in _compilation.SyntaxTrees)
                {
                    yield return tree.GetRoot(cancellationToken);
                }

                break;
        }
    }

    /// <summary>The interface properties a property implements and the base properties it overrides.</summary>
    private static IEnumerable<ISymbol> ImplementedMembers(ISymbol slot)
    {
        if (slot is not IPropertySymbol { ContainingType: { } type } property)
        {
            yield break;
        }

        for (var overridden = property.OverriddenProperty; overridden is not null; overridden = overridden.OverriddenProperty)
        {
            yield return overridden.OriginalDefinition;
        }

        foreach (var implemented in property.ExplicitInterfaceImplementations)
        {
            yield return implemented.OriginalDefinition;
        }

        foreach (var contract in type.AllInterfaces)
        {
            foreach (var member in contract.GetMembers(property.Name))
            {
                if (member is IPropertySymbol && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), property))
                {
                    yield return member.OriginalDefinition;
                }
            }
        }
    }

    private static IPropertySymbol? RecordProperty(ISymbol slot)
    {
        if (slot is not IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType: { IsRecord: true } record } })
        {
            return null;
        }

        foreach (var member in record.GetMembers(slot.Name))
        {
            if (member is IPropertySymbol property && property.DeclaringSyntaxReferences.Length == 1
                && property.DeclaringSyntaxReferences[0].GetSyntax() is ParameterSyntax)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>A member of .NET itself (<c>List&lt;T&gt;.Add</c>, <c>Dictionary</c>'s indexer): it holds a construct, it renders nothing.</summary>
    private static bool IsFrameworkMember(ISymbol slot) => SymbolFacts.RootNamespace(slot) is "System" or "Microsoft";

    private sealed class Walk
    {
        public Walk(ITypeSymbol valueType, VolatileCatalogue catalogue, CancellationToken cancellationToken)
        {
            ValueType = valueType;
            Catalogue = catalogue;
            CancellationToken = cancellationToken;
        }

        public ITypeSymbol ValueType { get; }

        public VolatileCatalogue Catalogue { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>Follow every path, to find casts (<see cref="CastsBehind"/>), instead of stopping at the first rendering.</summary>
        public bool FindCasts { get; set; }

        /// <summary>A path cast the construct or tested its type.</summary>
        public bool SawCast { get; set; }

        /// <summary>The slots being followed: a slot reached again through itself adds nothing.</summary>
        public HashSet<ISymbol> Visiting { get; } = new(SymbolEqualityComparer.Default);
    }

    private sealed class SlotKeyComparer : IEqualityComparer<(ISymbol Slot, ITypeSymbol ValueType, VolatileCatalogue Catalogue, bool AsElement)>
    {
        public static readonly SlotKeyComparer Instance = new();

        public bool Equals((ISymbol Slot, ITypeSymbol ValueType, VolatileCatalogue Catalogue, bool AsElement) x, (ISymbol Slot, ITypeSymbol ValueType, VolatileCatalogue Catalogue, bool AsElement) y)
            => x.AsElement == y.AsElement
                && SymbolEqualityComparer.Default.Equals(x.Slot, y.Slot)
                && SymbolEqualityComparer.Default.Equals(x.ValueType, y.ValueType)
                && ReferenceEquals(x.Catalogue, y.Catalogue);

        public int GetHashCode((ISymbol Slot, ITypeSymbol ValueType, VolatileCatalogue Catalogue, bool AsElement) key)
            => (SymbolEqualityComparer.Default.GetHashCode(key.Slot) * 31) + SymbolEqualityComparer.Default.GetHashCode(key.ValueType);
    }
}
