using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The CDK types of one compilation, looked up once by metadata name, so the analyzers work with any
/// Amazon.CDK.Lib v2 and need no compile-time reference to it.
/// </summary>
internal sealed class CdkTypes
{
    private readonly ConcurrentDictionary<ITypeSymbol, CdkTypeKind> _kinds = new(SymbolEqualityComparer.Default);

    private CdkTypes(IAssemblySymbol cdk, INamedTypeSymbol stack, INamedTypeSymbol construct)
    {
        Stack = stack;
        IConstruct = construct;

        // Looked up in the CDK assembly itself: a compilation-wide lookup searches every reference, every time.
        NestedStack = cdk.GetTypeByMetadataName("Amazon.CDK.NestedStack");
        Construct = construct.ContainingAssembly.GetTypeByMetadataName("Constructs.Construct");
        IDependable = construct.ContainingAssembly.GetTypeByMetadataName("Constructs.IDependable");
        IResource = cdk.GetTypeByMetadataName("Amazon.CDK.IResource");
        Resource = cdk.GetTypeByMetadataName("Amazon.CDK.Resource");
        CfnOutputProps = cdk.GetTypeByMetadataName("Amazon.CDK.CfnOutputProps");
        ITaskDefinition = cdk.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ITaskDefinition");
        TaskDefinition = cdk.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.TaskDefinition");
        IVersion = cdk.GetTypeByMetadataName("Amazon.CDK.AWS.Lambda.IVersion");
        IFunction = cdk.GetTypeByMetadataName("Amazon.CDK.AWS.Lambda.IFunction");
        ILayerVersion = cdk.GetTypeByMetadataName("Amazon.CDK.AWS.Lambda.ILayerVersion");
        StringParameterProps = cdk.GetTypeByMetadataName("Amazon.CDK.AWS.SSM.StringParameterProps");
    }

    public INamedTypeSymbol Stack { get; }

    public INamedTypeSymbol IConstruct { get; }

    public INamedTypeSymbol? NestedStack { get; }

    public INamedTypeSymbol? Construct { get; }

    public INamedTypeSymbol? IDependable { get; }

    public INamedTypeSymbol? IResource { get; }

    public INamedTypeSymbol? Resource { get; }

    public INamedTypeSymbol? CfnOutputProps { get; }

    public INamedTypeSymbol? ITaskDefinition { get; }

    public INamedTypeSymbol? TaskDefinition { get; }

    public INamedTypeSymbol? IVersion { get; }

    public INamedTypeSymbol? IFunction { get; }

    public INamedTypeSymbol? ILayerVersion { get; }

    public INamedTypeSymbol? StringParameterProps { get; }


    /// <summary>The assembly that holds CDK's types (Amazon.CDK.Lib).</summary>
    public IAssemblySymbol Assembly => Stack.ContainingAssembly;

    /// <summary>Looks the CDK types up; <see langword="null"/> when the compilation does not reference CDK.</summary>
    public static CdkTypes? TryCreate(Compilation compilation)
    {
        // The references first: a lookup by name in one assembly, not across every reference of the compilation.
        INamedTypeSymbol? stack = null;
        foreach (var reference in compilation.References)
        {
            // A reference's display is its path or name: only the CDK's is turned into a symbol.
            if (reference.Display?.IndexOf(KnownCdkNames.CdkNamespace, System.StringComparison.Ordinal) >= 0
                && compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                && assembly.GetTypeByMetadataName("Amazon.CDK.Stack") is { } found)
            {
                stack = found;
                break;
            }
        }

        if (stack is null && compilation.Assembly.Name.StartsWith(KnownCdkNames.CdkNamespace, System.StringComparison.Ordinal))
        {
            stack = compilation.GetTypeByMetadataName("Amazon.CDK.Stack");
        }

        INamedTypeSymbol? construct = null;
        for (var type = stack?.BaseType; type is not null && construct is null; type = type.BaseType)
        {
            foreach (var implemented in type.Interfaces)
            {
                if (implemented.Name == "IConstruct" && implemented.ContainingNamespace?.Name == "Constructs")
                {
                    construct = implemented;
                }
            }
        }

        return stack is null || construct is null ? null : new CdkTypes(stack.ContainingAssembly, stack, construct);
    }

    /// <summary>Does a parameter or property of this type take any construct (<c>object</c>, <c>IConstruct</c>, <c>IDependable</c>, …)? Such targets render no ARN.</summary>
    public bool TakesAnyConstruct(ITypeSymbol? target)
    {
        if (target is null || target.SpecialType == SpecialType.System_Object || target.TypeKind == TypeKind.Dynamic)
        {
            return true;
        }

        var comparer = SymbolEqualityComparer.Default;
        return comparer.Equals(target, IConstruct)
            || comparer.Equals(target, Construct)
            || comparer.Equals(target, IDependable)
            || comparer.Equals(target, IResource)
            || comparer.Equals(target, Resource);
    }

    public CdkTypeKind KindOf(ITypeSymbol? type)
    {
        if (type is null || type.TypeKind == TypeKind.Error)
        {
            return CdkTypeKind.None;
        }

        return _kinds.GetOrAdd(type, ComputeKind);
    }

    public bool Is(ITypeSymbol? type, CdkTypeKind kind) => (KindOf(type) & kind) != 0;

    /// <summary>A stack of its own: a <c>Stack</c> that is not a <c>NestedStack</c>.</summary>
    public bool IsTopLevelStack(ITypeSymbol? type) => (KindOf(type) & (CdkTypeKind.Stack | CdkTypeKind.NestedStack)) == CdkTypeKind.Stack;

    private CdkTypeKind ComputeKind(ITypeSymbol type)
    {
        var kind = CdkTypeKind.None;
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, Stack))
            {
                kind |= CdkTypeKind.Stack;
            }
            else if (NestedStack is not null && SymbolEqualityComparer.Default.Equals(current, NestedStack))
            {
                kind |= CdkTypeKind.NestedStack;
            }
            else if (TaskDefinition is not null && SymbolEqualityComparer.Default.Equals(current, TaskDefinition))
            {
                kind |= CdkTypeKind.ConcreteTaskDefinition;
            }
        }

        kind |= KindOfInterface(type);
        foreach (var implemented in type.AllInterfaces)
        {
            kind |= KindOfInterface(implemented);
        }

        if (type is ITypeParameterSymbol parameter)
        {
            foreach (var constraint in parameter.ConstraintTypes)
            {
                kind |= KindOf(constraint);
            }
        }

        return kind;
    }

    private CdkTypeKind KindOfInterface(ITypeSymbol type)
    {
        var comparer = SymbolEqualityComparer.Default;
        if (comparer.Equals(type, IConstruct))
        {
            return CdkTypeKind.Construct;
        }

        if (comparer.Equals(type, ITaskDefinition))
        {
            return CdkTypeKind.TaskDefinition;
        }

        if (comparer.Equals(type, IVersion))
        {
            return CdkTypeKind.FunctionVersion;
        }

        return comparer.Equals(type, ILayerVersion) ? CdkTypeKind.LayerVersion : CdkTypeKind.None;
    }
}
