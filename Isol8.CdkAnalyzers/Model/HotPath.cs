using System.Runtime.CompilerServices;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// For the few methods that run on every candidate node. A build's compiler process starts cold and keeps compiling
/// new methods of its own for the whole build, which keeps postponing tiered compilation's promotion of ours: without
/// this, the per-node filters would run as unoptimized first-tier code for most of the build.
/// </summary>
internal static class HotPath
{
    /// <summary><c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; the runtime reads the flag.</summary>
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
