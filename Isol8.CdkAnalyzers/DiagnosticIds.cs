namespace Isol8.CdkAnalyzers;

/// <summary>The ids of every rule this package ships. An id is never reused or renumbered.</summary>
public static class DiagnosticIds
{
    public const string CrossStackVolatileReference = "ICDK001";
    public const string TaskDefinitionInterfaceMember = "ICDK002";
    public const string UnpinnedFamilyReference = "ICDK003";
    public const string DriftedFamilyLiteral = "ICDK004";
    public const string VolatileExport = "ICDK005";
    public const string MalformedOption = "ICDK006";
    public const string TransitionalExport = "ICDK007";
}
