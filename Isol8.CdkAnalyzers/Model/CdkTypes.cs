using System;
using System.Collections.Concurrent;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Isol8.CdkAnalyzers.Model;

/// <summary>
/// The CDK types of one compilation, each looked up by metadata name when first needed, so the analyzers work with any
/// Amazon.CDK.Lib v2 and need no compile-time reference to it.
/// </summary>
internal sealed class CdkTypes
{
    private readonly ConcurrentDictionary<ITypeSymbol, CdkTypeKind> _kinds = new(SymbolEqualityComparer.Default);
    private readonly Lazy<INamedTypeSymbol?> _stack;
    private readonly Lazy<INamedTypeSymbol?> _iConstruct;
    private readonly Lazy<INamedTypeSymbol?> _nestedStack;
    private readonly Lazy<INamedTypeSymbol?> _construct;
    private readonly Lazy<INamedTypeSymbol?> _constructNode;
    private readonly Lazy<INamedTypeSymbol?> _iDependable;
    private readonly Lazy<INamedTypeSymbol?> _iResource;
    private readonly Lazy<INamedTypeSymbol?> _resource;
    private readonly Lazy<INamedTypeSymbol?> _cfnOutput;
    private readonly Lazy<INamedTypeSymbol?> _cfnOutputProps;
    private readonly Lazy<INamedTypeSymbol?> _iTaskDefinition;
    private readonly Lazy<INamedTypeSymbol?> _taskDefinition;
    private readonly Lazy<INamedTypeSymbol?> _iVersion;
    private readonly Lazy<INamedTypeSymbol?> _iFunction;
    private readonly Lazy<INamedTypeSymbol?> _iLayerVersion;
    private readonly Lazy<INamedTypeSymbol?> _iLaunchTemplate;
    private readonly Lazy<INamedTypeSymbol?> _apiDeployment;
    private readonly Lazy<INamedTypeSymbol?> _stringParameterProps;
    private readonly Lazy<INamedTypeSymbol?> _stringParameter;
    private readonly Lazy<INamedTypeSymbol?> _annotations;
    private readonly Lazy<INamedTypeSymbol?> _token;
    private readonly Lazy<IPropertySymbol?> _containersTaskDefinition;
    private readonly Lazy<INamedTypeSymbol?> _lambdaSubscription;
    private readonly Lazy<INamedTypeSymbol?> _iGrantable;
    private readonly Lazy<INamedTypeSymbol?> _iConnectable;
    private readonly Lazy<INamedTypeSymbol?> _iMetric;

    private CdkTypes(Compilation compilation)
    {
        // Every symbol is looked up when first needed, not when the compilation starts: the first lookup binds the
        // compilation's references and a type looked up by name loads its whole namespace, work the compiler does
        // anyway by the time a rule has a candidate (and for namespaces the app never uses, never).
        _stack = Lazy(() => FindStack(compilation));
        _iConstruct = Lazy(() => FindIConstruct(Stack));
        _nestedStack = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.NestedStack"));
        _construct = Lazy(() => IConstruct?.ContainingAssembly?.GetTypeByMetadataName("Constructs.Construct"));
        _constructNode = Lazy(() => IConstruct?.ContainingAssembly?.GetTypeByMetadataName("Constructs.Node"));
        _iDependable = Lazy(() => IConstruct?.ContainingAssembly?.GetTypeByMetadataName("Constructs.IDependable"));
        _iResource = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.IResource"));
        _resource = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.Resource"));
        _cfnOutput = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.CfnOutput"));
        _cfnOutputProps = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.CfnOutputProps"));
        _iTaskDefinition = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.ITaskDefinition"));
        _taskDefinition = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.TaskDefinition"));
        _iVersion = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.Lambda.IVersion"));
        _iFunction = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.Lambda.IFunction"));
        _iLayerVersion = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.Lambda.ILayerVersion"));
        _iLaunchTemplate = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.ILaunchTemplate"));
        _apiDeployment = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.APIGateway.Deployment"));
        _stringParameterProps = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.SSM.StringParameterProps"));
        _stringParameter = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.SSM.StringParameter"));
        _annotations = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.Annotations"));
        _token = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.Token"));
        _containersTaskDefinition = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.ECS.IContainerDefinitionProps")?.GetMembers("TaskDefinition").OfType<IPropertySymbol>().FirstOrDefault());
        _lambdaSubscription = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.SNS.Subscriptions.LambdaSubscription"));
        _iGrantable = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.IAM.IGrantable"));
        _iConnectable = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.EC2.IConnectable"));
        _iMetric = Lazy(() => Assembly?.GetTypeByMetadataName("Amazon.CDK.AWS.CloudWatch.IMetric"));
    }

