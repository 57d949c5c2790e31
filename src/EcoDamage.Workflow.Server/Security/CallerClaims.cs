namespace EcoDamage.Workflow.Server.Security;

/// <summary>The claims every authentication scheme (API key, bearer token) produces for a caller.</summary>
internal static class CallerClaims
{
    /// <summary>The actor id (the calling system or person).</summary>
    public const string Subject = "sub";

    /// <summary>The workflow role.</summary>
    public const string Role = "role";

    /// <summary>The department, when known.</summary>
    public const string Department = "department";

    /// <summary>The jurisdiction the caller belongs to (an id of the reference data's jurisdictions, R4).</summary>
    public const string Jurisdiction = "jurisdiction";

    /// <summary>The party of a case the caller acts as (an obligor or rights holder id), when its token names one.</summary>
    public const string Party = "party";

    /// <summary>The header a caller names the party it acts as with, when its credentials do not (<see cref="Party"/> wins).</summary>
    public const string PartyHeader = "X-Party";
}
