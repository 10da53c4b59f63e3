using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Isol8.CdkAnalyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// Everything the rules and fixes know about CDK in one compilation: its types, who owns what, who uses what,
/// and the options in force. One per compilation, shared by every rule and fix through <see cref="For"/>, and
/// dropped with the compilation (see docs/design/one-model-per-compilation.md).
/// </summary>
internal sealed class CdkModel
{
    /// <summary>
    /// The only static state of the package: the model of each live compilation, keyed weakly, so the garbage
    /// collector reclaims a model with its compilation (the way roslyn-analyzers shares its WellKnownTypeProvider).
    /// </summary>
    private static readonly ConditionalWeakTable<Compilation, Holder> Models = new();

    private readonly ConcurrentDictionary<string, CdkSettings> _settings = new(System.StringComparer.Ordinal);

    // 0: not searched yet; 1: no tree names StringParameter; 2: one does. Written once; a race only searches twice.
    private int _namesStringParameter;
    private readonly ConditionalWeakTable<AnalyzerConfigOptions, CdkSettings> _settingsByOptions = new();

    // Made once: a method group converted at each call would allocate a delegate on every callback that reads settings.
    private readonly ConditionalWeakTable<AnalyzerConfigOptions, CdkSettings>.CreateValueCallback _settingsOf;

    private CdkModel(Compilation compilation, CdkTypes types)
    {
        Compilation = compilation;
        Types = types;
        _settingsOf = SettingsFor;
        Text = new TextSearch();
        Scope = new SyntacticScope(Text);
        Sources = new ValueSources(compilation, Text);
        Declarations = new SourceDeclarations(compilation, Text);
        var queries = new CollectionQueries(compilation);
        var elements = new CollectionElements(compilation, Sources, queries);
        Collections = elements;
        var fills = new PlainObjectFills(Sources, Declarations);
        Owners = new OwnershipResolver(types, Sources, Declarations, Scope, new NestedStackParents(types, Sources, Declarations), elements, new ConstructHosts(types, Sources, Declarations), queries, fills, () => DefaultSettings.Catalogue);
        Consumers = new ConsumerResolver(types, Owners, Sources);
        Families = new FamilyResolver(compilation, types, Sources);
        DeclaredFamilies = new DeclaredFamilies(compilation, Families, Text);
        Relays = new RelayedReads(Declarations, types, Sources, Owners, Consumers, fills);
        Slots = new DeclaredSlots(compilation, types, Sources, Relays);
        RelayedCollections = new RelayedCollections(Declarations, types, Relays, elements);
        ExportHelpers = new ExportHelpers();
        CrossRegion = new CrossRegionUse(types, Sources);
        VolatileConstructNames = new CdkNameIndex(Declarations, KnownCdkNames.TypeNames, KnownCdkNames.MemberNames);
        TaskDefinitionInterfaceNames = new CdkNameIndex(Declarations, KnownCdkNames.TaskDefinitionInterfaceNames, KnownCdkNames.TaskDefinitionInterfaceMemberNames);
        FunctionInterfaceNames = new CdkNameIndex(Declarations, ImmutableArray.Create(KnownCdkNames.FunctionInterface), ImmutableArray<string>.Empty);
        ConcreteTaskDefinitionMembers = ConcreteTaskDefinitionMembers.Create(compilation, types);
    }

    public Compilation Compilation { get; }

    public CdkTypes Types { get; }

    /// <summary>The word searches over the source text, with each tree's text read once.</summary>
    public TextSearch Text { get; }

    public ValueSources Sources { get; }

    public OwnershipResolver Owners { get; }

    public ConsumerResolver Consumers { get; }

    public FamilyResolver Families { get; }

    public DeclaredFamilies DeclaredFamilies { get; }

    /// <summary>What the app's own parameters and properties do with a volatile construct handed to them.</summary>
    public DeclaredSlots Slots { get; }

    /// <summary>The string members that relay a volatile read of a stack's own constructs (a stack's, a construct's, a plain object's that a stack fills).</summary>
    public RelayedReads Relays { get; }

    /// <summary>The collections of strings a stack or construct fills with volatile reads of its own constructs.</summary>
    public RelayedCollections RelayedCollections { get; }

    /// <summary>What collections hold: a member's elements (for ownership), a local's seen ones (for ICDK005's loops).</summary>
    public CollectionElements Collections { get; }

    /// <summary>The app's own methods that export a parameter by name (ICDK005).</summary>
    public ExportHelpers ExportHelpers { get; }

    /// <summary>Whether the app lets a stack take references from another region (the fixes' question, not the rules').</summary>
    public CrossRegionUse CrossRegion { get; }

    /// <summary>The source's declarations, collected once for every name index.</summary>
    public SourceDeclarations Declarations { get; }

    /// <summary>The syntactic answer to "created and used under <c>this</c>?", with its caches.</summary>
    public SyntacticScope Scope { get; }

    /// <summary>The names that can hold a task definition, a function version or a layer version (or their L1 resources).</summary>
    public CdkNameIndex VolatileConstructNames { get; }

