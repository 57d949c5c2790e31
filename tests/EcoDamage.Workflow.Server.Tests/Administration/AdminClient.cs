using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EcoDamage.Workflow.Server.Tests.Administration;

/// <summary>The administrator's calls on drafts and publications, asserting the status each expects.</summary>
public sealed class AdminClient(ServerFactory factory)
{
    public HttpClient Http { get; } = Hardening.TestKeys.AdministratorClient(factory);

    public async Task<(string Id, string ETag, JsonElement Body)> CreateDraftAsync(object request)
    {
        using var response = await Http.PostAsJsonAsync("/api/definitions/drafts", request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetString()!, response.Headers.ETag!.Tag, body);
    }

    public async Task<HttpResponseMessage> SaveAsync(string draftId, string text, string? ifMatch, string mediaType = "application/yaml")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/definitions/drafts/{draftId}")
        {
            Content = new StringContent(text, Encoding.UTF8, mediaType),
        };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PublishAsync(string draftId, string reason = "Nantong implementing rules revised (test)") =>
        Http.PostAsJsonAsync($"/api/definitions/drafts/{draftId}/publish", new { reason });

    /// <summary>A draft of <paramref name="basedOn"/> with <paramref name="edit"/> applied, saved; returns its id.</summary>
    public async Task<string> DraftAsync(string basedOn, Func<string, string> edit)
    {
        var (id, etag, body) = await CreateDraftAsync(new { basedOn });
        using var saved = await SaveAsync(id, edit(body.GetProperty("text").GetString()!), etag);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return id;
    }

    /// <summary>Drafts and publishes; returns the publication's body.</summary>
    public async Task<JsonElement> PublishEditedAsync(string basedOn, Func<string, string> edit)
    {
        var id = await DraftAsync(basedOn, edit);
        using var published = await PublishAsync(id);
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
        return await published.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> DefinitionsAsync() => await Http.GetFromJsonAsync<JsonElement>("/api/definitions");

    public async Task<JsonElement> VersionAsync(string id, string version) =>
        (await DefinitionsAsync()).GetProperty("definitions").EnumerateArray()
        .Single(d => d.GetProperty("id").GetString() == id && d.GetProperty("version").GetString() == version);

    public async Task<JsonElement[]> TrailAsync() =>
        (await Http.GetFromJsonAsync<JsonElement>("/api/admin/audit?limit=500")).EnumerateArray().ToArray();

    public static string ETagOf(HttpResponseMessage response) => response.Headers.ETag?.Tag ?? string.Empty;

    public static MediaTypeHeaderValue Yaml { get; } = new("application/yaml");
}
