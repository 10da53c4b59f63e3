using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Finds identifiers and keywords by searching the source text, then resolving the token at each hit: walking every
/// node of a large body costs far more than scanning its characters. Each tree's text is read into one string once
/// per compilation and searched in place; copying a span per search cost more than the search itself.
/// </summary>
internal sealed class TextSearch
{
    private readonly ConcurrentDictionary<SyntaxTree, string> _texts = new();
    private readonly ConcurrentDictionary<SyntaxTree, List<SyntaxNode>> _otherWrites = new();

    /// <summary>The identifier tokens spelled <paramref name="name"/> under <paramref name="scope"/>.</summary>
    public IEnumerable<SyntaxToken> TokensNamed(SyntaxNode scope, string name, CancellationToken cancellationToken)
        => WordsAt(scope, name, SyntaxKind.IdentifierToken, assignedOnly: false, cancellationToken);

    /// <summary>
    /// The identifier tokens spelled <paramref name="name"/> that an assignment operator follows in the text
    /// (<c>name =</c>, <c>name ??=</c>, <c>name +=</c>): the targets of assignments, without resolving the many reads.
    /// </summary>
    public IEnumerable<SyntaxToken> AssignedTokensNamed(SyntaxNode scope, string name, CancellationToken cancellationToken)
        => WordsAt(scope, name, SyntaxKind.IdentifierToken, assignedOnly: true, cancellationToken);

    /// <summary>The keyword tokens spelled <paramref name="keyword"/> under <paramref name="scope"/> (<c>const</c>).</summary>
    public IEnumerable<SyntaxToken> KeywordsNamed(SyntaxNode scope, string keyword, CancellationToken cancellationToken)
        => WordsAt(scope, keyword, SyntaxFacts.GetKeywordKind(keyword), assignedOnly: false, cancellationToken);

