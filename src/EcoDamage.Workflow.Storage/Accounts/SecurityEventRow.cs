namespace EcoDamage.Workflow.Storage.Accounts;

/// <summary>One entry of the security event log (table <c>SecurityEvents</c>).</summary>
internal sealed class SecurityEventRow
{
    public Guid Id { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long At { get; set; }

    public required string Kind { get; set; }

    public required string Actor { get; set; }

    public string? Target { get; set; }

    public string? Detail { get; set; }

    public string? RemoteAddress { get; set; }
}
