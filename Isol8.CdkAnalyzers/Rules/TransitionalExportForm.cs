namespace Isol8.CdkAnalyzers.Rules;

/// <summary>The two forms of a transitional export that ICDK007 reports.</summary>
public enum TransitionalExportForm
{
    /// <summary><c>CrossStackParameters.X(…, keepOldExport: true)</c>, written by the ICDK001 fixes.</summary>
    KeepOldExportArgument,

    /// <summary><c>CrossStackParameters.TaskDefinitionFamily(owner, family, keepOldExport: true)</c>: without the old export, the call is just the family.</summary>
    FamilyKeepingOldExport,

    /// <summary>A named export of a volatile value beside the SSM parameter that replaces it, written by the ICDK005 fix.</summary>
    ExportBesideParameter,
}
