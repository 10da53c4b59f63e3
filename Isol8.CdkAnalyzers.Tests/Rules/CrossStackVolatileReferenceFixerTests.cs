using System.Threading.Tasks;
using Isol8.CdkAnalyzers.CodeFixes.Rules;
using Isol8.CdkAnalyzers.Rules;
using Isol8.CdkAnalyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Verify = Isol8.CdkAnalyzers.Tests.Infrastructure.CSharpCodeFixVerifier<Isol8.CdkAnalyzers.Rules.CrossStackVolatileReferenceAnalyzer, Isol8.CdkAnalyzers.CodeFixes.Rules.CrossStackVolatileReferenceFixer>;

namespace Isol8.CdkAnalyzers.Tests.Rules;

public class CrossStackVolatileReferenceFixerTests
{
    private const string ContainerStack = """
        using Amazon.CDK;
        using Amazon.CDK.AWS.ECS;
        using Constructs;

        namespace Isol8.Infra;

        public class ContainerStack : Stack
        {
            public ContainerStack(Construct scope, string id) : base(scope, id)
            {
                TaskDef = new FargateTaskDefinition(this, "TaskDef", new FargateTaskDefinitionProps { Family = "isol8-openclaw" });
            }

            public FargateTaskDefinition TaskDef { get; }
        }
        """;

    [Fact]
    public async Task PropsMemberRead_BecomesSsmParameterRead_AndAddsTheHelper()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(ContainerStack);
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["TASK_DEFINITION_ARN"] = {|ICDK001:container.TaskDef.TaskDefinitionArn|},
                    };
                }
            }
            """);
        test.FixedState.Sources.Add(ContainerStack);
        test.FixedState.Sources.Add("""
            using System.Collections.Generic;
            using Amazon.CDK;
            using Constructs;

            namespace Isol8.Infra;

            public class ServiceStack : Stack
            {
                public ServiceStack(Construct scope, string id, ContainerStack container) : base(scope, id)
                {
                    var environment = new Dictionary<string, string>
                    {
                        ["TASK_DEFINITION_ARN"] = CrossStackParameters.TaskDefinitionArn(this, container.TaskDef),
                    };
                }
            }
            """);
        test.FixedState.Sources.Add(("CrossStackParameters.cs", ExpectedFiles.CrossStackParameters));
        await test.RunAsync();
    }
}
