namespace Isol8.CdkAnalyzers.Model;

internal enum OwnerKind : byte
{
    /// <summary>The model cannot tell: rules stay silent.</summary>
    Unknown,

    /// <summary>The instance the code is written in (<c>this</c>); a relative answer that the caller binds.</summary>
    This,

    /// <summary>A known stack instance: a stack class's <c>this</c>, a <c>new XStack(...)</c>, or a stack-typed reference.</summary>
    Stack,

    /// <summary>A value that reached a stack through its constructor: created before the stack, so owned by another one.</summary>
    Foreign,

    /// <summary>An imported reference (<c>FromTaskDefinitionArn</c>, <c>From…Attributes</c>): it belongs to the importer and is not volatile.</summary>
    Imported,

    /// <summary>A reference CDK renders as a stable value (e.g. <c>LatestVersion</c>).</summary>
    Stable,

    /// <summary>
    /// Inside a method summary only: owned like the argument a caller passes for one of the method's parameters
    /// (<c>new Function(scope, …)</c> returned by <c>Backend(Construct scope, …)</c>); the call site binds it.
    /// </summary>
    Parameter,
}
