using Isol8.CdkAnalyzers.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Rules;

/// <summary>
/// The frame every rule shares: concurrent, silent on generated code, and registering nothing at all when the
/// compilation does not reference CDK.
/// </summary>
public abstract class CdkAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var model = CdkModel.For(start.Compilation);
            if (model is not null)
            {
                Register(start, model);
            }
        });
    }

    private protected abstract void Register(CompilationStartAnalysisContext context, CdkModel model);
}
