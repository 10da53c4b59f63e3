using System;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>One member of one type in the catalogue of volatile members, e.g. <c>ITaskDefinition.TaskDefinitionArn</c>.</summary>
internal readonly struct CatalogueEntry : IEquatable<CatalogueEntry>
{
    public CatalogueEntry(string typeMetadataName, string memberName)
    {
        TypeMetadataName = typeMetadataName;
        MemberName = memberName;
    }

    public string TypeMetadataName { get; }

    public string MemberName { get; }

    /// <summary>The type's simple name as the syntax spells it (<c>Amazon.CDK.AWS.ECS.ITaskDefinition</c> → <c>ITaskDefinition</c>).</summary>
    public string TypeName
    {
        get
        {
            var name = TypeMetadataName ?? string.Empty;
            return StripArity(name.Substring(Math.Max(name.LastIndexOf('.'), name.LastIndexOf('+')) + 1));
        }
    }

    /// <summary>
    /// Reads <c>Namespace.Type.Member</c> or a documentation-comment id (<c>P:Namespace.Type.Member</c>);
    /// returns <see langword="false"/> for anything else.
    /// </summary>
    public static bool TryParse(string text, out CatalogueEntry entry)
    {
        entry = default;
        var value = text.Trim();
        if (value.Length > 2 && value[1] == ':' && (value[0] == 'P' || value[0] == 'F' || value[0] == 'M'))
        {
            value = value.Substring(2);
        }

        var parenthesis = value.IndexOf('(');
        if (parenthesis >= 0)
        {
            value = value.Substring(0, parenthesis);
        }

        var lastDot = value.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == value.Length - 1)
        {
            return false;
        }

        var typeName = value.Substring(0, lastDot);
        var memberName = value.Substring(lastDot + 1);
        if (!IsIdentifier(memberName) || !IsQualifiedName(typeName))
        {
            return false;
        }

        entry = new CatalogueEntry(typeName, memberName);
        return true;
    }

    public bool Equals(CatalogueEntry other)
        => string.Equals(TypeMetadataName, other.TypeMetadataName, StringComparison.Ordinal)
        && string.Equals(MemberName, other.MemberName, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CatalogueEntry other && Equals(other);

    public override int GetHashCode()
        => unchecked((StringComparer.Ordinal.GetHashCode(TypeMetadataName ?? string.Empty) * 397) ^ StringComparer.Ordinal.GetHashCode(MemberName ?? string.Empty));

    public override string ToString() => TypeMetadataName + "." + MemberName;

    private static bool IsQualifiedName(string name)
    {
        foreach (var part in name.Split('.', '+'))
        {
            if (!IsIdentifier(StripArity(part)))
            {
                return false;
            }
        }

        return true;
    }

    private static string StripArity(string part)
    {
        var tick = part.IndexOf('`');
        return tick > 0 && tick < part.Length - 1 ? part.Substring(0, tick) : part;
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < name.Length; i++)
        {
            if (!(char.IsLetterOrDigit(name[i]) || name[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }
}
