using System.Collections.Generic;
using System.Collections.Immutable;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Rules;

/// <summary>
/// ICDK006: an option of this package in <c>.editorconfig</c> or <c>.globalconfig</c> that could not be read.
/// Reported once per option value at the end of the compilation; the value itself is ignored.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MalformedOptionAnalyzer : CdkAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MalformedOption);

    // The start action is the shared bail-out for compilations without CDK; the end action needs the model it builds.
#pragma warning disable RS1013
    private protected override void Register(CompilationStartAnalysisContext context, CdkModel model)
        => context.RegisterCompilationEndAction(end =>
        {
            var reported = new HashSet<(string, string)>();
            var settingsSeen = new HashSet<CdkSettings>();
            foreach (var tree in end.Compilation.SyntaxTrees)
            {
                var settings = model.SettingsFor(end.Options, tree);
                if (!settingsSeen.Add(settings))
                {
                    continue;
                }

                foreach (var malformed in settings.Malformed)
                {
                    if (reported.Add((malformed.OptionName, malformed.Value)))
                    {
                        end.ReportDiagnostic(Diagnostic.Create(Descriptors.MalformedOption, Location.None, malformed.OptionName, malformed.Value, malformed.Reason));
                    }
                }
            }
        });
#pragma warning restore RS1013
}
