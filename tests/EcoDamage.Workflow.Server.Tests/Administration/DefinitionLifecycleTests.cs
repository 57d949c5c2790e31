using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Administration;

/// <summary>
/// Issue 14, the definition lifecycle through the API on both providers: draft → validate → publish → immutability → a
/// new case on the new version while a running case stays on its own (R35: a version is in force for its period) →
/// withdrawal; every step in the hash-chained administration trail.
/// </summary>
public sealed class DefinitionLifecycleTests : IAsyncLifetime
{
    private readonly CaseServers _servers = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _servers.DisposeAsync();

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task DraftPublishAndPin_NewCasesOnTheNewVersion_RunningCasesStayOnTheirs(string provider)
    {
        var factory = await _servers.GetAsync(provider);
        var cases = new CaseClient(factory);
        var admin = new AdminClient(factory);
        var running = (await cases.RegisterClueAsync()).GetProperty("id").GetString()!;

        // A draft from the published version: until renumbered it repeats claim@2.0.0, which publication refuses (WF051).
        var (draftId, etag, created) = await admin.CreateDraftAsync(new { basedOn = "claim@2.0.0" });
        Assert.Equal("\"1\"", etag);
        Assert.Equal("claim@2.0.0", created.GetProperty("basedOn").GetString());
        Assert.False(created.GetProperty("valid").GetBoolean());
        Assert.Equal(["WF051"], created.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("rule").GetString()));

        var text = ClaimEdits.RaiseSimplifiedThreshold(ClaimEdits.Renumber(created.GetProperty("text").GetString()!, "2.1.0", "2026-03-02"));
        using (var noPrecondition = await admin.SaveAsync(draftId, text, ifMatch: null))
        {
            Assert.Equal(HttpStatusCode.PreconditionRequired, noPrecondition.StatusCode);
        }

