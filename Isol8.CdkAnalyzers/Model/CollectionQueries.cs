namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The names of the .NET queries over a collection that the ownership model reads through: LINQ's
/// (<c>System.Linq.Enumerable</c>) and <c>List&lt;T&gt;</c>'s. The resolver checks the method's symbol as well; the
/// name index asks the names alone, before any binding.
/// </summary>
internal static class CollectionQueries
{
    /// <summary>What a query does with the elements of its source.</summary>
    public enum Kind
    {
        /// <summary>Anything else: a projection, an aggregate, a test.</summary>
        Other,

        /// <summary>Filters, orders or copies them: its result holds some of the same elements (<c>Where</c>, <c>ToList</c>).</summary>
        KeepsTheElements,

        /// <summary>Returns one of them (<c>First</c>, <c>ElementAt</c>, <c>Find</c>).</summary>
        PicksAnElement,
    }

    /// <summary>The kind of a <c>System.Linq.Enumerable</c> method.</summary>
    public static Kind OfEnumerable(string name)
        => name switch
        {
            "Where" or "OrderBy" or "OrderByDescending" or "ThenBy" or "ThenByDescending" or "Skip" or "SkipLast" or "SkipWhile"
                or "Take" or "TakeLast" or "TakeWhile" or "Reverse" or "Distinct" or "DistinctBy" or "Except" or "ExceptBy"
                or "Intersect" or "IntersectBy" or "ToArray" or "ToList" or "ToHashSet" or "AsEnumerable" => Kind.KeepsTheElements,
            _ when PicksFromEnumerable(name) => Kind.PicksAnElement,
            _ => Kind.Other,
        };

    /// <summary>The kind of a <c>List&lt;T&gt;</c> method.</summary>
    public static Kind OfList(string name)
        => name switch
        {
            "FindAll" => Kind.KeepsTheElements,
            _ when PicksFromList(name) => Kind.PicksAnElement,
            _ => Kind.Other,
        };

    /// <summary>Could a call of a method so named return an element of a collection?</summary>
    public static bool MayPickAnElement(string name) => PicksFromEnumerable(name) || PicksFromList(name);

    private static bool PicksFromEnumerable(string name)
        => name is "First" or "FirstOrDefault" or "Last" or "LastOrDefault" or "Single" or "SingleOrDefault" or "ElementAt"
            or "ElementAtOrDefault" or "MinBy" or "MaxBy";

    private static bool PicksFromList(string name) => name is "Find" or "FindLast";
}
