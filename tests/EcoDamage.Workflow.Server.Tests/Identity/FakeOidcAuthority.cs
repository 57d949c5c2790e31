using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EcoDamage.Workflow.Server.Tests.Identity;

/// <summary>
/// A local OpenID Connect provider on Kestrel (127.0.0.1, a free port): its discovery document, a JWKS with one RSA key,
/// and tokens minted with that key (or, for forgeries, another one claiming the same key id).
/// </summary>
public sealed class FakeOidcAuthority : IAsyncDisposable
{
    public const string KeyId = "fake-oidc-key-1";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _forger = RSA.Create(2048);
    private WebApplication? _app;

    public string Issuer { get; private set; } = string.Empty;

    public static async Task<FakeOidcAuthority> StartAsync()
    {
        var authority = new FakeOidcAuthority();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = authority.Issuer,
            ["jwks_uri"] = authority.Issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
        }));
        app.MapGet("/jwks", () =>
        {
            var p = authority._key.ExportParameters(false);
            return Results.Json(new
            {
                keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = KeyId, n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } },
            });
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        authority.Issuer = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        authority._app = app;
        return authority;
    }

    public string Mint(
        DateTimeOffset now,
        string audience = "ecodamage-api",
        string? issuer = null,
        TimeSpan? lifetime = null,
        bool forged = false,
        IReadOnlyDictionary<string, object>? claims = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = (now - TimeSpan.FromMinutes(1)).UtcDateTime,
            NotBefore = (now - TimeSpan.FromMinutes(1)).UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(30))).UtcDateTime,
            Claims = claims is null ? DefaultClaims() : new Dictionary<string, object>(claims),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(forged ? _forger : _key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _key.Dispose();
        _forger.Dispose();
    }

    private static Dictionary<string, object> DefaultClaims() => new()
    {
        ["sub"] = "3f2a-opaque-id",
        ["preferred_username"] = "wang.fang",
        ["ecodamage_role"] = "handlingDepartment",
        ["org_unit"] = "ecologyBureau",
        ["jurisdiction"] = "nantong",
        ["role"] = "auditor", // the provider's own "role" claim must not pose as ours: the map reads ecodamage_role
    };
}
