using System;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>The stack that owns a construct or value, or that consumes one.</summary>
internal readonly struct Owner : IEquatable<Owner>
{
    private Owner(OwnerKind kind, INamedTypeSymbol? stackType, object? key, bool isThisStack, bool isByClass = false)
    {
        Kind = kind;
        StackType = stackType;
        Key = key;
        IsThisStack = isThisStack;
        IsByClass = isByClass;
    }

    public static Owner Unknown => default;

    public static Owner This => new(OwnerKind.This, null, null, isThisStack: false);

    /// <summary>A value that reached <paramref name="receivingStack"/> through its constructor (see <see cref="OwnerKind.Foreign"/>).</summary>
    public static Owner ForeignTo(INamedTypeSymbol receivingStack) => new(OwnerKind.Foreign, receivingStack, null, isThisStack: false);

    public static Owner Imported => new(OwnerKind.Imported, null, null, isThisStack: false);

    public static Owner Stable => new(OwnerKind.Stable, null, null, isThisStack: false);

    /// <summary>Owned like the caller's argument for the parameter at <paramref name="ordinal"/> (see <see cref="OwnerKind.Parameter"/>).</summary>
    public static Owner OfParameter(int ordinal) => new(OwnerKind.Parameter, null, ordinal, isThisStack: false);

    /// <summary>The parameter ordinal of a <see cref="OwnerKind.Parameter"/> owner.</summary>
    public int ParameterOrdinal => Key is int ordinal ? ordinal : -1;

    public OwnerKind Kind { get; }

    /// <summary>The stack class, for <see cref="OwnerKind.Stack"/>; for <see cref="OwnerKind.Foreign"/>, the class whose constructor received the value.</summary>
    public INamedTypeSymbol? StackType { get; }

    /// <summary>What tells two stack instances apart: the <c>new</c> expression that created it, or the symbol that holds it.</summary>
    public object? Key { get; }

    /// <summary>The stack whose class the analysed code is written in.</summary>
    public bool IsThisStack { get; }

    /// <summary>
    /// Known by its class only, and any instance of it may be the one (a static member's holder, <see cref="FilledBy"/>):
    /// a related class's code cannot be told apart from it.
    /// </summary>
    public bool IsByClass { get; }

    public bool IsKnownStack => Kind == OwnerKind.Stack;

    /// <summary>The instance created by a <c>new</c> of a stack class.</summary>
    public static Owner CreatedStack(INamedTypeSymbol stackType, SyntaxNode creation) => new(OwnerKind.Stack, stackType, creation, isThisStack: false);

    /// <summary>The stack held by a local, parameter, field or property whose creation the model cannot see.</summary>
    /// <remarks>A static holder is one value for every instance of its class: known by class (<see cref="IsByClass"/>).</remarks>
    public static Owner HeldStack(INamedTypeSymbol stackType, ISymbol holder) => new(OwnerKind.Stack, stackType, holder, isThisStack: false, isByClass: holder.IsStatic);

    public static Owner ThisStack(INamedTypeSymbol stackType) => new(OwnerKind.Stack, stackType, stackType, isThisStack: true);

    /// <summary>The stack the app's own construct class <paramref name="constructClass"/> is always created in (see <see cref="ConstructHosts"/>).</summary>
    public static Owner HostedIn(INamedTypeSymbol stackType, INamedTypeSymbol constructClass) => new(OwnerKind.Stack, stackType, constructClass, isThisStack: false);

    /// <summary>
    /// The instance of <paramref name="stackType"/> whose constructs fill <paramref name="member"/>, a member of a plain
    /// object or a plain class's static one: with a volatile read of its own construct (a string relay, see
    /// <see cref="RelayedReads"/>), or with a construct of its own or one another stack's code reads from it (see
    /// <see cref="OwnershipResolver"/>). Whichever object is read, its value came from an instance of that class.
    /// </summary>
    public static Owner FilledBy(INamedTypeSymbol stackType, ISymbol member) => new(OwnerKind.Stack, stackType, member, isThisStack: false, isByClass: true);

    /// <summary>A <see cref="HostedIn"/> stack: known by its class only, from code in a construct class.</summary>
    public bool IsHost => Kind == OwnerKind.Stack && !IsThisStack && Key is ITypeSymbol;

    /// <summary>The owner two sources agree on (the arms of <c>?:</c>, the calls of a helper); unknown when they differ.</summary>
    public static Owner Combine(Owner first, Owner second) => first.Equals(second) ? first : Unknown;

    /// <summary>Replaces a relative <see cref="OwnerKind.This"/> with the instance it stands for.</summary>
    public Owner Bind(Owner instance) => Kind == OwnerKind.This ? instance : this;

    public bool Equals(Owner other)
        => Kind == other.Kind
        && IsThisStack == other.IsThisStack
        && IsByClass == other.IsByClass
        && SymbolEqualityComparer.Default.Equals(StackType, other.StackType)
        && KeyEquals(Key, other.Key);

    public override bool Equals(object? obj) => obj is Owner other && Equals(other);

    public override int GetHashCode()
        => ((int)Kind * 31) ^ (StackType is null ? 0 : SymbolEqualityComparer.Default.GetHashCode(StackType)) ^ (IsThisStack ? 7 : 0);

    private static bool KeyEquals(object? first, object? second)
        => first is ISymbol firstSymbol && second is ISymbol secondSymbol
            ? SymbolEqualityComparer.Default.Equals(firstSymbol, secondSymbol)
            : Equals(first, second);
}
