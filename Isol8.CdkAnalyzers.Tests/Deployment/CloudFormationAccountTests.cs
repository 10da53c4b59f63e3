using System.Linq;
using System.Text.Json.Nodes;

namespace Isol8.CdkAnalyzers.Tests.Deployment;

/// <summary>The model of CloudFormation's cross-stack rules, on small hand-written templates: each rule fails where it must and passes where it must.</summary>
public class CloudFormationAccountTests
{
    private const string TaskDefinitionOwner = """
        {
          "Resources": {
            "TaskDef": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "Family": "app", "ContainerDefinitions": [ { "Name": "app", "Image": "nginx:1" } ] } },
            "Role": { "Type": "AWS::IAM::Role", "Properties": { "Description": "first" } }
          },
          "Outputs": {
            "TaskDefArn": { "Value": { "Ref": "TaskDef" }, "Export": { "Name": "Owner:TaskDefArn" } },
            "RoleArn": { "Value": { "Fn::GetAtt": [ "Role", "Arn" ] }, "Export": { "Name": "Owner:RoleArn" } }
          }
        }
        """;

    private const string Importer = """
        {
          "Resources": {
            "Queue": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": { "Fn::Join": [ "-", [ "q", { "Fn::ImportValue": "Owner:TaskDefArn" } ] ] } } }
          }
        }
        """;

    [Fact]
    public void ImportOfAnExportThatExists_Deploys()
    {
        var account = CloudFormationAccount.Empty();
        Assert.True(account.Deploy(Stack("Owner", TaskDefinitionOwner)).Succeeded);
        Assert.True(account.Deploy(Stack("Consumer", Importer)).Succeeded);
        Assert.Equal(new[] { "Owner:TaskDefArn" }, account.ImportsOf("Consumer"));
    }

    [Fact]
    public void ImportOfAMissingExport_Fails()
    {
        var outcome = CloudFormationAccount.Empty().Deploy(Stack("Consumer", Importer));
        Assert.Equal("No export named Owner:TaskDefArn found", outcome.Error);
    }

    [Fact]
    public void ImportInOutputs_Counts()
    {
        var account = CloudFormationAccount.Empty();
        account.Deploy(Stack("Owner", TaskDefinitionOwner));
        Assert.True(account.Deploy(Stack("Consumer", """{ "Outputs": { "Arn": { "Value": { "Fn::ImportValue": "Owner:RoleArn" } } } }""")).Succeeded);
        Assert.Equal("Export Owner:RoleArn cannot be deleted as it is in use by Consumer", account.Deploy(Stack("Owner", """{ "Resources": {} }""")).Error);
    }

    [Fact]
    public void ChangedTaskDefinition_ExportInUse_CannotBeUpdated()
    {
        var account = Deployed();
        var outcome = account.Deploy(Stack("Owner", TaskDefinitionOwner.Replace("nginx:1", "nginx:2", System.StringComparison.Ordinal)));
        Assert.False(outcome.Succeeded);
        Assert.Equal("Export Owner:TaskDefArn cannot be updated as it is in use by Consumer", outcome.Error);
    }

    [Fact]
    public void ChangedRole_KeepsItsArn_ExportInUseStays()
    {
        var account = Deployed();
        Assert.True(account.Deploy(Stack("Owner", TaskDefinitionOwner.Replace("first", "second", System.StringComparison.Ordinal))).Succeeded);
    }

    [Fact]
    public void UnchangedTaskDefinition_RedeployKeepsTheExport()
    {
        var account = Deployed();
        var before = account.Exports["Owner:TaskDefArn"];
        Assert.True(account.Deploy(Stack("Owner", TaskDefinitionOwner)).Succeeded);
        Assert.Equal(before, account.Exports["Owner:TaskDefArn"]);
    }

