using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Where the value of a field, property, local or method call comes from: initializers, getters, assignments in the
/// declaring class or body, and the expressions a method returns. Shared by the ownership model and the family resolution; cached per compilation.
/// </summary>
internal sealed class ValueSources
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<ExpressionSyntax>> _memberSources = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, ConcurrentDictionary<string, List<AssignmentExpressionSyntax>>> _assignmentsByType = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _semanticModels = new();
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<ExpressionSyntax>> _returnSources = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ConcurrentDictionary<INamedTypeSymbol, bool>> _setThroughReceiver = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, List<INamedTypeSymbol>> _subclasses = new(SymbolEqualityComparer.Default);

    public ValueSources(Compilation compilation, TextSearch text)
    {
        _compilation = compilation;
        Text = text;
    }

    /// <summary>The compilation whose sources these are.</summary>
    public Compilation Compilation => _compilation;

    /// <summary>The model's word searches, for the resolvers that share these sources.</summary>
    public TextSearch Text { get; }

    public SemanticModel SemanticModelFor(SyntaxTree tree, SemanticModel? known)
        => known is not null && known.SyntaxTree == tree ? known
            : _semanticModels.TryGetValue(tree, out var cached) ? cached
            : _semanticModels.GetOrAdd(tree, _compilation.GetSemanticModel(tree));

    /// <summary>
    /// The expressions a field's or property's value comes from. Empty when the member is not in source, or its
    /// value comes from outside (a positional record or primary-constructor member).
    /// </summary>
    public ImmutableArray<ExpressionSyntax> OfMember(ISymbol member, SemanticModel? known, CancellationToken cancellationToken)
    {
        var key = member.OriginalDefinition;
        if (_memberSources.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var sources = CollectMemberSources(key, known, cancellationToken);
        _memberSources.TryAdd(key, sources);
        return sources;
    }

    /// <summary>
    /// The creation of the object <paramref name="receiver"/> is: itself, through the calls of a fluent chain that return
    /// their receiver's type (<c>new ScheduleBuilder(compute).Every("1h")</c>), or through a local given that one value
    /// (<c>var factory = new TaskFactory(this)</c>). Null when it is none of those.
    /// </summary>
    public IObjectCreationOperation? CreationOf(IOperation receiver, CancellationToken cancellationToken)
    {
        var value = OperationFlow.Unwrap(receiver);
        var type = value.Type;
        for (var steps = 0; steps < MaxFluentCalls; steps++)
        {
            switch (value)
            {
                case IInvocationOperation { Instance: { } inner } call when SymbolEqualityComparer.Default.Equals(call.Type, inner.Type):
                    value = OperationFlow.Unwrap(inner);
                    continue;
                case ILocalReferenceOperation { Local: var local } reference
                    when OfLocal(local, reference.Syntax, reference.SemanticModel, cancellationToken) is { Length: 1 } sources
                        && reference.SemanticModel?.GetOperation(sources[0], cancellationToken) is { } source:
                    value = OperationFlow.Unwrap(source);
                    continue;
                case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, type):
                    return creation;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>How many calls of a fluent chain <see cref="CreationOf"/> walks back.</summary>
    private const int MaxFluentCalls = 8;

    /// <summary>The expressions a local's value comes from; <see langword="default"/> when the model cannot follow it.</summary>
    public ImmutableArray<ExpressionSyntax> OfLocal(ILocalSymbol local, SyntaxNode reference, SemanticModel? semanticModel, CancellationToken cancellationToken)
    {
        var sources = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var declaration in local.DeclaringSyntaxReferences)
        {
            switch (declaration.GetSyntax(cancellationToken))
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } initializer }:
                    sources.Add(initializer);
                    break;
                case SingleVariableDesignationSyntax designation when CdkSyntax.PatternInput(designation) is { } input:
                    // if (props.Worker is FargateTaskDefinition worker): the value matched.
                    sources.Add(input);
                    break;
                case SingleVariableDesignationSyntax designation when DeconstructedElement(designation) is { } element:
                    // var (worker, name) = (props.Worker, "worker"): the tuple's element in the same place.
                    sources.Add(element);
                    break;
                case SingleVariableDesignationSyntax designation when OtherWrites.DeclarationWriting(designation) is { } written:
                    // var (task, fn) = Build("batch"), CreateWorker(env, out var fn): the declaration stands for what its writer gives.
                    sources.Add(written);
                    break;
                default:
                    // foreach variables: the model does not follow them.
                    return default;
            }
        }

        var body = CdkSyntax.EnclosingBody(reference);
        if (body is not null)
        {
            AddWritesIn(body, local, SemanticModelFor(reference.SyntaxTree, semanticModel), sources, cancellationToken);
        }

        return sources.ToImmutable();
    }

    /// <summary>
    /// The values a method gives its <c>out</c> parameter: what its body assigns to it (the <c>null</c> a failed lookup
    /// writes among them, which the ownership model counts for nothing), and the targets that write it otherwise
    /// (<see cref="OtherWrites"/>). <see langword="default"/> when another implementation may run instead.
    /// </summary>
    public ImmutableArray<ExpressionSyntax> OfOutParameter(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || MayRunAnotherImplementation(method))
        {
            return default;
        }

        var body = method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
        {
            BaseMethodDeclarationSyntax declaration => (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody,
            LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
            _ => null,
        };
        if (body is null)
        {
            return default;
        }

        var sources = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        AddWritesIn(body, parameter, SemanticModelFor(body.SyntaxTree, null), sources, cancellationToken);
        return sources.ToImmutable();
    }

    /// <summary>What <paramref name="root"/> writes to <paramref name="variable"/>: the right sides of its assignments, then its other writes' targets.</summary>
    private void AddWritesIn(SyntaxNode root, ISymbol variable, SemanticModel model, ImmutableArray<ExpressionSyntax>.Builder sources, CancellationToken cancellationToken)
    {
        var assignments = new List<AssignmentExpressionSyntax>();
        Text.CollectAssignments(root, variable.Name, assignments, cancellationToken);
        foreach (var assignment in assignments)
        {
            if (SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol, variable))
            {
                sources.Add(assignment.Right);
            }
        }

        AddOtherWritesIn(root, variable, model, sources, cancellationToken);
    }

    /// <summary>The targets under <paramref name="root"/> that write <paramref name="variable"/> other than by <c>=</c> (<see cref="OtherWrites"/>).</summary>
    private void AddOtherWritesIn(SyntaxNode root, ISymbol variable, SemanticModel? known, ImmutableArray<ExpressionSyntax>.Builder sources, CancellationToken cancellationToken)
    {
        foreach (var name in Text.OtherWriteTargetsNamed(root, variable.Name, cancellationToken))
        {
            if (SymbolEqualityComparer.Default.Equals(SemanticModelFor(name.SyntaxTree, known).GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, variable.OriginalDefinition))
            {
                sources.Add(OtherWrites.TargetNamedBy(name)!);
            }
        }
    }

    /// <summary>
    /// The element of a tuple literal that a deconstruction gives a variable: <c>var (a, b) = (x, y)</c> or
    /// <c>(var a, var b) = (x, y)</c>; null for any other deconstruction (a method's tuple, a type's <c>Deconstruct</c>).
    /// </summary>
    private static ExpressionSyntax? DeconstructedElement(SingleVariableDesignationSyntax designation)
    {
        var (target, index) = designation.Parent switch
        {
            ParenthesizedVariableDesignationSyntax { Parent: DeclarationExpressionSyntax declaration } variables
                => ((SyntaxNode?)declaration, variables.Variables.IndexOf(designation)),
            DeclarationExpressionSyntax { Parent: ArgumentSyntax { Parent: TupleExpressionSyntax tuple } argument }
                => (tuple, tuple.Arguments.IndexOf(argument)),
            _ => (null, -1),
        };

        // Half-typed code may leave the two sides of different lengths: only a place both have is followed.
        return target?.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Right: TupleExpressionSyntax values } assignment
            && assignment.Left == target && index >= 0 && index < values.Arguments.Count
                ? values.Arguments[index].Expression
                : null;
    }

    /// <summary>
    /// The expressions a source method returns (its expression body, or every <c>return</c> of its body outside nested
    /// functions); <see langword="default"/> when it has no body the model can read (abstract, extern, an iterator) or
    /// another implementation may run instead (virtual, unsealed override).
    /// </summary>
    public ImmutableArray<ExpressionSyntax> OfReturns(IMethodSymbol method, CancellationToken cancellationToken)
    {
        var key = method.OriginalDefinition;
        if (_returnSources.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var sources = CollectReturns(key, cancellationToken);
        _returnSources.TryAdd(key, sources);
        return sources;
    }

    private static ImmutableArray<ExpressionSyntax> CollectReturns(IMethodSymbol method, CancellationToken cancellationToken)
        => BodyOf(method, cancellationToken) is var (expressionBody, body) ? CdkSyntax.ReturnedValues(expressionBody ?? body) : default;

    /// <summary>
    /// The expressions a source iterator yields (<c>yield return Worker;</c>), the elements of every sequence it
    /// returns; <see langword="default"/> when it yields nothing or another implementation may run instead.
    /// </summary>
    public static ImmutableArray<ExpressionSyntax> OfYields(IMethodSymbol method, CancellationToken cancellationToken)
        => BodyOf(method.OriginalDefinition, cancellationToken) is (null, { } body) ? CdkSyntax.YieldedValues(body) : default;

    /// <summary>A source method's expression body or block; null when another implementation may run instead.</summary>
    private static (ExpressionSyntax? ExpressionBody, SyntaxNode? Body)? BodyOf(IMethodSymbol method, CancellationToken cancellationToken)
        => MayRunAnotherImplementation(method)
            ? null
            : method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) switch
            {
                MethodDeclarationSyntax declaration => (declaration.ExpressionBody?.Expression, declaration.Body),
                LocalFunctionStatementSyntax local => (local.ExpressionBody?.Expression, local.Body),
                _ => (null, null),
            };

    /// <summary>A virtual, abstract or unsealed override (another implementation may run), or a method with no one body.</summary>
    private static bool MayRunAnotherImplementation(IMethodSymbol method)
        => method.DeclaringSyntaxReferences.Length != 1 || method.IsAbstract || method.IsVirtual || method.IsExtern
            || (method.IsOverride && !method.IsSealed && !method.ContainingType.IsSealed);

    /// <summary>The values object initializers anywhere in the compilation give a props member (<c>new Props { TaskDef = … }</c>).</summary>
    public ImmutableArray<ExpressionSyntax> OfObjectInitializers(ISymbol member, CancellationToken cancellationToken)
    {
        if (member.DeclaringSyntaxReferences.IsEmpty)
        {
            return ImmutableArray<ExpressionSyntax>.Empty;
        }

        var values = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name, Parent: InitializerExpressionSyntax } assignment
                    && name.Identifier.ValueText == member.Name
                    && SymbolEqualityComparer.Default.Equals(SemanticModelFor(tree, null).GetSymbolInfo(name, cancellationToken).Symbol?.OriginalDefinition, member.OriginalDefinition))
                {
                    values.Add(assignment.Right);
                }
            }
        }

        return values.ToImmutable();
    }

    /// <summary>
    /// May the code of <paramref name="type"/>, or of a base class or subclass of it declared in source, set <paramref name="member"/>
    /// on an object it holds? It does with <c>registry.Worker = worker</c> (not <c>this.Worker</c> nor an object
    /// initializer), and it may when a method of the member's own class sets it (<c>registry.Register(worker)</c>).
    /// Cached per member and type.
    /// </summary>
    public bool IsSetThroughReceiverIn(ISymbol member, INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var key = member.OriginalDefinition;
        var byType = _setThroughReceiver.TryGetValue(key, out var known) ? known : _setThroughReceiver.GetOrAdd(key, new ConcurrentDictionary<INamedTypeSymbol, bool>(SymbolEqualityComparer.Default));
        if (byType.TryGetValue(type, out var isSet))
        {
            return isSet;
        }

        // The class, its bases, and its subclasses (whose constructors run with what the base received) may set it.
        isSet = IsSetByMethodsOfItsClass(key, cancellationToken);
        var related = new List<INamedTypeSymbol>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            related.Add(current);
        }

        related.AddRange(_subclasses.TryGetValue(type, out var subclasses) ? subclasses : _subclasses.GetOrAdd(type, SymbolFacts.SourceTypesDerivedFrom(_compilation, type, cancellationToken)));
        foreach (var relative in related)
        {
            foreach (var declaration in relative.DeclaringSyntaxReferences)
            {
                isSet = isSet || SetsThroughReceiver(declaration.GetSyntax(cancellationToken), key, cancellationToken);
            }
        }

        byType.TryAdd(type, isSet);
        return isSet;
    }

    private bool IsSetByMethodsOfItsClass(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var declaration in member.ContainingType?.DeclaringSyntaxReferences ?? ImmutableArray<SyntaxReference>.Empty)
        {
            foreach (var assignment in AssignmentsTo(member, declaration.GetSyntax(cancellationToken), cancellationToken))
            {
                if (assignment.Left is IdentifierNameSyntax or MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax }
                    && assignment.FirstAncestorOrSelf<MemberDeclarationSyntax>() is not (ConstructorDeclarationSyntax or FieldDeclarationSyntax)
                    && assignment.Parent is not InitializerExpressionSyntax)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private bool SetsThroughReceiver(SyntaxNode typeDeclaration, ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var assignment in AssignmentsTo(member, typeDeclaration, cancellationToken))
        {
            if (assignment.Left is MemberAccessExpressionSyntax { Expression: not ThisExpressionSyntax })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The assignments under <paramref name="root"/> whose target is <paramref name="member"/>, through any receiver or
    /// none (<c>Worker = …</c>, <c>this.Worker = …</c>, <c>registry.Worker = …</c>, <c>Shared.Worker = …</c>): a text
    /// search for the name followed by an assignment operator, then the target bound.
    /// </summary>
    public IEnumerable<AssignmentExpressionSyntax> AssignmentsTo(ISymbol member, SyntaxNode root, CancellationToken cancellationToken)
    {
        var key = member.OriginalDefinition;
        foreach (var token in Text.AssignedTokensNamed(root, key.Name, cancellationToken))
        {
            if (CdkSyntax.AssignmentNamedBy(token) is { } assignment
                && SymbolEqualityComparer.Default.Equals(SemanticModelFor(assignment.SyntaxTree, null).GetSymbolInfo(assignment.Left, cancellationToken).Symbol?.OriginalDefinition, key))
            {
                yield return assignment;
            }
        }
    }

    /// <summary>Every <c>new T(…)</c> of <paramref name="type"/> in the source, with its tree's semantic model (a text search for the name first).</summary>
    public IEnumerable<(ObjectCreationExpressionSyntax Creation, SemanticModel SemanticModel)> CreationsOf(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var token in Text.TokensNamed(tree.GetRoot(cancellationToken), type.Name, cancellationToken))
            {
                if (token.Parent is not IdentifierNameSyntax name)
                {
                    continue;
                }

                // A mention that creates nothing is skipped: a type in a declaration, a cast, a nameof.
                var typeSyntax = CdkSyntax.TypeSyntaxEndingWith(name);
                if (typeSyntax.Parent is ObjectCreationExpressionSyntax creation && creation.Type == typeSyntax
                    && SymbolEqualityComparer.Default.Equals(SemanticModelFor(tree, null).GetTypeInfo(creation, cancellationToken).Type, type))
                {
                    yield return (creation, SemanticModelFor(tree, null));
                }
            }
        }
    }

    private ImmutableArray<ExpressionSyntax> CollectMemberSources(ISymbol member, SemanticModel? known, CancellationToken cancellationToken)
    {
        var sources = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax(cancellationToken);
            if (declaration is not (PropertyDeclarationSyntax or VariableDeclaratorSyntax))
            {
                // A positional record or primary-constructor member: its value comes from outside.
                return ImmutableArray<ExpressionSyntax>.Empty;
            }

            if (CdkSyntax.DeclaredValue(declaration, out var isGetter) is { } value)
            {
                if (isGetter)
                {
                    return ImmutableArray.Create(value);
                }

                if (!CdkSyntax.IsPlaceholder(value))
                {
                    sources.Add(value);
                }
            }
        }

        if (member.ContainingType is { } containingType)
        {
            var assignmentsByName = _assignmentsByType.GetOrAdd(containingType, _ => new ConcurrentDictionary<string, List<AssignmentExpressionSyntax>>(System.StringComparer.Ordinal));
            if (!assignmentsByName.TryGetValue(member.Name, out var assignments))
            {
                assignments = new List<AssignmentExpressionSyntax>();
                foreach (var declaration in containingType.DeclaringSyntaxReferences)
                {
                    Text.CollectAssignments(declaration.GetSyntax(cancellationToken), member.Name, assignments, cancellationToken);
                }

                assignmentsByName.TryAdd(member.Name, assignments);
            }

            foreach (var assignment in assignments)
            {
                var model = SemanticModelFor(assignment.SyntaxTree, known);
                var target = model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
                if (SymbolEqualityComparer.Default.Equals(target?.OriginalDefinition, member))
                {
                    sources.Add(assignment.Right);
                }
            }

            foreach (var declaration in containingType.DeclaringSyntaxReferences)
            {
                AddOtherWritesIn(declaration.GetSyntax(cancellationToken), member, known, sources, cancellationToken);
            }
        }

        return sources.ToImmutable();
    }
}
