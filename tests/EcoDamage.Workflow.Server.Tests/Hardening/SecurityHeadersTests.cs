using Microsoft.AspNetCore.Mvc.Testing;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>Security headers on every response (errors included), CORS closed by default, HSTS over TLS.</summary>
public sealed class SecurityHeadersTests(ServerFactory factory) : IClassFixture<ServerFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/definitions")]
    [InlineData("/api/nothing-here")]
    [InlineData("/api/cases")]
    public async Task AnyResponse_CarriesTheSecurityHeaders(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("default-src 'self'; script-src 'self'; frame-ancestors 'none'; object-src 'none'", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task Cors_NoOriginConfigured_PreflightNotAllowed()
    {
        using var client = factory.CreateClient();
        using var request = Preflight("https://evil.example");

        using var response = await client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Cors_ConfiguredOrigin_AllowedAndOthersNot()
    {
        using var configured = new ServerFactory();
        configured.Settings["Security:Cors:Origins:0"] = "https://console.example.gov.cn";
        using var client = configured.CreateClient();

        using var allowed = await client.SendAsync(Preflight("https://console.example.gov.cn"));
        using var other = await client.SendAsync(Preflight("https://evil.example"));

        Assert.Equal("https://console.example.gov.cn", Header(allowed, "Access-Control-Allow-Origin"));
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Hsts_OverTls_OutsideDevelopment_Sent()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://ecodamage.example.gov.cn") });

        using var response = await client.GetAsync("/health/live");

        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Preflight(string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, "/api/cases");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        return request;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content) : null;
}
