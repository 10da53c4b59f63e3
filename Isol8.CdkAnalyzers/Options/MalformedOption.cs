namespace Isol8.CdkAnalyzers.Options;

/// <summary>One value of one option that the package could not read and ignored.</summary>
internal readonly struct MalformedOption
{
    public MalformedOption(string optionName, string value, string reason)
    {
        OptionName = optionName;
        Value = value;
        Reason = reason;
    }

    public string OptionName { get; }

    public string Value { get; }

    public string Reason { get; }
}
