using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Runtime.Audit;

/// <summary>
/// Recomputes a case's audit chain and reports the first broken link: a gap in the sequence, a
/// previous-hash that does not match the predecessor, a payload that does not match the event's
/// columns, or a hash that does not match the payload.
/// </summary>
public static class AuditChainVerifier
{
    /// <summary>Reads a case's events from storage and verifies them (for the verify endpoint and CLI command).</summary>
    /// <param name="trail">The audit trail.</param>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report.</returns>
    public static async Task<AuditChainReport> VerifyAsync(IAuditTrail trail, string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trail);
        return Verify(caseId, await trail.ReadAsync(caseId, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Verifies events of one case, in stored order.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="events">Its events ordered by sequence.</param>
    /// <returns>The report; <see cref="AuditChainReport.IsIntact"/> when nothing is wrong.</returns>
    public static AuditChainReport Verify(string caseId, IReadOnlyList<StoredAuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var previous = AuditHasher.Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var (e, payload) = events[i];
            var expectedSequence = i + 1;
            string? reason = null;
            if (e.Sequence != expectedSequence)
            {
                reason = $"sequence {e.Sequence} found where {expectedSequence} was expected (an event is missing or inserted)";
            }
            else if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                reason = "the previous-hash does not match the preceding event's hash";
            }
            else if (!string.Equals(AuditHasher.Hash(payload), e.Hash, StringComparison.Ordinal))
            {
                reason = "the stored payload does not hash to the stored hash (the payload was edited)";
            }
            else if (!string.Equals(AuditHasher.Canonical(e), payload, StringComparison.Ordinal))
            {
                reason = "the event's columns differ from its hashed payload (a column was edited)";
            }

            if (reason is not null)
            {
                return new AuditChainReport(caseId, i + 1, e.Sequence, reason);
            }

            previous = e.Hash;
        }

        return new AuditChainReport(caseId, events.Count, null, null);
    }
}
