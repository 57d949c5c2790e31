namespace EcoDamage.Workflow.Storage.ApiKeys;

/// <summary>One change of a managed key or hook secret (never the secret).</summary>
internal sealed class ApiKeyEventRow
{
    public long Id { get; set; }

    public required string KeyId { get; set; }

    public required string Action { get; set; }

    public required string Actor { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long At { get; set; }

    public string? FromIp { get; set; }

    public string? Detail { get; set; }
}
