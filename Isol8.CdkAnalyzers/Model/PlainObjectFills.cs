using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Where a plain object's member (a record's or class's that is neither a stack nor a construct) gets its values,
/// when all of them are given in stack classes' code: the string relays (<see cref="RelayedReads"/>) and the constructs
/// a stack puts in an object of the app's (<c>Outputs = new ComputeOutputs { Worker = worker }</c>, read as
/// <c>compute.Outputs.Worker</c>) are owned by the stack class that filled them (<see cref="OwnershipResolver"/>).
/// </summary>
internal sealed class PlainObjectFills
{
    private readonly ValueSources _sources;
    private readonly SourceDeclarations _declarations;

    public PlainObjectFills(ValueSources sources, SourceDeclarations declarations)
    {
        _sources = sources;
        _declarations = declarations;
    }

    /// <summary>
    /// The values a plain object's member gets anywhere in the source: an initializer that is more than an empty start,
    /// every assignment to it through any receiver (object and <c>with</c> initializers included), and for a positional
    /// record's property, the argument each creation of the record gives it (<c>new Outputs(…)</c>, <c>new(…)</c>).
    /// <see langword="default"/> as soon as one cannot be a stack's fill (a value given outside a stack class's code, an
    /// initializer of the member's own), or when a record has a constructor of its own or a derived record: the caller
    /// decides what the values must be (a volatile read, a construct of the filling stack). Another type's object initializer is
    /// told apart by its type's name, without binding the method it is in.
    /// </summary>
    public ImmutableArray<ExpressionSyntax> Of(ISymbol member, CancellationToken cancellationToken)
    {
        var stackClasses = _declarations.Get(cancellationToken).StackClassNames;
        var fills = ImmutableArray.CreateBuilder<ExpressionSyntax>();
        var positional = false;
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(cancellationToken))
            {
                case ParameterSyntax:
                    positional = true;
                    break;
                case var declaration when CdkSyntax.DeclaredValue(declaration, out _) is { } value && !CdkSyntax.IsPlaceholder(value) && !CdkSyntax.IsEmptyString(value):
                    // An initializer or a getter: the object's own code, which is no stack's.
                    return default;
            }
        }

        // The types whose object initializers can set it: its own and those derived from it in source.
        var holders = new HashSet<string>(System.StringComparer.Ordinal) { member.ContainingType.Name };
        foreach (var derived in SymbolFacts.SourceTypesDerivedFrom(_sources.Compilation, member.ContainingType, cancellationToken))
        {
            holders.Add(derived.Name);
        }

        foreach (var tree in _sources.Compilation.SyntaxTrees)
        {
            foreach (var token in _sources.Text.AssignedTokensNamed(tree.GetRoot(cancellationToken), member.Name, cancellationToken))
            {
                if (CdkSyntax.AssignmentNamedBy(token) is not { } assignment
                    || IsInOtherTypesInitializer(assignment, holders))
                {
                    // Not an assignment, or one in another type's initializer (new ReaderProps { WorkerArn = … }): told apart by syntax.
                    continue;
                }

                if (SymbolEqualityComparer.Default.Equals(_sources.SemanticModelFor(tree, null).GetSymbolInfo(assignment.Left, cancellationToken).Symbol?.OriginalDefinition, member))
                {
                    if (!IsInStackCode(assignment, stackClasses))
                    {
                        return default;
                    }

                    fills.Add(assignment.Right);
                }
            }
        }

        return positional && !AddPositionalFills(member, fills, stackClasses, cancellationToken) ? default : fills.ToImmutable();
    }

    /// <summary>The argument every creation of a positional record gives <paramref name="member"/>; false when one cannot be a fill.</summary>
    private bool AddPositionalFills(ISymbol member, ImmutableArray<ExpressionSyntax>.Builder fills, HashSet<string> stackClasses, CancellationToken cancellationToken)
    {
        if (member.ContainingType is not { } record
            || record.InstanceConstructors.Any(constructor => constructor.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax(cancellationToken) is ConstructorDeclarationSyntax))
            || SymbolFacts.SourceTypesDerivedFrom(_sources.Compilation, record, cancellationToken).Count > 0
            || record.InstanceConstructors.FirstOrDefault(constructor => constructor.Parameters.Any(parameter => parameter.Name == member.Name)) is not { } primary)
        {
            // Another constructor (this(…)) or a derived record (base(…)) passes the value on from where this search does not look.
            return false;
        }

        var ordinal = primary.Parameters.First(parameter => parameter.Name == member.Name).Ordinal;
        var required = primary.Parameters.Count(parameter => !parameter.HasExplicitDefaultValue);
        foreach (var tree in _sources.Compilation.SyntaxTrees)
        {
            // Every new: new Outputs(…), new Ns.Outputs(…), and a target-typed new(…) that could call this constructor.
            foreach (var keyword in _sources.Text.KeywordsNamed(tree.GetRoot(cancellationToken), "new", cancellationToken))
            {
                if (keyword.Parent is not BaseObjectCreationExpressionSyntax creation
                    || (creation is ObjectCreationExpressionSyntax { Type: var type } && CdkSyntax.TypeName(type) != record.Name))
                {
                    continue;
                }

                // new Outputs { … } has no argument list: every argument is left to its default.
                var arguments = creation.ArgumentList?.Arguments ?? default;
                if (arguments.Count < required || arguments.Count > primary.Parameters.Length)
                {
                    continue;
                }

                if (!SymbolEqualityComparer.Default.Equals(_sources.SemanticModelFor(tree, null).GetTypeInfo(creation, cancellationToken).Type?.OriginalDefinition, record))
                {
                    continue;
                }

                // Left to its default, or given outside a stack's code: no stack's fill.
                var argument = ArgumentFor(arguments, member.Name, ordinal);
                if (argument is null || !IsInStackCode(argument, stackClasses))
                {
                    return false;
                }

                fills.Add(argument.Expression);
            }
        }

        return true;
    }

    /// <summary>The argument named <paramref name="name"/>, or else the one at <paramref name="ordinal"/> before any named one.</summary>
    public static ArgumentSyntax? ArgumentFor(SeparatedSyntaxList<ArgumentSyntax> arguments, string name, int ordinal)
    {
        for (var index = 0; index < arguments.Count; index++)
        {
            var argument = arguments[index];
            if (argument.NameColon is { } named ? named.Name.Identifier.ValueText == name : index == ordinal)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>In <c>new X { Name = … }</c> of a type named other than <paramref name="holders"/>: another type's member, told apart by syntax.</summary>
    public static bool IsInOtherTypesInitializer(AssignmentExpressionSyntax assignment, ICollection<string> holders)
        => assignment.Parent is InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax { Type: var created } } && !holders.Contains(CdkSyntax.TypeName(created) ?? string.Empty);

    /// <summary>Is <paramref name="node"/> in the code of a class named as one of <paramref name="stackClasses"/>?</summary>
    public static bool IsInStackCode(SyntaxNode node, HashSet<string> stackClasses)
        => node.FirstAncestorOrSelf<ClassDeclarationSyntax>() is { } holder && stackClasses.Contains(holder.Identifier.ValueText);
}
