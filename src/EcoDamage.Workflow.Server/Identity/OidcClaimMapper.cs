using System.Security.Claims;
using EcoDamage.Workflow.Server.Security;

namespace EcoDamage.Workflow.Server.Identity;

/// <summary>Turns a validated token of the organisation's provider into a principal with our claim types only (<see cref="CallerClaims"/>).</summary>
internal static class OidcClaimMapper
{
    private static readonly string[] Ours = [CallerClaims.Subject, CallerClaims.Role, CallerClaims.Department, CallerClaims.Jurisdiction, CallerClaims.Party];

    /// <summary>
    /// The mapped principal: each of ours from the provider's claim that <see cref="OidcOptions.ClaimMap"/> names (the
    /// first value when the provider sends several); the provider's other claims are dropped, so none of them can pose
    /// as one of ours.
    /// </summary>
    public static ClaimsPrincipal Map(ClaimsPrincipal source, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var claims = new List<Claim>();
        foreach (var ours in Ours)
        {
            var theirs = options.ClaimMap.GetValueOrDefault(ours, ours);
            var value = source.Claims.FirstOrDefault(c => string.Equals(c.Type, theirs, StringComparison.Ordinal))?.Value;
            if (!string.IsNullOrEmpty(value))
            {
                claims.Add(new Claim(ours, value));
            }
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, PeopleSchemes.Oidc, CallerClaims.Subject, CallerClaims.Role));
    }
}