    /// <summary><c>Amazon.CDK.Stack</c>; <see langword="null"/> only when a reference is named like CDK but is not it (then nothing is a CDK type).</summary>
    public INamedTypeSymbol? Stack => _stack.Value;

    /// <summary><c>Constructs.IConstruct</c>, found from <see cref="Stack"/>'s base types.</summary>
    public INamedTypeSymbol? IConstruct => _iConstruct.Value;

    public INamedTypeSymbol? NestedStack => _nestedStack.Value;

    public INamedTypeSymbol? Construct => _construct.Value;

    /// <summary><c>Constructs.Node</c>, the type of every construct's <c>Node</c>.</summary>
    public INamedTypeSymbol? ConstructNode => _constructNode.Value;

    /// <summary><c>Amazon.CDK.Annotations</c>: messages for the cloud assembly's manifest, never a template.</summary>
    public INamedTypeSymbol? Annotations => _annotations.Value;

    /// <summary><c>Amazon.CDK.Token</c>: its tests (<c>IsUnresolved</c>) look at a value and keep nothing of it.</summary>
    public INamedTypeSymbol? Token => _token.Value;

    public INamedTypeSymbol? IDependable => _iDependable.Value;

    public INamedTypeSymbol? IResource => _iResource.Value;

    public INamedTypeSymbol? Resource => _resource.Value;

    public INamedTypeSymbol? CfnOutput => _cfnOutput.Value;

    public INamedTypeSymbol? CfnOutputProps => _cfnOutputProps.Value;

    public INamedTypeSymbol? ITaskDefinition => _iTaskDefinition.Value;

    public INamedTypeSymbol? TaskDefinition => _taskDefinition.Value;

    public INamedTypeSymbol? IVersion => _iVersion.Value;

    public INamedTypeSymbol? IFunction => _iFunction.Value;

    public INamedTypeSymbol? ILayerVersion => _iLayerVersion.Value;

    public INamedTypeSymbol? ILaunchTemplate => _iLaunchTemplate.Value;

    /// <summary>API Gateway's <c>Deployment</c> (a class: CDK declares no interface for it).</summary>
    public INamedTypeSymbol? ApiDeployment => _apiDeployment.Value;

    public INamedTypeSymbol? StringParameterProps => _stringParameterProps.Value;

    /// <summary>An SSM parameter construct: its <c>StringValue</c> is the value it was created with, read through the template.</summary>
    public INamedTypeSymbol? StringParameter => _stringParameter.Value;

    /// <summary>The CDK assembly (Amazon.CDK.Lib).</summary>
    public IAssemblySymbol? Assembly => Stack?.ContainingAssembly;

    /// <summary>
    /// The CDK types of a compilation that references CDK; <see langword="null"/> for any other. Decided from the
    /// references' names alone, so a compilation without CDK costs one pass over its reference list.
    /// </summary>
    public static CdkTypes? TryCreate(Compilation compilation)
    {
        foreach (var reference in compilation.References)
        {
            // A reference's display is its path or name.
            if (reference.Display?.IndexOf(KnownCdkNames.CdkNamespace, StringComparison.Ordinal) >= 0)
            {
                return new CdkTypes(compilation);
            }
        }

        return compilation.AssemblyName?.StartsWith(KnownCdkNames.CdkNamespace, StringComparison.Ordinal) == true ? new CdkTypes(compilation) : null;
    }

    private static INamedTypeSymbol? FindStack(Compilation compilation)
    {
        // A lookup by name in one assembly, not across every reference of the compilation.
        foreach (var reference in compilation.References)
        {
            // Only the references named like CDK are turned into symbols.
            if (reference.Display?.IndexOf(KnownCdkNames.CdkNamespace, StringComparison.Ordinal) >= 0
                && compilation.GetAssemblyOrModuleSymbol(reference) is IAssemblySymbol assembly
                && assembly.GetTypeByMetadataName("Amazon.CDK.Stack") is { } found)
            {
                return found;
            }
        }

        return compilation.AssemblyName?.StartsWith(KnownCdkNames.CdkNamespace, StringComparison.Ordinal) == true
            ? compilation.GetTypeByMetadataName("Amazon.CDK.Stack")
            : null;
    }

