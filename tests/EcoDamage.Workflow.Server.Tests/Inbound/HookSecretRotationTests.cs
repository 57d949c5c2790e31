using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookRequests;
using static EcoDamage.Workflow.Server.Tests.Inbound.HookServer;

namespace EcoDamage.Workflow.Server.Tests.Inbound;

/// <summary>Issue 13, Identity: inbound hook secrets are rotatable, several valid at once, managed by an administrator and stored encrypted.</summary>
public sealed class HookSecretRotationTests(HookServers servers) : IClassFixture<HookServers>
{
    [Fact]
    public async Task ConfiguredSecrets_BothAccepted()
    {
        var server = await servers.GetAsync();
        var id = await server.RegisterClueAsync();

        using var withFirst = await server.PostSignedAsync($"/api/hooks/finance/cases/{id}/events/Nope", FinanceSecret, "{}");
        using var withNext = await server.PostSignedAsync($"/api/hooks/finance/cases/{id}/events/Nope", FinanceNextSecret, "{}");

        // Past the signature: the unknown trigger is the answer, not 401.
        await Body(withFirst, HttpStatusCode.NotFound);
        await Body(withNext, HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task ManagedSecret_ShownOnceAccepted_RevokedRefused(string provider)
    {
        var server = await servers.GetAsync(provider);
        var admin = server.Api.As(AdministratorKey);

        using var created = await admin.PostAsync("/api/admin/hook-secrets/hotline", null);
        var issued = await Body(created, HttpStatusCode.Created);
        var secret = issued.GetProperty("secret").GetString()!;
        var secretId = issued.GetProperty("hookSecret").GetProperty("id").GetString()!;
        using var accepted = await server.PostSignedAsync("/api/hooks/hotline/clues", secret, Clue(channel: "complaintOrReport"));
        using var configuredStill = await server.PostSignedAsync("/api/hooks/hotline/clues", HotlineSecret, Clue(channel: "complaintOrReport"));
        var listed = await admin.GetStringAsync("/api/admin/hook-secrets/hotline");

        await Body(accepted, HttpStatusCode.Created);
        await Body(configuredStill, HttpStatusCode.Created);
        Assert.Contains(secretId, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..], listed, StringComparison.Ordinal);

        using var revoke = await admin.PostAsync($"/api/admin/hook-secrets/hotline/{secretId}/revoke", null);
        var reference = "revoked-secret-" + Guid.NewGuid().ToString("N");
        using var refused = await server.PostSignedAsync("/api/hooks/hotline/clues", secret, Clue(channel: "complaintOrReport", sourceReference: reference));

        Assert.Equal("revoked", (await Body(revoke, HttpStatusCode.OK)).GetProperty("status").GetString());
        await Body(refused, HttpStatusCode.Unauthorized);
        var clues = await server.Api.As(CaseClient.LawEnforcement).GetFromJsonAsync<JsonElement>($"/api/clues?q={reference}");
        Assert.Equal(0, clues.GetProperty("total").GetInt32());
        var events = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/hook-secrets/hotline/{secretId}/events");
        Assert.Equal(["created", "revoked"], events.EnumerateArray().Select(e => e.GetProperty("action").GetString()!).ToArray());
        Assert.All(events.EnumerateArray(), e => Assert.Equal("admin-console", e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task ManagedSecret_NotAdministrator_403AndNothingChanged()
    {
        var server = await servers.GetAsync();
        var before = await server.Api.As(AdministratorKey).GetStringAsync("/api/admin/hook-secrets/court");

        using var create = await server.Api.As(CaseClient.Court).PostAsync("/api/admin/hook-secrets/court", null);
        using var list = await server.Api.As(CaseClient.Court).GetAsync("/api/admin/hook-secrets/court");

        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(before, await server.Api.As(AdministratorKey).GetStringAsync("/api/admin/hook-secrets/court"));
    }

    [Fact]
    public async Task ManagedSecret_UnknownSystem_404()
    {
        var server = await servers.GetAsync();
        using var response = await server.Api.As(AdministratorKey).PostAsync("/api/admin/hook-secrets/nobody", null);

        await Body(response, HttpStatusCode.NotFound);
    }
}
