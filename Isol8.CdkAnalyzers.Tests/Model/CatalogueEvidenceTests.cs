using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Isol8.CdkAnalyzers.Model;
using Isol8.CdkAnalyzers.Tests.Deployment;
using Isol8.CdkAnalyzers.Tests.Infrastructure;

namespace Isol8.CdkAnalyzers.Tests.Model;

/// <summary>
/// The catalogue and its evidence (Model/CatalogueEvidence.json, from the CloudFormation resource specification in
/// @aws-cdk/aws-service-spec) stay in step: every entry has a record that meets the rule, every rejected candidate
/// fails it and stays out, and the deployment model treats every entry's resource as the catalogue does.
/// </summary>
public class CatalogueEvidenceTests
{
    private static readonly JsonObject Evidence = Load();

    private static IEnumerable<JsonObject> Records(string section) => Evidence[section]!.AsArray().Select(node => node!.AsObject());

    [Fact]
    public void EveryEntry_HasOneRecord_AndEveryRecordIsAnEntry()
    {
        var entries = VolatileCatalogue.DefaultEntries.Select(entry => entry.TypeMetadataName + "." + entry.MemberName).Order().ToArray();
        Assert.Equal(entries, Records("entries").Select(record => record["member"]!.ToString()).Order().ToArray());
    }

    [Fact]
    public void EveryRecord_MeetsTheRule()
    {
        foreach (var record in Records("entries"))
        {
            var member = record["member"]!.ToString();
            var type = Evidence["resourceTypes"]![record["resourceType"]!.ToString()]!.AsObject();
            var updatable = type["updatableProperties"]!.AsArray().Select(p => p!.ToString()).ToHashSet();
            var ignored = record["ignoredUpdatable"]!.AsArray().Select(p => p!.ToString()).ToHashSet();
            Assert.False(string.IsNullOrWhiteSpace(record["why"]?.ToString()), member);
            switch (record["basis"]!.ToString())
            {
                case "replaced":
                    Assert.True(updatable.IsSubsetOf(ignored), member + ": updatable in place: " + string.Join(", ", updatable.Except(ignored)));
                    Assert.True(ignored.IsSubsetOf(updatable), member + ": ignores properties the type does not have");
                    break;
                case "version-counter":
                    var value = record["value"]!.ToString();
                    Assert.True(value == "Ref" || type["attributes"]!.AsArray().Any(a => a!.ToString() == value), member);
                    break;
                case "cdk-logical-id":
                    var proof = record["proof"]!.ToString();
                    var testType = typeof(CatalogueEvidenceTests).Assembly.GetType(proof[..proof.LastIndexOf('.')]);
                    Assert.NotNull(testType?.GetMethod(proof[(proof.LastIndexOf('.') + 1)..]));
                    break;
                default:
                    Assert.Fail(member + ": unknown basis");
                    break;
            }
        }
    }

    [Fact]
    public void RejectedCandidates_FailTheRule_AndStayOutOfTheCatalogue()
    {
        var entries = VolatileCatalogue.DefaultEntries.Select(entry => entry.TypeMetadataName + "." + entry.MemberName).ToHashSet();
        foreach (var record in Records("rejected"))
        {
            var member = record["member"]!.ToString();
            Assert.DoesNotContain(member, entries);
            var updatable = Evidence["resourceTypes"]![record["resourceType"]!.ToString()]!["updatableProperties"]!.AsArray().Select(p => p!.ToString());
            Assert.Contains(updatable, property => property != "Tags");
        }
    }

    [Fact]
    public void EveryEntryNames_AMemberOfCdk()
    {
        var cdk = CdkTypes.TryCreate(TestCompilation.Create("class Empty { }"))!.Assembly!;
        foreach (var entry in VolatileCatalogue.DefaultEntries)
        {
            var type = cdk.GetTypeByMetadataName(entry.TypeMetadataName);
            Assert.True(type is not null, entry.TypeMetadataName);
            var members = type!.GetMembers(entry.MemberName).Concat(type.AllInterfaces.SelectMany(i => i.GetMembers(entry.MemberName)));
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            {
                members = members.Concat(baseType.GetMembers(entry.MemberName));
            }

            Assert.True(members.Any(), entry.TypeMetadataName + "." + entry.MemberName);
        }
    }

    [Fact]
    public void TheDeploymentModel_ChangesEveryEntrysValue()
    {
        foreach (var record in Records("entries"))
        {
            var value = record["value"]!.ToString();
            Assert.True(ReplacedOnUpdate.IsVolatile(record["resourceType"]!.ToString(), value == "Ref" ? null : value), record["member"]!.ToString());
        }
    }

    private static JsonObject Load()
    {
        using var stream = typeof(CatalogueEvidenceTests).Assembly.GetManifestResourceStream("CatalogueEvidence.json")!;
        return JsonNode.Parse(new StreamReader(stream).ReadToEnd())!.AsObject();
    }
}