    private static INamedTypeSymbol? FindIConstruct(INamedTypeSymbol? stack)
    {
        for (var type = stack?.BaseType; type is not null; type = type.BaseType)
        {
            foreach (var implemented in type.Interfaces)
            {
                if (implemented.Name == "IConstruct" && implemented.ContainingNamespace?.Name == "Constructs")
                {
                    return implemented;
                }
            }
        }

        return null;
    }

    /// <summary>Resolved at most a few times under contention, with the same answer each time; no lock.</summary>
    private static Lazy<TSymbol?> Lazy<TSymbol>(Func<TSymbol?> lookup)
        where TSymbol : class, ISymbol
        => new(lookup, System.Threading.LazyThreadSafetyMode.PublicationOnly);

    /// <summary>
    /// Does CDK render the construct given to <paramref name="slot"/> in the construct's own stack, whoever calls? A
    /// container definition's task definition (<c>ContainerDefinitionProps.TaskDefinition</c>, a FireLens log router's
    /// too): CDK adds the container to the task definition it is given. An SNS <c>LambdaSubscription</c>'s function: CDK
    /// creates the subscription and the invoke permission under the function. Handing another stack's construct there
    /// imports nothing into the caller's stack (synthesized).
    /// </summary>
    public bool RendersInTheConstructsOwnStack(ISymbol slot)
        => IsContainersTaskDefinition(slot)
            || (slot is IParameterSymbol { ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.Constructor } constructor }
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, _lambdaSubscription.Value));

    private bool IsContainersTaskDefinition(ISymbol slot)
        => slot is IPropertySymbol property
            && _containersTaskDefinition.Value is { } declared
            && (SymbolEqualityComparer.Default.Equals(property.OriginalDefinition, declared)
                || SymbolEqualityComparer.Default.Equals(property.ContainingType.FindImplementationForInterfaceMember(declared), property.OriginalDefinition));

    /// <summary>A CloudWatch metric (<c>IMetric</c>, <c>Metric</c>, <c>MathExpression</c>): it renders its dimensions where an alarm or a dashboard uses it.</summary>
    public bool IsMetric(ITypeSymbol? type)
        => type is not null
            && (IsNamed(type, KnownCdkNames.MetricTypeName, _iMetric)
                || type.AllInterfaces.Any(implemented => IsNamed(implemented, KnownCdkNames.MetricTypeName, _iMetric)));

    /// <summary>Is <paramref name="type"/> the CDK type <paramref name="symbol"/> holds? The name first: the symbol's lookup loads its namespace.</summary>
    private static bool IsNamed(ITypeSymbol type, string name, Lazy<INamedTypeSymbol?> symbol)
        => type.Name == name && SymbolEqualityComparer.Default.Equals(type, symbol.Value);

    /// <summary>
    /// Does a parameter or property of this type render no ARN of the construct it is given? One that takes any construct
    /// (<c>object</c>, <c>IConstruct</c>, <c>IDependable</c>, <c>IResource</c>) does not read one; one that takes a grantee
    /// (<c>IGrantable</c>: <c>bucket.GrantRead(fn.CurrentVersion)</c>) reads only its principal, the
    /// function's or launch template's role, whose policy CDK writes in the role's own stack; one that takes a peer of
    /// security group rules (<c>IConnectable</c>: <c>sg.Connections.AllowFrom(template, port)</c>) reads only its
    /// security groups' ids (synthesized).
    /// </summary>
    public bool TakesNoArn(ITypeSymbol? target)
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
            || comparer.Equals(target, Resource)
            || IsNamed(target, KnownCdkNames.GrantableTypeName, _iGrantable)
            || IsNamed(target, KnownCdkNames.ConnectableTypeName, _iConnectable);
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
            else if (current.Name == KnownCdkNames.ApiDeploymentTypeName && SymbolEqualityComparer.Default.Equals(current, ApiDeployment))
            {
                // The name first: looking the symbol up loads the whole API Gateway namespace.
                kind |= CdkTypeKind.ApiDeployment;
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

        if (comparer.Equals(type, ILayerVersion))
        {
            return CdkTypeKind.LayerVersion;
        }

        // The name first: looking the symbol up loads the whole EC2 namespace, which most interfaces never need.
        return type.Name == "ILaunchTemplate" && comparer.Equals(type, ILaunchTemplate) ? CdkTypeKind.LaunchTemplate : CdkTypeKind.None;
    }
}
