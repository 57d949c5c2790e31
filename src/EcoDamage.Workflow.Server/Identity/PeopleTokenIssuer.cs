using EcoDamage.Workflow.Runtime.Accounts;
using EcoDamage.Workflow.Server.Security;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>Issues the short-lived HS256 bearer tokens of <c>POST /api/auth/token</c>, signed with <see cref="HostSigningKey"/>.</summary>
internal sealed class PeopleTokenIssuer(HostSigningKey signingKey, IOptions<JwtPeopleTokenOptions> jwt, IOptions<AccountOptions> accounts, TimeProvider time)
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>How long an issued token is valid.</summary>
    public TimeSpan Lifetime => accounts.Value.TokenLifetime;

    /// <summary>A token for <paramref name="account"/> and when it expires.</summary>
    public async Task<(string Token, DateTimeOffset Expires)> IssueAsync(Account account, CancellationToken cancellationToken)
    {
        var key = await signingKey.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var expires = now + accounts.Value.TokenLifetime;
        var claims = PeopleClaims.Of(account).ToDictionary(c => c.Type, c => (object)c.Value, StringComparer.Ordinal);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = jwt.Value.EffectiveIssuer,
            Audience = jwt.Value.EffectiveAudience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        };
        return (Handler.CreateToken(descriptor), expires);
    }
}
