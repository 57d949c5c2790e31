namespace EcoDamage.Workflow.Storage.ApiKeys;

/// <summary>A managed API key: the SHA-256 of its secret, never the secret. Instants in Unix ticks (100 ns), UTC.</summary>
internal sealed class ApiKeyRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string System { get; set; }

    public required string Role { get; set; }

    public string? Department { get; set; }

    public string? Jurisdiction { get; set; }

    public string? Party { get; set; }

    public required byte[] SecretHash { get; set; }

    public byte[]? PreviousSecretHash { get; set; }

    public long? PreviousValidUntil { get; set; }

    public long ExpiresAt { get; set; }

    public long? RevokedAt { get; set; }

    public long CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public long UpdatedAt { get; set; }
}