    [Fact]
    public void ExportInUse_CannotBeRemoved()
    {
        var account = Deployed();
        var withoutExport = JsonNode.Parse(TaskDefinitionOwner)!.AsObject();
        withoutExport["Outputs"]!.AsObject().Remove("TaskDefArn");
        Assert.Equal("Export Owner:TaskDefArn cannot be deleted as it is in use by Consumer", account.Deploy(new StackDeployment("Owner", "Owner", withoutExport, [])).Error);
    }

    [Fact]
    public void ExportNoLongerImported_CanChangeAndGo()
    {
        var account = Deployed();
        Assert.True(account.Deploy(Stack("Consumer", """{ "Resources": { "Queue": { "Type": "AWS::SQS::Queue" } } }""")).Succeeded);
        Assert.True(account.Deploy(Stack("Owner", TaskDefinitionOwner.Replace("nginx:1", "nginx:2", System.StringComparison.Ordinal))).Succeeded);
        Assert.True(account.Deploy(Stack("Owner", """{ "Resources": {} }""")).Succeeded);
    }

    [Fact]
    public void ExportNameTakenByAnotherStack_Fails()
    {
        var account = CloudFormationAccount.Empty();
        account.Deploy(Stack("Owner", TaskDefinitionOwner));
        Assert.Equal("Export with name Owner:TaskDefArn is already exported by stack Owner", account.Deploy(Stack("Copy", TaskDefinitionOwner)).Error);
    }

    [Fact]
    public void FailedDeployment_ChangesNothing()
    {
        var account = Deployed();
        var exports = account.Exports.ToDictionary(pair => pair.Key, pair => pair.Value);
        account.Deploy(Stack("Owner", TaskDefinitionOwner.Replace("nginx:1", "nginx:2", System.StringComparison.Ordinal)));
        Assert.Equal(exports, account.Exports);
    }

    [Fact]
    public void ChangeThroughAReference_ReachesTheTaskDefinition()
    {
        const string Owner = """
            {
              "Parameters": { "Image": { "Type": "String", "Default": "nginx:1" } },
              "Resources": { "TaskDef": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "ContainerDefinitions": [ { "Image": { "Fn::Sub": "registry/${Image}" } } ] } } },
              "Outputs": { "Arn": { "Value": { "Ref": "TaskDef" }, "Export": { "Name": "Owner:Arn" } } }
            }
            """;
        var account = CloudFormationAccount.Empty();
        account.Deploy(Stack("Owner", Owner));
        account.Deploy(Stack("Consumer", """{ "Outputs": { "Arn": { "Value": { "Fn::ImportValue": "Owner:Arn" } } } }"""));
        Assert.Equal("Export Owner:Arn cannot be updated as it is in use by Consumer", account.Deploy(Stack("Owner", Owner.Replace("nginx:1", "nginx:2", System.StringComparison.Ordinal))).Error);
    }

    [Fact]
    public void NewLambdaVersionLogicalId_IsANewVersion()
    {
        const string Owner = """
            {
              "Resources": { "FnCurrentVersionAAAA": { "Type": "AWS::Lambda::Version", "Properties": { "FunctionName": "f" } } },
              "Outputs": { "V": { "Value": { "Ref": "FnCurrentVersionAAAA" }, "Export": { "Name": "Owner:V" } } }
            }
            """;
        var account = CloudFormationAccount.Empty();
        account.Deploy(Stack("Owner", Owner));
        account.Deploy(Stack("Consumer", """{ "Outputs": { "V": { "Value": { "Fn::ImportValue": "Owner:V" } } } }"""));
        Assert.Equal("Export Owner:V cannot be updated as it is in use by Consumer", account.Deploy(Stack("Owner", Owner.Replace("AAAA", "BBBB", System.StringComparison.Ordinal))).Error);
    }

