using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The places a variable is written other than by <c>=</c> with a right side of its own: an element of a
/// deconstruction's left side (<c>(Task, Starter) = Build("batch")</c>, <c>var (task, fn) = Build("batch")</c>) and an
/// <c>out</c> or <c>ref</c> argument (<c>CreateWorker(env, out var fn)</c>). The value sources list such a target itself
/// (<see cref="ValueSources"/>): it stands for "what the writer gives here", which only the ownership model reads;
/// any other reader finds no value in it and stays silent.
/// </summary>
internal static class OtherWrites
{
    /// <summary>
    /// The target <paramref name="name"/> (or <c>this.name</c>) is written as, by a deconstruction or an
    /// <c>out</c>/<c>ref</c> argument; null when it is not written so.
    /// </summary>
    public static ExpressionSyntax? TargetNamedBy(IdentifierNameSyntax name)
    {
        var target = name.Parent is MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access && access.Name == name
            ? access
            : (ExpressionSyntax)name;
        if (target.Parent is ArgumentSyntax argument && IsWrittenArgument(argument))
        {
            return target;
        }

        return target.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax } && IsDeconstructed(target) ? target : null;
    }

    /// <summary>
    /// The declaration that writes <paramref name="designation"/> otherwise than by its own initializer: the
    /// <c>var fn</c> of <c>out var fn</c>, or the declaration of a deconstruction's left side that holds it
    /// (<c>var (task, fn)</c>, <c>(var task, var fn)</c>'s <c>var task</c>). Null for any other (a <c>foreach</c>'s).
    /// </summary>
    public static DeclarationExpressionSyntax? DeclarationWriting(SingleVariableDesignationSyntax designation)
    {
        SyntaxNode node = designation;
        while (node.Parent is ParenthesizedVariableDesignationSyntax)
        {
            node = node.Parent;
        }

        if (node.Parent is not DeclarationExpressionSyntax declaration)
        {
            return null;
        }

        if (declaration.Parent is ArgumentSyntax argument && IsWrittenArgument(argument))
        {
            return declaration;
        }

        return IsDeconstructed(declaration) ? declaration : null;
    }

    private static bool IsWrittenArgument(ArgumentSyntax argument)
        => argument.Parent is ArgumentListSyntax
            && (argument.RefKindKeyword.IsKind(SyntaxKind.OutKeyword) || argument.RefKindKeyword.IsKind(SyntaxKind.RefKeyword));

    /// <summary>Is <paramref name="target"/> (an element, nested or not) the left side of a <c>=</c> deconstruction?</summary>
    private static bool IsDeconstructed(ExpressionSyntax target)
    {
        SyntaxNode node = target;
        while (node.Parent is ArgumentSyntax { Parent: TupleExpressionSyntax tuple })
        {
            node = tuple;
        }

        return node.Parent is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment && assignment.Left == node;
    }
}