    /// <summary>The assignments of any kind to <paramref name="name"/> or <c>this.name</c> under <paramref name="root"/>.</summary>
    public IEnumerable<AssignmentExpressionSyntax> AssignmentsTo(SyntaxNode root, string name, CancellationToken cancellationToken)
    {
        foreach (var token in AssignedTokensNamed(root, name, cancellationToken))
        {
            var target = token.Parent is IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access } && access.Name == token.Parent
                ? (SyntaxNode)access
                : token.Parent;
            if (target?.Parent is AssignmentExpressionSyntax assignment && assignment.Left == target)
            {
                yield return assignment;
            }
        }
    }

    /// <summary>The expressions assigned to <paramref name="name"/> under <paramref name="root"/>, plain or <c>??=</c>.</summary>
    public void CollectAssignments(SyntaxNode root, string name, List<AssignmentExpressionSyntax> assignments, CancellationToken cancellationToken)
    {
        foreach (var assignment in AssignmentsTo(root, name, cancellationToken))
        {
            if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) || assignment.IsKind(SyntaxKind.CoalesceAssignmentExpression))
            {
                assignments.Add(assignment);
            }
        }
    }

    /// <summary>The identifiers named <paramref name="name"/> under <paramref name="root"/>.</summary>
    public void CollectIdentifiers(SyntaxNode root, string name, List<IdentifierNameSyntax> identifiers, CancellationToken cancellationToken)
    {
        foreach (var token in TokensNamed(root, name, cancellationToken))
        {
            if (token.Parent is IdentifierNameSyntax identifier)
            {
                identifiers.Add(identifier);
            }
        }
    }

    /// <summary>
    /// The identifiers named <paramref name="name"/> under <paramref name="scope"/> that a deconstruction or an
    /// <c>out</c>/<c>ref</c> argument writes (<see cref="OtherWrites"/>). The places that write so are found once per
    /// tree, from the text: most code has none, and then no name is looked for.
    /// </summary>
    public IEnumerable<IdentifierNameSyntax> OtherWriteTargetsNamed(SyntaxNode scope, string name, CancellationToken cancellationToken)
    {
        foreach (var write in OtherWritesOf(scope.SyntaxTree, cancellationToken))
        {
            if (!scope.Span.Contains(write.Span))
            {
                continue;
            }

            foreach (var node in write.DescendantNodesAndSelf())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name && OtherWrites.TargetNamedBy(identifier) is not null)
                {
                    yield return identifier;
                }
            }
        }
    }

    /// <summary>
    /// The last <c>out</c> argument before <paramref name="use"/> under <paramref name="scope"/> that declares
    /// <paramref name="name"/> (<c>Pick(container, out var worker)</c>); null when there is none. Scoping is not checked:
    /// enough for a prefilter, which may let a name through.
    /// </summary>
    public DeclarationExpressionSyntax? OutVariableBefore(SyntaxNode use, SyntaxNode scope, string name, CancellationToken cancellationToken)
    {
        DeclarationExpressionSyntax? found = null;
        foreach (var write in OtherWritesOf(use.SyntaxTree, cancellationToken))
        {
            if (write.SpanStart >= use.SpanStart)
            {
                break;
            }

            if (write is ArgumentSyntax { Expression: DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax designation } declaration }
                && designation.Identifier.ValueText == name && scope.Span.Contains(write.Span))
            {
                found = declaration;
            }
        }

        return found;
    }

    private List<SyntaxNode> OtherWritesOf(SyntaxTree tree, CancellationToken cancellationToken)
        => _otherWrites.TryGetValue(tree, out var found) ? found : _otherWrites.GetOrAdd(tree, OtherWritesIn(tree, cancellationToken));

    /// <summary>The <c>out</c> and <c>ref</c> arguments of a tree and the left sides of its deconstructions, in order.</summary>
    private List<SyntaxNode> OtherWritesIn(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = TextOf(tree, cancellationToken);
        var root = tree.GetRoot(cancellationToken);
        var writes = new List<SyntaxNode>();
        foreach (var keyword in new[] { "out", "ref" })
        {
            foreach (var start in WordStarts(text, 0, text.Length, keyword, assignedOnly: false, cancellationToken))
            {
                if (root.FindToken(start) is { Parent: ArgumentSyntax argument } token && token.SpanStart == start && argument.RefKindKeyword == token)
                {
                    writes.Add(argument);
                }
            }
        }

        // (a, b) = …, var (a, b) = …: a lone '=' right after a ')'.
        for (var index = text.IndexOf('='); index >= 0; index = text.IndexOf('=', index + 1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var before = index - 1;
            while (before >= 0 && char.IsWhiteSpace(text[before]))
            {
                before--;
            }

            if (before >= 0 && text[before] == ')' && (index + 1 >= text.Length || (text[index + 1] != '=' && text[index + 1] != '>'))
                && root.FindToken(index) is { Parent: AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } assignment } token
                && token == assignment.OperatorToken)
            {
                writes.Add(assignment.Left);
            }
        }

        writes.Sort((first, second) => first.SpanStart.CompareTo(second.SpanStart));
        return writes;
    }

    private IEnumerable<SyntaxToken> WordsAt(SyntaxNode scope, string name, SyntaxKind kind, bool assignedOnly, CancellationToken cancellationToken)
    {
        if (name.Length == 0)
        {
            yield break;
        }

        var text = TextOf(scope.SyntaxTree, cancellationToken);
        var span = scope.Parent is null ? scope.FullSpan : scope.Span;
        foreach (var start in WordStarts(text, span.Start, span.End, name, assignedOnly, cancellationToken))
        {
            var token = scope.FindToken(start);
            if (token.IsKind(kind) && token.ValueText == name && token.SpanStart == start)
            {
                yield return token;
            }
        }
    }

    // No factory lambda: capturing the token would allocate a closure and a delegate on every search.
    private string TextOf(SyntaxTree tree, CancellationToken cancellationToken)
        => _texts.TryGetValue(tree, out var text) ? text : _texts.GetOrAdd(tree, tree.GetText(cancellationToken).ToString());

    /// <summary>Where <paramref name="name"/> stands as a whole word between <paramref name="start"/> and <paramref name="end"/>.</summary>
    private static List<int> WordStarts(string text, int start, int end, string name, bool assignedOnly, CancellationToken cancellationToken)
    {
        var starts = new List<int>();
        for (var offset = start; offset <= end - name.Length;)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var found = text.IndexOf(name, offset, end - offset, StringComparison.Ordinal);
            if (found < 0)
            {
                break;
            }

            var wordEnd = found + name.Length;
            if ((found == start || !IsIdentifierPart(text[found - 1])) && (wordEnd >= end || !IsIdentifierPart(text[wordEnd]))
                && (!assignedOnly || IsAssignmentOperatorAt(text, wordEnd, end)))
            {
                starts.Add(found);
            }

            offset = wordEnd;
        }

        return starts;
    }

    /// <summary>
    /// Does an assignment operator (<c>=</c>, <c>??=</c>, <c>+=</c>, <c>&lt;&lt;=</c>, …) start at <paramref name="index"/>,
    /// after blanks? <c>==</c> and <c>=&gt;</c> are not one; <c>&lt;=</c> passes (a filter may let too much through, the
    /// syntax tree decides what is assigned). A comment between a name and its operator hides the assignment.
    /// </summary>
    private static bool IsAssignmentOperatorAt(string text, int index, int end)
    {
        while (index < end && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        var operatorEnd = index;
        while (operatorEnd < end && operatorEnd - index < 3 && "?+-*/%&|^<>".IndexOf(text[operatorEnd]) >= 0)
        {
            operatorEnd++;
        }

        return operatorEnd < end && text[operatorEnd] == '='
            && (operatorEnd + 1 >= end || (text[operatorEnd + 1] != '=' && text[operatorEnd + 1] != '>'));
    }

    private static bool IsIdentifierPart(char character) => char.IsLetterOrDigit(character) || character == '_';
}
