using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Administration;

/// <summary>Issue 14, bad input on the definition lifecycle: nothing is published that should not be, and the store is unchanged.</summary>
public sealed class DefinitionAdministrationBadInputTests : IAsyncLifetime
{
    private readonly CaseServers _servers = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _servers.DisposeAsync();

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Publish_InvalidDraft_422WithEveryProblemAndItsLine_NothingPublished(string provider)
    {
        var admin = new AdminClient(await _servers.GetAsync(provider));
        string broken = string.Empty;
        var id = await admin.DraftAsync("claim@2.0.0", t => broken = ClaimEdits.Renumber(t, "2.1.0", "2026-03-02")
            .Replace("calendar: cn-mainland", "calendar: cn-nowhere", StringComparison.Ordinal)
            .Replace("initial: ClueScreening", "initial: nowhere", StringComparison.Ordinal));

        using var response = await admin.PublishAsync(id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems").EnumerateArray()
            .Where(p => p.GetProperty("severity").GetString() == "error").ToList();
        Assert.Contains(problems, p => p.GetProperty("message").GetString()!.Contains("cn-nowhere", StringComparison.Ordinal)
                                       && p.GetProperty("line").GetInt32() == TestFiles.LineOf(broken, "calendar: cn-nowhere"));
        Assert.Contains(problems, p => p.GetProperty("message").GetString()!.Contains("nowhere", StringComparison.Ordinal)
                                       && p.GetProperty("line").GetInt32() == TestFiles.LineOf(broken, "initial: nowhere"));
        Assert.All(problems, p => Assert.Equal($"draft:{id}", p.GetProperty("file").GetString()));
        Assert.DoesNotContain((await admin.DefinitionsAsync()).GetProperty("definitions").EnumerateArray(), d => d.GetProperty("version").GetString() == "2.1.0");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync($"/api/definitions/drafts/{id}")).StatusCode); // the draft stays, to be fixed
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task NonAdministrator_CannotDraftPublishOrWithdraw_403(string provider)
    {
        var factory = await _servers.GetAsync(provider);
        var admin = new AdminClient(factory);
        var id = await admin.DraftAsync("claim@2.0.0", t => ClaimEdits.Renumber(t, "2.1.0", "2026-03-02"));
        var handler = new CaseClient(factory).As(CaseClient.LawEnforcement);

        using var create = await handler.PostAsJsonAsync("/api/definitions/drafts", new { basedOn = "claim@2.0.0" });
        using var publish = await handler.PostAsJsonAsync($"/api/definitions/drafts/{id}/publish", new { reason = "x" });
        using var withdraw = await handler.PostAsJsonAsync("/api/definitions/claim/versions/2.0.0/withdraw", new { reason = "x" });
        using var trail = await handler.GetAsync("/api/admin/audit");

        Assert.Equal(
            [HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            new[] { create.StatusCode, publish.StatusCode, withdraw.StatusCode, trail.StatusCode });
        Assert.DoesNotContain((await admin.DefinitionsAsync()).GetProperty("definitions").EnumerateArray(), d => d.GetProperty("version").GetString() == "2.1.0");
        Assert.Equal(["catalog.imported", "draft.created", "draft.updated"], (await admin.TrailAsync()).Select(e => e.GetProperty("kind").GetString()));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Administrator_CannotFireCaseTriggers(string provider)
    {
        var factory = await _servers.GetAsync(provider);
        var cases = new CaseClient(factory);
        var id = (await cases.RegisterClueAsync()).GetProperty("id").GetString()!;
        var before = await cases.GetAsync(id);

        var (status, _) = await cases.TryFireAsync(Hardening.TestKeys.Administrator, id, "StartPreliminaryCheck");

        Assert.Equal(HttpStatusCode.NotFound, status); // the administrator's scope reaches no case: it is not even revealed
        Assert.Equal(before.GetProperty("version").GetInt64(), (await cases.GetAsync(id)).GetProperty("version").GetInt64());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task ConcurrentPublishesOfOneDraft_OneWins(string provider)
    {
        var admin = new AdminClient(await _servers.GetAsync(provider));
        var id = await admin.DraftAsync("claim@2.0.0", t => ClaimEdits.Renumber(t, "2.1.0", "2026-03-02"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => admin.PublishAsync(id)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created),
            r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Conflict, HttpStatusCode.NotFound }));
        Assert.Single((await admin.DefinitionsAsync()).GetProperty("definitions").EnumerateArray(), d => d.GetProperty("version").GetString() == "2.1.0");
        Assert.Single(await admin.TrailAsync(), e => e.GetProperty("kind").GetString() == "definition.published");
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    [Fact]
    public async Task FolderMode_EditsRefused409_DefinitionsStillServed()
    {
        await using var factory = new ServerFactory();
        factory.Settings["WorkflowDefinitions:Mode"] = "Folder";
        var admin = new AdminClient(factory);

        using var create = await admin.Http.PostAsJsonAsync("/api/definitions/drafts", new { basedOn = "claim@2.0.0" });

        Assert.Equal(HttpStatusCode.Conflict, create.StatusCode);
        Assert.Contains("Folder", await create.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("file", (await admin.VersionAsync("claim", "2.0.0")).GetProperty("status").GetString());
        Assert.Empty(await admin.TrailAsync());
    }
}
