namespace EcoDamage.Workflow.Runtime.Accounts;

/// <summary>The security event log: sign-ins, lockouts and every change to accounts and keys, append-only.</summary>
public interface ISecurityEventLog
{
    /// <summary>Appends <paramref name="entry"/>.</summary>
    Task RecordAsync(SecurityEvent entry, CancellationToken cancellationToken = default);

    /// <summary>One page of entries, newest first.</summary>
    /// <param name="page">The page, from 1.</param>
    /// <param name="pageSize">Entries per page.</param>
    /// <param name="kind">Only entries of this kind, or every kind when null.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<SecurityEvent>> ListAsync(int page, int pageSize, string? kind = null, CancellationToken cancellationToken = default);
}
