using System.Text;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>
/// The hostile requests of issue 13 that answered 500 (or were silently accepted), each now a 400 ProblemDetails
/// naming the field, with nothing stored. Each test fails on the code before the request guards.
/// </summary>
public sealed class HostileInputTests(CaseServers servers) : IClassFixture<CaseServers>
{
    /// <summary>Regression (500): an escaped lone surrogate in trigger data made <c>JsonElement.GetString</c> throw.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public Task FireTrigger_LoneSurrogateInData_400NamingTheField_NothingStored(string provider) =>
        FireRawAsync(provider, "DismissClue", "{\"data\": {\"description\": \"bad \\ud800 text\"}}", "$.data.description");

    /// <summary>Regression (500 on PostgreSQL): NUL in a stored string failed the commit.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public Task FireTrigger_NulInData_400NamingTheField_NothingStored(string provider) =>
        FireRawAsync(provider, "DismissClue", "{\"data\": {\"description\": \"bad \\u0000 text\"}}", "$.data.description");

    /// <summary>Regression (accepted, the last value silently winning): a property given twice.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public Task FireTrigger_DuplicateProperty_400NamingIt_NothingStored(string provider) =>
        FireRawAsync(provider, "StartPreliminaryCheck", "{\"data\": {}, \"data\": {}}", "$.data");

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public Task FireTrigger_NestedDeeperThanTheLimit_400_NothingStored(string provider) =>
        FireRawAsync(provider, "StartPreliminaryCheck", "{\"data\": {\"x\": " + new string('[', 40) + new string(']', 40) + "}}", null);

    /// <summary>Regression (500 on PostgreSQL): NUL in a clue's description.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task RegisterClue_NulInDescription_400NamingTheField_NothingStored(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var before = await StoreSnapshot.TakeAsync(factory);
        using var content = new StringContent(
            "{\"channel\": \"suddenIncident\", \"domain\": \"environmentalPollution\", \"jurisdiction\": \"chongchuan\", \"description\": \"a\\u0000b\"}",
            Encoding.UTF8,
            "application/json");

        using var response = await api.As(CaseClient.LawEnforcement).PostAsync("/api/clues", content);

        await ProblemAssert.NamesFieldAsync(response, "$.description");
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));
    }

    /// <summary>Regression (500): NUL in a list filter reached the SQL as a constant.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task ListCases_NulInFilter_400NamingTheParameter(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));

        using var response = await api.As(CaseClient.LawEnforcement).GetAsync("/api/cases?department=eco%00logyBureau");

        await ProblemAssert.NamesFieldAsync(response, "department");
    }

    /// <summary>A NUL in an idempotency key (a header used as a stored value) is refused before the command.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task FireTrigger_NulInIdempotencyKey_400NamingTheHeader_NothingStored(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var before = await StoreSnapshot.TakeAsync(factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{id}/triggers/StartPreliminaryCheck")
        {
            Content = new StringContent("{\"data\": {}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "key\u0000one");

        using var response = await api.As(CaseClient.LawEnforcement).SendAsync(request);

        await ProblemAssert.NamesFieldAsync(response, "Idempotency-Key");
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task FireTrigger_MalformedJsonWithoutKey_401First(string provider)
    {
        var api = new CaseClient(await servers.GetAsync(provider));
        using var content = new StringContent("{\"data\": ", Encoding.UTF8, "application/json");

        using var response = await api.As(null).PostAsync("/api/cases/CASE-1/triggers/StartPreliminaryCheck", content);

        await ProblemAssert.IsAsync(response, 401);
    }

    private async Task FireRawAsync(string provider, string trigger, string body, string? field)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var before = await StoreSnapshot.TakeAsync(factory);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await api.As(CaseClient.LawEnforcement).PostAsync($"/api/cases/{id}/triggers/{trigger}", content);

        if (field is null)
        {
            await ProblemAssert.IsAsync(response, 400);
        }
        else
        {
            await ProblemAssert.NamesFieldAsync(response, field);
        }

        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));
    }
}
