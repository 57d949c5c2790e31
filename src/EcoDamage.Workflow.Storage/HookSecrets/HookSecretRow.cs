namespace EcoDamage.Workflow.Storage.HookSecrets;

/// <summary>A managed inbound hook secret, encrypted. Instants in Unix ticks (100 ns), UTC.</summary>
internal sealed class HookSecretRow
{
    public required string Id { get; set; }

    public required string System { get; set; }

    public required string ProtectedSecret { get; set; }

    public long CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public long? RevokedAt { get; set; }
}