    /// <summary>The names that can hold a task definition typed by one of its interfaces.</summary>
    public CdkNameIndex TaskDefinitionInterfaceNames { get; }

    /// <summary>
    /// The source's names typed <c>IFunction</c> (its members, locals, parameters), which may hold a published version: CDK's
    /// own members of that type hold functions, and are left out.
    /// </summary>
    public CdkNameIndex FunctionInterfaceNames { get; }

    /// <summary>The members only the concrete task definition classes have (ICDK002 and its fix), read from CDK once.</summary>
    public ConcreteTaskDefinitionMembers ConcreteTaskDefinitionMembers { get; }

    /// <summary>The named exports ICDK005 and ICDK007 both examine, by node and catalogue, classified once.</summary>
    public ConcurrentDictionary<(SyntaxNode Node, VolatileCatalogue Catalogue), System.Runtime.CompilerServices.StrongBox<VolatileExport?>> VolatileExports { get; } = new();

    /// <summary>The family sites ICDK003 and ICDK004 both examine, by node and key patterns in force, resolved once.</summary>
    public ConcurrentDictionary<(SyntaxNode Node, System.Collections.Immutable.ImmutableArray<string> KeyPatterns), System.Runtime.CompilerServices.StrongBox<FamilyReference?>> FamilySites { get; } = new();

    /// <summary>
    /// The cheap test before a read of CDK's own member is asked whether it relays a volatile value
    /// (<see cref="OwnershipResolver.RelaysThroughCdkMember"/>): a <c>StringValue</c> in a compilation whose text names
    /// <c>StringParameter</c> (one search per tree, once), a <c>FunctionArn</c> through a name the source types <c>IFunction</c>.
    /// </summary>
    public bool MayRelayThroughCdkMember(string memberName, ExpressionSyntax receiver, System.Threading.CancellationToken cancellationToken)
        => memberName switch
        {
            KnownCdkNames.StringValue => NamesStringParameter(cancellationToken),
            KnownCdkNames.FunctionArn => FunctionInterfaceNames.MightHold(receiver, cancellationToken),
            _ => false,
        };

    private bool NamesStringParameter(System.Threading.CancellationToken cancellationToken)
    {
        if (_namesStringParameter == 0)
        {
            var found = false;
            foreach (var tree in Compilation.SyntaxTrees)
            {
                using var tokens = Text.TokensNamed(tree.GetRoot(cancellationToken), KnownCdkNames.StringParameter, cancellationToken).GetEnumerator();
                if (tokens.MoveNext())
                {
                    found = true;
                    break;
                }
            }

            _namesStringParameter = found ? 2 : 1;
        }

        return _namesStringParameter == 2;
    }

    /// <summary>The shared model of a compilation that references CDK; <see langword="null"/> for any other.</summary>
    public static CdkModel? For(Compilation compilation)
        => Models.GetValue(compilation, c => new Holder(CdkTypes.TryCreate(c) is { } types ? new CdkModel(c, types) : null)).Model;

    /// <summary>A model of its own, shared with no one: for measurements that must start cold.</summary>
    public static CdkModel? CreateUnshared(Compilation compilation)
        => CdkTypes.TryCreate(compilation) is { } types ? new CdkModel(compilation, types) : null;

    /// <summary>
    /// The settings for a tree's options. Keyed by the options object, not the tree: the same compilation is analyzed
    /// again with new options when an .editorconfig changes.
    /// </summary>
    public CdkSettings SettingsFor(AnalyzerOptions options, SyntaxTree tree)
    {
        var treeOptions = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        return _settingsByOptions.GetValue(treeOptions, _settingsOf);
    }

    public CdkSettings SettingsFor(AnalyzerConfigOptions options)
    {
        options.TryGetValue(OptionNames.VolatileMembers, out var volatileMembers);
        options.TryGetValue(OptionNames.IgnoredVolatileMembers, out var ignoredVolatileMembers);
        options.TryGetValue(OptionNames.TaskDefinitionKeyPatterns, out var keyPatterns);
        options.TryGetValue(OptionNames.SsmParameterPrefix, out var ssmPrefix);
        return SettingsFor(volatileMembers, ignoredVolatileMembers, keyPatterns, ssmPrefix);
    }

    /// <summary>The settings when no option is set: the built-in catalogue, for what the model answers once for every set of options.</summary>
    public CdkSettings DefaultSettings => SettingsFor(null, null, null, null);

    private CdkSettings SettingsFor(string? volatileMembers, string? ignoredVolatileMembers, string? keyPatterns, string? ssmPrefix)
    {
        var key = string.Join("\0", volatileMembers, ignoredVolatileMembers, keyPatterns, ssmPrefix);
        return _settings.GetOrAdd(key, _ => CdkSettings.Parse(Compilation, Types, Declarations, volatileMembers, ignoredVolatileMembers, keyPatterns, ssmPrefix));
    }

    private sealed class Holder
    {
        public Holder(CdkModel? model)
        {
            Model = model;
        }

        public CdkModel? Model { get; }
    }
}
