using System.Net.Http.Json;
using System.Text.Json;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>Asserts a ProblemDetails answer.</summary>
public static class ProblemAssert
{
    /// <summary>Asserts <paramref name="status"/>, the problem content type, and returns the problem.</summary>
    public static async Task<JsonElement> IsAsync(HttpResponseMessage response, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    /// <summary>Asserts a 400 whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task<JsonElement> NamesFieldAsync(HttpResponseMessage response, string field)
    {
        var problem = await IsAsync(response, 400);
        Assert.True(
            problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out _),
            $"the problem does not name {field}: {problem}");
        return problem;
    }
}