    [Fact]
    public void SsmParameterInput_NeedsAPublishedParameter()
    {
        const string Reader = """
            {
              "Parameters": {
                "BootstrapVersion": { "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version" },
                "Arn": { "Type": "AWS::SSM::Parameter::Value<String>", "Default": "/x/arn" }
              },
              "Resources": { "Queue": { "Type": "AWS::SQS::Queue", "Properties": { "QueueName": { "Ref": "Arn" } } } }
            }
            """;
        const string Publisher = """
            {
              "Resources": {
                "TaskDef": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "Family": "app" } },
                "ArnParameter": { "Type": "AWS::SSM::Parameter", "Properties": { "Type": "String", "Name": "/x/arn", "Value": { "Ref": "TaskDef" } } }
              }
            }
            """;
        var account = CloudFormationAccount.Empty();
        Assert.Equal("Unable to fetch parameters [/x/arn] from parameter store for this account.", account.Deploy(Stack("Reader", Reader)).Error);
        Assert.True(account.Deploy(Stack("Publisher", Publisher)).Succeeded);
        Assert.True(account.Deploy(Stack("Reader", Reader)).Succeeded);
        Assert.Equal("/x/arn already exists in stack Publisher", account.Deploy(Stack("Copy", Publisher)).Error);
    }

    [Fact]
    public void DeployOrders_FollowTheDependencies()
    {
        var app = DeployableApp.Of(
            new StackDeployment("A", "A", new JsonObject(), []),
            new StackDeployment("B", "B", new JsonObject(), ["A"]),
            new StackDeployment("C", "C", new JsonObject(), []));
        var orders = app.DeployOrders().Select(order => string.Concat(order.Select(stack => stack.ArtifactId))).ToList();
        Assert.Equal(new[] { "ABC", "ACB", "CAB" }, orders);
    }

    [Fact]
    public void VolatileChange_TouchesOnlyReplacedTypes()
    {
        var app = DeployableApp.Of(Stack("Owner", TaskDefinitionOwner)).WithVolatileResourcesChanged();
        var resources = app.Stack("Owner").Template["Resources"]!;
        Assert.Equal("registry.example/app:next", resources["TaskDef"]!["Properties"]!["ContainerDefinitions"]![0]!["Image"]!.ToString());
        Assert.Equal("first", resources["Role"]!["Properties"]!["Description"]!.ToString());
    }

    /// <summary>A launch template stays when its data changes; its LatestVersionNumber counts up, its id does not change.</summary>
    [Fact]
    public void ChangedLaunchTemplate_VersionNumberExportInUse_CannotBeUpdated_IdExportCan()
    {
        const string Owner = """
            {
              "Resources": { "Template": { "Type": "AWS::EC2::LaunchTemplate", "Properties": { "LaunchTemplateData": { "ImageId": "ami-1" } } } },
              "Outputs": {
                "Version": { "Value": { "Fn::GetAtt": [ "Template", "LatestVersionNumber" ] }, "Export": { "Name": "Owner:Version" } },
                "Id": { "Value": { "Ref": "Template" }, "Export": { "Name": "Owner:Id" } }
              }
            }
            """;
        foreach (var (export, succeeds) in new[] { ("Owner:Version", false), ("Owner:Id", true) })
        {
            var account = CloudFormationAccount.Empty();
            Assert.True(account.Deploy(Stack("Owner", Owner)).Succeeded);
            Assert.True(account.Deploy(Stack("Consumer", Importer.Replace("Owner:TaskDefArn", export, System.StringComparison.Ordinal))).Succeeded);
            var outcome = account.Deploy(Stack("Owner", Owner.Replace("ami-1", "ami-2", System.StringComparison.Ordinal)));
            Assert.Equal(succeeds, outcome.Succeeded);
        }
    }

    private static CloudFormationAccount Deployed()
    {
        var account = CloudFormationAccount.Empty();
        Assert.True(account.Deploy(Stack("Owner", TaskDefinitionOwner)).Succeeded);
        Assert.True(account.Deploy(Stack("Consumer", Importer)).Succeeded);
        return account;
    }

    private static StackDeployment Stack(string name, string template) => new(name, name, JsonNode.Parse(template)!.AsObject(), []);
}
