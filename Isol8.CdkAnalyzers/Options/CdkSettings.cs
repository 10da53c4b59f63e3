using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Options;

/// <summary>The options in force for a syntax tree, read once per distinct set of values.</summary>
internal sealed class CdkSettings
{
    public const string DefaultSsmParameterPrefix = "/cdk-cross-stack";

    /// <summary>Fragments of keys and property names that say a value identifies a task definition.</summary>
    public static readonly ImmutableArray<string> DefaultTaskDefinitionKeyPatterns = ImmutableArray.Create("TASK_DEFINITION", "TASK_DEF", "TaskDefinition");

    private const int MaxValueLength = 64 * 1024;

    private static readonly char[] ForbiddenPatternCharacters = { '"', '\'', '*', '?' };

    private CdkSettings(VolatileCatalogue catalogue, ImmutableArray<string> taskDefinitionKeyPatterns, string ssmParameterPrefix, ImmutableArray<MalformedOption> malformed)
    {
        Catalogue = catalogue;
        TaskDefinitionKeyPatterns = taskDefinitionKeyPatterns;
        SsmParameterPrefix = ssmParameterPrefix;
        Malformed = malformed;
    }

    public VolatileCatalogue Catalogue { get; }

    public ImmutableArray<string> TaskDefinitionKeyPatterns { get; }

    public string SsmParameterPrefix { get; }

    public ImmutableArray<MalformedOption> Malformed { get; }

    public static CdkSettings Parse(Compilation compilation, CdkTypes types, SourceDeclarations declarations, string? volatileMembers, string? ignoredVolatileMembers, string? keyPatterns, string? ssmPrefix)
    {
        var malformed = ImmutableArray.CreateBuilder<MalformedOption>();
        var added = ParseEntries(OptionNames.VolatileMembers, volatileMembers, malformed);
        var removed = ParseEntries(OptionNames.IgnoredVolatileMembers, ignoredVolatileMembers, malformed);
        var patterns = ParsePatterns(keyPatterns, malformed);
        var prefix = ParsePrefix(ssmPrefix, malformed);
        return new CdkSettings(VolatileCatalogue.Create(compilation, types, declarations, added, removed), patterns, prefix, malformed.ToImmutable());
    }

    private static List<CatalogueEntry> ParseEntries(string optionName, string? value, ImmutableArray<MalformedOption>.Builder malformed)
    {
        var entries = new List<CatalogueEntry>();
        foreach (var item in SplitList(optionName, value, malformed))
        {
            if (CatalogueEntry.TryParse(item, out var entry))
            {
                entries.Add(entry);
            }
            else
            {
                malformed.Add(new MalformedOption(optionName, item, "expected 'Namespace.Type.Member' or 'P:Namespace.Type.Member'"));
            }
        }

        return entries;
    }

    private static ImmutableArray<string> ParsePatterns(string? value, ImmutableArray<MalformedOption>.Builder malformed)
    {
        if (value is null || value.Trim().Length == 0)
        {
            return DefaultTaskDefinitionKeyPatterns;
        }

        var patterns = ImmutableArray.CreateBuilder<string>();
        foreach (var item in SplitList(OptionNames.TaskDefinitionKeyPatterns, value, malformed))
        {
            if (item.Length < 3 || item.IndexOfAny(ForbiddenPatternCharacters) >= 0)
            {
                malformed.Add(new MalformedOption(OptionNames.TaskDefinitionKeyPatterns, item, "expected a name fragment of at least three characters, without quotes or wildcards"));
            }
            else
            {
                patterns.Add(item);
            }
        }

        return patterns.Count == 0 ? DefaultTaskDefinitionKeyPatterns : patterns.ToImmutable();
    }

    /// <summary>The prefix in force for a raw option value: the default when it is missing or malformed.</summary>
    public static string ParsePrefix(string? value) => ParsePrefix(value, ImmutableArray.CreateBuilder<MalformedOption>());

    private static string ParsePrefix(string? value, ImmutableArray<MalformedOption>.Builder malformed)
    {
        var prefix = value?.Trim();
        if (prefix is null || prefix.Length == 0)
        {
            return DefaultSsmParameterPrefix;
        }

        if (!IsSsmPrefix(prefix))
        {
            malformed.Add(new MalformedOption(OptionNames.SsmParameterPrefix, Shorten(prefix), "expected '/' and segments of letters, digits, '_', '.' and '-' separated by '/', not starting with 'aws' or 'ssm', at most 500 characters"));
            return DefaultSsmParameterPrefix;
        }

        return prefix.TrimEnd('/');
    }

    private static bool IsSsmPrefix(string prefix)
    {
        if (prefix.Length > 500 || prefix[0] != '/' || prefix.Contains("//"))
        {
            return false;
        }

        foreach (var character in prefix)
        {
            var allowed = (character >= 'a' && character <= 'z') || (character >= 'A' && character <= 'Z') || (character >= '0' && character <= '9')
                || character == '_' || character == '.' || character == '-' || character == '/';
            if (!allowed)
            {
                return false;
            }
        }

        // SSM reserves names that start with "aws" or "ssm", in any case, with or without the leading slash.
        var first = prefix.Substring(1);
        if (first.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || first.StartsWith("ssm", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return prefix.TrimEnd('/').Length > 0;
    }

    private static IEnumerable<string> SplitList(string optionName, string? value, ImmutableArray<MalformedOption>.Builder malformed)
    {
        if (value is null)
        {
            yield break;
        }

        if (value.Length > MaxValueLength)
        {
            malformed.Add(new MalformedOption(optionName, Shorten(value), "the value is longer than " + MaxValueLength + " characters"));
            yield break;
        }

        foreach (var part in value.Split(',', ';', ' ', '\t'))
        {
            var item = part.Trim();
            if (item.Length > 0)
            {
                yield return item;
            }
        }
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value.Substring(0, 80) + "…";
}
