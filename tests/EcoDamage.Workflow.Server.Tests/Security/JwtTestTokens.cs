using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EcoDamage.Workflow.Server.Tests.Security;

/// <summary>Settings and token minting for the bearer-token tests (a test-only key).</summary>
internal static class JwtTestTokens
{
    public const string Issuer = "https://sso.test.ecodamage.local";
    public const string Audience = "ecodamage-workflow";
    public const string SigningKey = "testing-only-signing-key-0123456789-abcdefghij";
    public const string ApiKey = "test-api-key-7f3c";

    public static void Configure(Dictionary<string, string?> settings)
    {
        settings["Security:Jwt:Issuer"] = Issuer;
        settings["Security:Jwt:Audience"] = Audience;
        settings["Security:Jwt:SigningKey"] = SigningKey;
        settings["Security:ApiKeys:test:Key"] = ApiKey;
        settings["Security:ApiKeys:test:System"] = "test-system";
        settings["Security:ApiKeys:test:Role"] = "handlingDepartment";
        settings["Security:ApiKeys:test:Department"] = "ecologyBureau";
        settings["Security:ApiKeys:test:Jurisdiction"] = "nantong";
    }

    public static string Mint(
        DateTimeOffset now,
        TimeSpan? lifetime = null,
        string issuer = Issuer,
        string audience = Audience,
        string signingKey = SigningKey,
        string subject = "zhang.wei",
        string role = "handlingDepartment",
        string department = "ecologyBureau")
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromHours(1))).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("role", role), new Claim("department", department)]),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(signingKey)), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
