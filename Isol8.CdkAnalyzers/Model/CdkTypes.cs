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

    private CdkTypes(Compilation compilation, INamedTypeSymbol stack, INamedTypeSymbol construct)
    {
        Stack = stack;
        IConstruct = construct;
        NestedStack = compilation.GetTypeByMetadataName("Amazon.CDK.NestedStack");
        Construct = compilation.GetTypeByMetadataName("Constructs.Construct");
        IDependable = compilation.GetTypeByMetadataName("Constructs.IDependable");
        IResource = compilation.GetTypeByMetadataName("Amazon.CDK.IResource");
        Resource = compilation.GetTypeByMetadataName("Amazon.CDK.Resource");
        CfnOutput = compilation.GetTypeByMetadataName("Amazon.CDK.CfnOutput");
        CfnOutputProps = compilation.GetTypeByMetadataName("Amazon.CDK.CfnOutputProps");
        ITaskDefinition = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ITaskDefinition");
        TaskDefinition = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.TaskDefinition");
        IVersion = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.Lambda.IVersion");
        ILayerVersion = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.Lambda.ILayerVersion");
        StringParameter = compilation.GetTypeByMetadataName("Amazon.CDK.AWS.SSM.StringParameter");
    }

    public INamedTypeSymbol Stack { get; }

    public INamedTypeSymbol IConstruct { get; }

    public INamedTypeSymbol? NestedStack { get; }

    public INamedTypeSymbol? Construct { get; }

    public INamedTypeSymbol? IDependable { get; }

    public INamedTypeSymbol? IResource { get; }

    public INamedTypeSymbol? Resource { get; }

    public INamedTypeSymbol? CfnOutput { get; }

    public INamedTypeSymbol? CfnOutputProps { get; }

    public INamedTypeSymbol? ITaskDefinition { get; }

    public INamedTypeSymbol? TaskDefinition { get; }

    public INamedTypeSymbol? IVersion { get; }

    public INamedTypeSymbol? ILayerVersion { get; }

    public INamedTypeSymbol? StringParameter { get; }

    /// <summary>Looks the CDK types up; <see langword="null"/> when the compilation does not reference CDK.</summary>
    public static CdkTypes? TryCreate(Compilation compilation)
    {
        var stack = compilation.GetTypeByMetadataName("Amazon.CDK.Stack");
        var construct = compilation.GetTypeByMetadataName("Constructs.IConstruct");
        return stack is null || construct is null ? null : new CdkTypes(compilation, stack, construct);
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
