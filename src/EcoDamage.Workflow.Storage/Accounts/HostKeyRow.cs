namespace EcoDamage.Workflow.Storage.Accounts;

/// <summary>A key the host generated once, stored protected (table <c>HostKeys</c>).</summary>
internal sealed class HostKeyRow
{
    public required string Name { get; set; }

    /// <summary>The protected (encrypted) value; the store never sees the key itself.</summary>
    public required string Value { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long CreatedAt { get; set; }
}