        using (var saved = await admin.SaveAsync(draftId, text, etag))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            Assert.Equal("\"2\"", AdminClient.ETagOf(saved));
            var body = await saved.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(body.GetProperty("valid").GetBoolean(), body.GetProperty("problems").ToString());
            Assert.Equal("claim@2.1.0", body.GetProperty("definition").GetString());
        }

        using (var stale = await admin.SaveAsync(draftId, text + "\n# a concurrent edit\n", etag))
        {
            Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
            Assert.Equal("\"2\"", AdminClient.ETagOf(stale));
        }

        using (var published = await admin.PublishAsync(draftId, "R13/N8: simplified-procedure ceiling raised to ¥1,000,000"))
        {
            Assert.Equal(HttpStatusCode.Created, published.StatusCode);
            Assert.Equal("/api/definitions/claim/versions/2.1.0", published.Headers.Location?.OriginalString);
            var body = await published.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("claim@2.1.0", body.GetProperty("subject").GetString());
            Assert.Equal("R13/N8: simplified-procedure ceiling raised to ¥1,000,000", body.GetProperty("reason").GetString());
        }

        // The draft is gone; the version is published with who, when, why, and the one before it ends the day before.
        using (var gone = await admin.Http.GetAsync($"/api/definitions/drafts/{draftId}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        var v21 = await admin.VersionAsync("claim", "2.1.0");
        Assert.Equal("published", v21.GetProperty("status").GetString());
        Assert.Equal("administration-console", v21.GetProperty("publishedBy").GetString());
        Assert.Equal("2026-03-02", v21.GetProperty("effectiveFrom").GetString());
        Assert.Equal(JsonValueKind.Null, v21.GetProperty("effectiveTo").ValueKind);
        Assert.True(v21.GetProperty("inForce").GetBoolean());
        var v20 = await admin.VersionAsync("claim", "2.0.0");
        Assert.Equal("2026-03-01", v20.GetProperty("effectiveTo").GetString());
        Assert.False(v20.GetProperty("inForce").GetBoolean());
        Assert.Equal("system", v20.GetProperty("publishedBy").GetString());

        // Immutable: the published version cannot be edited, nor published again from a draft.
        using (var edit = await admin.Http.PutAsync("/api/definitions/claim/versions/2.1.0", new StringContent(text)))
        {
            Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        }

        var again = await admin.DraftAsync("claim@2.1.0", t => t.Replace("value: 1000000", "value: 900000", StringComparison.Ordinal));
        using (var republish = await admin.PublishAsync(again))
        {
            Assert.Equal(HttpStatusCode.Conflict, republish.StatusCode);
            Assert.Contains("claim@2.1.0", await republish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var yaml = await admin.Http.GetAsync("/api/definitions/claim/versions/2.1.0?format=yaml"))
        {
            Assert.Equal(text, await yaml.Content.ReadAsStringAsync());
        }

        // A new case starts on 2.1.0; the running case stays on 2.0.0 and keeps working there.
        var fresh = (await cases.RegisterClueAsync()).GetProperty("id").GetString()!;
        Assert.Equal("2.1.0", (await cases.GetAsync(fresh)).GetProperty("definition").GetProperty("version").GetString());
        await cases.FireAsync(CaseClient.LawEnforcement, running, "StartPreliminaryCheck");
        var stayed = await cases.GetAsync(running);
        Assert.Equal("2.0.0", stayed.GetProperty("definition").GetProperty("version").GetString());
        Assert.True((await cases.VerifyAsync(running)).GetProperty("intact").GetBoolean());

        // The trail: import, the draft's life, the publication, the refused re-publication's draft; chained and intact.
        var trail = await admin.TrailAsync();
        Assert.Equal(
            ["catalog.imported", "draft.created", "draft.updated", "definition.published", "draft.created", "draft.updated"],
            trail.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal("claim@2.1.0", trail[3].GetProperty("subject").GetString());
        Assert.Equal("2026-03-02", trail[3].GetProperty("detail").GetProperty("effectiveFrom").GetString());
        var verified = await admin.Http.GetFromJsonAsync<JsonElement>("/api/admin/audit/verify");
        Assert.True(verified.GetProperty("intact").GetBoolean());
        Assert.Equal(6, verified.GetProperty("events").GetInt64());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Withdraw_OnlyAVersionNoCaseStartedOn_AndTheOneBeforeIsInForceAgain(string provider)
    {
        var factory = await _servers.GetAsync(provider);
        var cases = new CaseClient(factory);
        var admin = new AdminClient(factory);
        await admin.PublishEditedAsync("claim@2.0.0", t => ClaimEdits.Renumber(t, "2.1.0", "2026-03-02"));
        await admin.PublishEditedAsync("claim@2.1.0", t => ClaimEdits.Renumber(t.Replace("version: 2.1.0", "version: 2.0.0", StringComparison.Ordinal)
            .Replace("effective: { from: 2026-03-02 }", "effective: { from: 2023-05-01, to: 2028-04-30 }", StringComparison.Ordinal), "2.2.0", "2026-06-01"));
        Assert.Equal("2026-05-31", (await admin.VersionAsync("claim", "2.1.0")).GetProperty("effectiveTo").GetString());
        await cases.RegisterClueAsync(); // on 2.1.0 (in force on 2026-03-02)

        using (var inUse = await admin.Http.PostAsJsonAsync("/api/definitions/claim/versions/2.1.0/withdraw", new { reason = "mistake" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, inUse.StatusCode);
        }

        using (var noReason = await admin.Http.PostAsJsonAsync("/api/definitions/claim/versions/2.2.0/withdraw", new { reason = " " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }

        using (var withdrawn = await admin.Http.PostAsJsonAsync("/api/definitions/claim/versions/2.2.0/withdraw", new { reason = "published with the wrong date" }))
        {
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        }

        using (var twice = await admin.Http.PostAsJsonAsync("/api/definitions/claim/versions/2.2.0/withdraw", new { reason = "again" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        var v22 = await admin.VersionAsync("claim", "2.2.0");
        Assert.Equal("withdrawn", v22.GetProperty("status").GetString());
        Assert.False(v22.GetProperty("inForce").GetBoolean());
        Assert.Equal(JsonValueKind.Null, (await admin.VersionAsync("claim", "2.1.0")).GetProperty("effectiveTo").ValueKind);
        factory.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 2, 2, 0, 0, TimeSpan.Zero));
        var later = (await cases.RegisterClueAsync()).GetProperty("id").GetString()!;
        Assert.Equal("2.1.0", (await cases.GetAsync(later)).GetProperty("definition").GetProperty("version").GetString());
        Assert.Equal("definition.withdrawn", (await admin.TrailAsync())[^1].GetProperty("kind").GetString());
    }
}
