using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EcoDamage.Workflow.Server.Tests.Apis;

public sealed class MalformedRequestTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    private const string NotFound = "https://tools.ietf.org/html/rfc9110#section-15.5.5";
    private const string BadRequest = "https://tools.ietf.org/html/rfc9110#section-15.5.1";
    private const string TooLarge = "https://tools.ietf.org/html/rfc9110#section-15.5.14";
    private const string Unsupported = "https://tools.ietf.org/html/rfc9110#section-15.5.16";
    private const string Invalid = "One or more validation errors occurred.";

    private readonly HttpClient _client = Hardening.TestKeys.AdministratorClient(factory); // validate is the administrator's

    public static TheoryData<string, int, string, string, string?> Gets => new()
    {
        { "/api/definitions/nope", 404, NotFound, "Not Found", null },
        { "/api/definitions/nope?format=yaml", 404, NotFound, "Not Found", null },
        { "/api/definitions/claim/versions/9.9.9", 404, NotFound, "Not Found", null },
        { "/api/definitions/nope/diagram", 404, NotFound, "Not Found", null },
        { "/api/definitions/claim/versions/9.9.9/diagram", 404, NotFound, "Not Found", null },
        { "/api/definitions/claim/versions/latest", 400, BadRequest, Invalid, "version" },
        { "/api/definitions/claim?format=xml", 400, BadRequest, Invalid, "format" },
        { "/api/definitions/claim/diagram?format=png", 400, BadRequest, Invalid, "format" },
        { "/api/definitions/claim/diagram?lang=fr", 400, BadRequest, Invalid, "lang" },
        { "/api/nothing-here", 404, NotFound, "Not Found", null },
    };

    [Theory]
    [MemberData(nameof(Gets))]
    public async Task Get_Malformed_ProblemDetails(string url, int status, string type, string title, string? parameter)
    {
        using var response = await _client.GetAsync(url);

        var problem = await AssertProblemAsync(response, status, type, title);
        if (parameter is not null)
        {
            Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
        }
    }

    public static TheoryData<string, string?, int, string, string> Posts => new()
    {
        { "", "application/yaml", 400, BadRequest, "Bad Request" },
        { "   \n  ", "application/yaml", 400, BadRequest, "Bad Request" },
        { "id: claim", "text/plain", 415, Unsupported, "Unsupported Media Type" },
        { "id: claim", null, 415, Unsupported, "Unsupported Media Type" },
        { "<definition/>", "application/xml", 415, Unsupported, "Unsupported Media Type" },
    };

    [Theory]
    [MemberData(nameof(Posts))]
    public async Task Validate_Malformed_ProblemDetails(string body, string? contentType, int status, string type, string title)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : new(contentType);

        using var response = await _client.PostAsync("/api/definitions/validate", content);

        await AssertProblemAsync(response, status, type, title);
    }

    [Fact]
    public async Task Validate_NotUtf8_400()
    {
        using var content = new ByteArrayContent([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe]);
        content.Headers.ContentType = new("application/yaml");

        using var response = await _client.PostAsync("/api/definitions/validate", content);

        await AssertProblemAsync(response, 400, BadRequest, "Bad Request");
    }

    [Fact]
    public async Task Validate_OverTheLimit_413()
    {
        using var content = new StringContent("# " + new string('x', 1024 * 1024) + "\nid: claim\n", Encoding.UTF8, "application/yaml");

        using var response = await _client.PostAsync("/api/definitions/validate", content);

        await AssertProblemAsync(response, 413, TooLarge, "Content Too Large");
    }

    [Fact]
    public async Task Validate_OverTheLimitWithoutContentLength_413()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("# " + new string('x', 1024 * 1024))));
        content.Headers.ContentType = new("application/yaml");
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/definitions/validate") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);

        await AssertProblemAsync(response, 413, TooLarge, "Content Too Large");
    }

    [Fact]
    public async Task Definitions_WrongMethod_405ProblemDetails()
    {
        using var response = await _client.DeleteAsync("/api/definitions/claim");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string type, string title)
    {
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Equal(type, problem.GetProperty("type").GetString());
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.False(problem.TryGetProperty("exception", out _));
        return problem;
    }
}
