using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Every task definition family the compilation declares, found once per compilation and only when a rule needs
/// it: a syntactic scan for <c>Family = …</c> in the initializers of the ECS task definition props types.
/// </summary>
internal sealed class DeclaredFamilies
{
    private readonly Compilation _compilation;
    private readonly FamilyResolver _families;
    private readonly TextSearch _text;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, FamilyMatch> _matches = new(System.StringComparer.Ordinal);
    private ImmutableArray<DeclaredFamily> _all;
    private Lookup? _lookup;
    private ImmutableHashSet<string>? _constantNames;

    public DeclaredFamilies(Compilation compilation, FamilyResolver families, TextSearch text)
    {
        _compilation = compilation;
        _families = families;
        _text = text;
    }

    public ImmutableArray<DeclaredFamily> All(CancellationToken cancellationToken)
    {
        if (_all.IsDefault)
        {
            // Computed at most a few times under contention, never stored half-done: cancellation throws before the store.
            ImmutableInterlocked.InterlockedInitialize(ref _all, Collect(cancellationToken));
        }

        return _all;
    }

    /// <summary>The names of the <c>const</c> fields the source declares: a value by another name cannot be a constant family.</summary>
    public ImmutableHashSet<string> ConstantNames(CancellationToken cancellationToken)
    {
        if (_constantNames is null)
        {
            Interlocked.CompareExchange(ref _constantNames, ImmutableHashSet.CreateRange(System.StringComparer.Ordinal, _families.ConstantNames(cancellationToken)), null);
        }

        return _constantNames!;
    }

    /// <summary>How a constant string relates to the declared families: the one it matches, or the one it nearly matches. Cached per value.</summary>
    public FamilyMatch Match(string value, CancellationToken cancellationToken)
    {
        if (_matches.TryGetValue(value, out var match))
        {
            return match;
        }

        match = ComputeMatch(value, All(cancellationToken), GetLookup(cancellationToken));
        _matches.TryAdd(value, match);
        return match;
    }

    /// <summary>The first declared family with the same fixed parts and holes as <paramref name="pattern"/> (a template like a declaration's).</summary>
    public DeclaredFamily? WithShape(FamilyPattern pattern, CancellationToken cancellationToken)
    {
        var all = All(cancellationToken);
        return GetLookup(cancellationToken).FirstOfShape.TryGetValue(Lookup.ShapeKey(pattern), out var index) ? all[index] : null;
    }

    private static FamilyMatch ComputeMatch(string value, ImmutableArray<DeclaredFamily> declared, Lookup lookup)
    {
        // The first declaration that matches wins: a constant equal to the value (found by hash), unless a template
        // declared before it matches too. Only templates are tried one by one.
        var firstConstant = value.Length <= FamilyPattern.MaxMatchableLength && lookup.FirstConstant.TryGetValue(value, out var index) ? index : declared.Length;
        foreach (var template in lookup.Templates)
        {
            if (template >= firstConstant)
            {
                break;
            }

            if (declared[template].Pattern.Matches(value))
            {
                return new FamilyMatch(declared[template], 0, ImmutableArray<string>.Empty);
            }
        }

        if (firstConstant < declared.Length)
        {
            return new FamilyMatch(declared[firstConstant], 0, ImmutableArray<string>.Empty);
        }

        DeclaredFamily? nearest = null;
        var nearestDistance = int.MaxValue;
        var holes = ImmutableArray<string>.Empty;
        var threshold = FamilyMatch.DriftThreshold(value.Length);
        foreach (var family in declared)
        {
            if (family.Pattern.MinimumLength - value.Length > threshold)
            {
                continue;
            }

            var distance = family.Pattern.DistanceTo(value, out var holeValues);
            if (distance > 0 && distance <= threshold && family.Pattern.MatchesApartFromNumbers(value))
            {
                // A numbered sibling of a declared family (report-v2 beside report-v1) names another task definition.
                return FamilyMatch.None;
            }

            if (distance > 0 && distance <= threshold && distance < nearestDistance)
            {
                nearest = family;
                nearestDistance = distance;
                holes = holeValues;
            }
        }

        return nearest is null ? FamilyMatch.None : new FamilyMatch(nearest, nearestDistance, holes);
    }

    private Lookup GetLookup(CancellationToken cancellationToken)
    {
        if (_lookup is null)
        {
            Interlocked.CompareExchange(ref _lookup, new Lookup(All(cancellationToken)), null);
        }

        return _lookup!;
    }

    private ImmutableArray<DeclaredFamily> Collect(CancellationToken cancellationToken)
    {
        var families = ImmutableArray.CreateBuilder<DeclaredFamily>();
        foreach (var tree in _compilation.SyntaxTrees)
        {
            foreach (var token in _text.AssignedTokensNamed(tree.GetRoot(cancellationToken), KnownCdkNames.Family, cancellationToken))
            {
                // Syntax only: new FargateTaskDefinitionProps { Family = … } and its kin; no body is bound to find them.
                if (token.Parent is IdentifierNameSyntax { Identifier.ValueText: KnownCdkNames.Family, Parent: AssignmentExpressionSyntax { Parent: InitializerExpressionSyntax { Parent: ObjectCreationExpressionSyntax creation } } assignment } name
                    && assignment.Left == name
                    && CdkSyntax.TypeName(creation.Type)?.EndsWith(KnownCdkNames.TaskDefinitionPropsSuffix, System.StringComparison.Ordinal) == true)
                {
                    families.Add(new DeclaredFamily(_families.Fold(assignment.Right, syntaxOnly: true, cancellationToken), assignment.Right));
                }
            }
        }

        return families.ToImmutable();
    }

    /// <summary>
    /// The declarations indexed for the per-site questions, so that a compilation of many task definitions does not
    /// compare every family site with every declaration: constants by value, templates in declaration order, shapes by key.
    /// </summary>
    private sealed class Lookup
    {
        public Lookup(ImmutableArray<DeclaredFamily> all)
        {
            for (var i = 0; i < all.Length; i++)
            {
                var pattern = all[i].Pattern;
                if (pattern.Constant is { Length: > 0 } constant)
                {
                    if (!FirstConstant.ContainsKey(constant))
                    {
                        FirstConstant.Add(constant, i);
                    }
                }
                else if (!pattern.IsConstant)
                {
                    Templates.Add(i);
                }

                var shape = ShapeKey(pattern);
                if (!FirstOfShape.ContainsKey(shape))
                {
                    FirstOfShape.Add(shape, i);
                }
            }
        }

        public Dictionary<string, int> FirstConstant { get; } = new(System.StringComparer.Ordinal);

        public List<int> Templates { get; } = new();

        public Dictionary<string, int> FirstOfShape { get; } = new(System.StringComparer.Ordinal);

        /// <summary>Equal exactly when two patterns have the same fixed parts and holes in the same places: each part as its length and text, a hole as <c>H</c>.</summary>
        public static string ShapeKey(FamilyPattern pattern)
        {
            var key = new System.Text.StringBuilder();
            foreach (var part in pattern.Parts)
            {
                _ = part is null ? key.Append('H') : key.Append('T').Append(part.Length).Append(':').Append(part);
            }

            return key.ToString();
        }
    }
}

