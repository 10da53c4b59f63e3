using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Tests.Infrastructure;

/// <summary>
/// Compiles a CDK app, loads it into this test host and synthesizes it with the real CDK (jsii runs it on Node.js).
/// The app's source must declare <c>public static class TestApp { public static void Build(App app) }</c>.
/// </summary>
internal static class CdkSynthesizer
{
    public static CloudAssemblyTemplates Synthesize(params string[] sources)
        => Synthesize(TestCompilation.Create(sources));

    public static CloudAssemblyTemplates Synthesize(Compilation compilation)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(emitted.Success, "The app does not compile:\n" + string.Join("\n", errors));

        var assembly = Assembly.Load(image.ToArray());
        var entry = assembly.GetType("TestApp") ?? throw new InvalidOperationException("The app declares no TestApp class.");
        var build = entry.GetMethod("Build", BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException("TestApp has no static Build(App).");

        var outdir = Directory.CreateTempSubdirectory("isol8-cdk-synth-").FullName;
        var app = new Amazon.CDK.App(new Amazon.CDK.AppProps { Outdir = outdir });
        build.Invoke(null, new object[] { app });
        app.Synth();
        return CloudAssemblyTemplates.Load(outdir);
    }
}
