using System.Collections.Immutable;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

internal enum FamilyReferenceKind
{
    None,

    /// <summary><c>taskDef.Family</c> on a concrete task definition.</summary>
    FamilyMember,

    /// <summary>A constant or interpolated string that matches a family declared in the compilation.</summary>
    DeclaredFamily,

    /// <summary>A literal that matches no declared family but is a few edits away from one.</summary>
    NearMiss,
}

/// <summary>A value in a position that identifies a task definition (<c>["OPENCLAW_TASK_DEFINITION"] = …</c>), and what the value is.</summary>
internal sealed class FamilyReference
{
    public FamilyReference(string key, ExpressionSyntax value, FamilyReferenceKind kind, string family, DeclaredFamily? declared, ExpressionSyntax? taskDefinition, ImmutableArray<string> holeValues)
    {
        Key = key;
        Value = value;
        Kind = kind;
        Family = family;
        Declared = declared;
        TaskDefinition = taskDefinition;
        HoleValues = holeValues;
    }

    /// <summary>The key or property name that says the value identifies a task definition.</summary>
    public string Key { get; }

    public ExpressionSyntax Value { get; }

    public FamilyReferenceKind Kind { get; }

    /// <summary>The family as the message shows it.</summary>
    public string Family { get; }

    /// <summary>The declaration the value matches, or is closest to.</summary>
    public DeclaredFamily? Declared { get; }

    /// <summary>The task definition of a <c>.Family</c> read: the receiver.</summary>
    public ExpressionSyntax? TaskDefinition { get; }

    /// <summary>For a near miss of a template: the hole values read off the literal.</summary>
    public ImmutableArray<string> HoleValues { get; }
}
