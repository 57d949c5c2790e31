using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDamage.Workflow.Server.Tests.Apis;

public sealed class ReferenceApiTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Fact]
    public async Task Get_ShippedReference_ListsRolesDepartmentsJurisdictionsChannelsAndDomains()
    {
        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/reference");

        string[] Ids(string name) => json.GetProperty(name).EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToArray();
        Assert.Contains("procuratorate", Ids("roles"));
        Assert.Equal(17, Ids("departments").Length);
        Assert.Contains("maritimeBureau", Ids("departments"));
        Assert.Contains("chongchuan", Ids("jurisdictions"));
        Assert.Equal(10, Ids("channels").Length);
        Assert.Equal(13, Ids("domains").Length);
        var ecology = json.GetProperty("departments").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "ecologyBureau");
        Assert.Equal("市生态环境局", ecology.GetProperty("zh").GetString());
        Assert.Equal("lead", ecology.GetProperty("duty").GetString());
        // R27: the treasuries, the city's and one per jurisdiction, each naming the jurisdiction it serves.
        Assert.Equal(Ids("jurisdictions").Length, Ids("treasuries").Length);
        var city = json.GetProperty("treasuries").EnumerateArray().First();
        Assert.Equal(("nantong", "nantong"), (city.GetProperty("id").GetString(), city.GetProperty("jurisdiction").GetString()));
    }

    [Fact]
    public async Task Get_EveryRoutedDepartment_IsAKnownDepartment()
    {
        var json = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/reference");
        var departments = json.GetProperty("departments").EnumerateArray().Select(e => e.GetProperty("id").GetString()).ToHashSet();
        var table = TestUtils.ShippedCatalog.Catalog.Tables["department-routing"];

        Assert.All(table.Rows.Values.Append(table.Default!), d => Assert.Contains(d, departments));
        // R2: the vessel-pollution row branches by port waters and fishing; its leaves are departments too.
        var vessel = table.Branches["vesselPollution"];
        Assert.All(vessel.Rows.Values.Concat(vessel.Branches.Values.SelectMany(b => b.Rows.Values)), d => Assert.Contains(d, departments));
    }

    [Fact]
    public async Task Post_ToReference_IsMethodNotAllowedProblem()
    {
        var response = await factory.CreateClient().PostAsync("/api/reference", null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
