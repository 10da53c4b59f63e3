using Isol8.CdkAnalyzers.Model;

namespace Isol8.CdkAnalyzers.Tests.Model;

public class CatalogueEntryTests
{
    [Theory]
    [InlineData("Amazon.CDK.AWS.ECS.ITaskDefinition.TaskDefinitionArn", "Amazon.CDK.AWS.ECS.ITaskDefinition", "TaskDefinitionArn")]
    [InlineData("P:Amazon.CDK.AWS.ECS.ITaskDefinition.TaskDefinitionArn", "Amazon.CDK.AWS.ECS.ITaskDefinition", "TaskDefinitionArn")]
    [InlineData("  F:My.Company.Images.Build._digest ", "My.Company.Images.Build", "_digest")]
    [InlineData("M:My.Outer+Inner.Get(System.String)", "My.Outer+Inner", "Get")]
    [InlineData("My.Generic`1.Value", "My.Generic`1", "Value")]
    public void Parses_TypeAndMemberOrDocumentationIds(string text, string type, string member)
    {
        Assert.True(CatalogueEntry.TryParse(text, out var entry));
        Assert.Equal(type, entry.TypeMetadataName);
        Assert.Equal(member, entry.MemberName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("TaskDefinitionArn")]
    [InlineData(".TaskDefinitionArn")]
    [InlineData("Amazon.CDK.")]
    [InlineData("P:")]
    [InlineData("Amazon..ITaskDefinition.Arn")]
    [InlineData("Amazon.CDK.ITask Definition.Arn")]
    [InlineData("1Amazon.Type.Member")]
    public void Rejects_AnythingElse(string text)
        => Assert.False(CatalogueEntry.TryParse(text, out _));
}
