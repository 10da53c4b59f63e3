using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Isol8.CdkAnalyzers.Tests.Rules;

/// <summary>
/// ICDK001's fixes act on the analyzer's finding as the diagnostic carries it (its shape, the consumer scope the
/// helper reads into and that scope's location), not on a second run of the ownership analysis.
/// </summary>
public class CrossStackFixReadsTheFindingTests
{
    private const string StageApp = CdkSources.Usings + CdkSources.ContainerStack + """
        public class ServiceStack : Stack
        {
            public ServiceStack(Construct scope, string id) : base(scope, id)
            {
            }
        }

        public class ProdStage : Stage
        {
            public ProdStage(Construct scope, string id) : base(scope, id)
            {
                var container = new ContainerStack(this, "Container");
                var service = new ServiceStack(this, "Service");
                new CfnOutput(service, "Arn", new CfnOutputProps { Value = container.TaskDef.TaskDefinitionArn });
            }
        }
        """;

    [Fact]
    public async Task Diagnostic_CarriesTheConsumerScopeTheFixReadsInto()
    {
        using var fixer = new WorkspaceFixer(StageApp);
        var diagnostic = Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));

        Assert.Equal("Expression", diagnostic.Properties["HelperScope"]);
        Assert.Equal("ContainerStack", diagnostic.Properties[CrossStackVolatileReferenceAnalyzer.OwnerStackProperty]);
        Assert.Equal("ServiceStack", diagnostic.Properties[CrossStackVolatileReferenceAnalyzer.ConsumerStackProperty]);
        Assert.Equal(nameof(CrossStackReferenceShape.VolatileMemberRead), diagnostic.Properties[CrossStackVolatileReferenceAnalyzer.ShapeProperty]);
        var scope = Assert.Single(diagnostic.AdditionalLocations);
        Assert.Equal("service", scope.SourceTree!.GetText().ToString(scope.SourceSpan));
        Assert.Contains("CrossStackParameters.TaskDefinitionArn(service, container.TaskDef, keepOldExport: true)", await SsmFixTextAsync(fixer, diagnostic));
    }

    [Fact]
    public async Task OwnerKnownOnlyAsAnotherStack_HasNoOwnerStackProperty()
    {
        using var fixer = new WorkspaceFixer(CdkSources.Usings + """
            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, FargateTaskDefinition taskDef) : base(scope, id)
                {
                    new CfnOutput(this, "Arn", new CfnOutputProps { Value = taskDef.TaskDefinitionArn });
                }
            }
            """);
        var diagnostic = Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));

        Assert.False(diagnostic.Properties.ContainsKey(CrossStackVolatileReferenceAnalyzer.OwnerStackProperty));
        Assert.Equal("ServiceStack", diagnostic.Properties[CrossStackVolatileReferenceAnalyzer.ConsumerStackProperty]);
        Assert.Equal("This", diagnostic.Properties["HelperScope"]);
        Assert.Contains("another stack", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task DiagnosticWithoutAConsumerScope_GetsNoSsmFix_TheFixDoesNotLookForOneItself()
    {
        using var fixer = new WorkspaceFixer(StageApp);
        var diagnostic = Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        var withoutScope = Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, diagnostic.Properties.Remove("HelperScope"), "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack");

        var actions = await ActionsAsync(fixer, withoutScope);

        Assert.DoesNotContain(actions, action => action.EquivalenceKey == CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey);
        Assert.Contains(actions, action => action.EquivalenceKey == CrossStackVolatileReferenceFixer.FamilyEquivalenceKey);
    }

    [Fact]
    public async Task DiagnosticNamingThis_IsFixedWithThis_AsTheAnalyzerSaid()
    {
        using var fixer = new WorkspaceFixer(StageApp);
        var diagnostic = Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        var namingThis = Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, diagnostic.Properties.SetItem("HelperScope", "This"), "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack");

        Assert.Contains("CrossStackParameters.TaskDefinitionArn(this, container.TaskDef, keepOldExport: true)", await SsmFixTextAsync(fixer, namingThis));
    }

    [Fact]
    public async Task DiagnosticWithoutItsShape_GetsNoFix()
    {
        using var fixer = new WorkspaceFixer(StageApp);
        var diagnostic = Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));
        var withoutShape = Diagnostic.Create(diagnostic.Descriptor, diagnostic.Location, diagnostic.AdditionalLocations, diagnostic.Properties.Remove(CrossStackVolatileReferenceAnalyzer.ShapeProperty), "TaskDefinitionArn", "stack 'ContainerStack'", "ServiceStack");

        Assert.Empty(await ActionsAsync(fixer, withoutShape));
    }

    [Fact]
    public async Task GrantOnAVolatileConstruct_CarriesNoScope_AndGetsNoFix()
    {
        using var fixer = new WorkspaceFixer(CdkSources.Usings + CdkSources.ContainerStack + """
            public class RunnerStack : Stack
            {
                public RunnerStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var role = new Amazon.CDK.AWS.IAM.Role(this, "Runner", new Amazon.CDK.AWS.IAM.RoleProps { AssumedBy = new Amazon.CDK.AWS.IAM.ServicePrincipal("ecs-tasks.amazonaws.com") });
                    container.TaskDef.GrantRun(role);
                }
            }
            """);
        var diagnostic = Assert.Single(await fixer.DiagnosticsAsync(DiagnosticIds.CrossStackVolatileReference));

        Assert.Equal(nameof(CrossStackReferenceShape.GrantOnVolatileConstruct), diagnostic.Properties[CrossStackVolatileReferenceAnalyzer.ShapeProperty]);
        Assert.False(diagnostic.Properties.ContainsKey("HelperScope"));
        Assert.Empty(await ActionsAsync(fixer, diagnostic));
    }

    private static Task<List<CodeAction>> ActionsAsync(WorkspaceFixer fixer, Diagnostic diagnostic)
        => fixer.ActionsAsync(new CrossStackVolatileReferenceFixer(), diagnostic);

    private static async Task<string> SsmFixTextAsync(WorkspaceFixer fixer, Diagnostic diagnostic)
    {
        var action = (await ActionsAsync(fixer, diagnostic)).Single(a => a.EquivalenceKey == CrossStackVolatileReferenceFixer.SsmParameterEquivalenceKey);
        var change = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var document = change.ChangedSolution.GetDocument(fixer.Solution.GetDocument(diagnostic.Location.SourceTree)!.Id)!;
        return (await document.GetTextAsync()).ToString();
    }
}
