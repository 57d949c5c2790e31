using System.Runtime.CompilerServices;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Audit;

/// <summary>
/// Verifies stored audit chains for the CLI's <c>verify-audit</c> command: one case, or every case
/// page by page (case ids in key order, one case's trail in memory at a time). Besides
/// <see cref="AuditChainVerifier"/>'s link checks, the last stored event must be the chain head the
/// case row records (<c>AuditSequence</c>, <c>AuditHead</c>), so events removed from the end are found too.
/// </summary>
/// <param name="db">The provider's context.</param>
/// <param name="trail">The audit trail on the same context.</param>
internal sealed class AuditChainScanner(WorkflowDbContext db, IAuditTrail trail) : IAuditChainScanner
{
    /// <summary>Case ids read per page by <see cref="VerifyAllAsync"/>.</summary>
    internal const int PageSize = 500;

    /// <summary>Verifies one case's chain.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The report, or null when no case has this id.</returns>
    public async Task<AuditChainReport?> VerifyCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caseId);
        var head = await db.Cases.AsNoTracking()
            .Where(c => c.Id == caseId)
            .Select(c => new { c.AuditSequence, c.AuditHead })
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        return head is null ? null : await VerifyAsync(caseId, head.AuditSequence, head.AuditHead, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Verifies every case's chain, in case-id order, reading <see cref="PageSize"/> case ids at a time.</summary>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>One report per case.</returns>
    public async IAsyncEnumerable<AuditChainReport> VerifyAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? after = null;
        while (true)
        {
            var query = db.Cases.AsNoTracking();
            if (after is not null)
            {
                // Translated to SQL (Id > @after): the database's collation, the same one ORDER BY uses.
#pragma warning disable CA1309
                query = query.Where(c => string.Compare(c.Id, after) > 0);
#pragma warning restore CA1309
            }

            var page = await query
                .OrderBy(c => c.Id)
                .Take(PageSize)
                .Select(c => new { c.Id, c.AuditSequence, c.AuditHead })
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            foreach (var head in page)
            {
                yield return await VerifyAsync(head.Id, head.AuditSequence, head.AuditHead, cancellationToken).ConfigureAwait(false);
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Id;
        }
    }

    private async Task<AuditChainReport> VerifyAsync(string caseId, long headSequence, string headHash, CancellationToken cancellationToken)
    {
        var events = await trail.ReadAsync(caseId, cancellationToken).ConfigureAwait(false);
        var report = AuditChainVerifier.Verify(caseId, events);
        if (!report.IsIntact)
        {
            return report;
        }

        var lastSequence = events.Count == 0 ? 0 : events[^1].Event.Sequence;
        var lastHash = events.Count == 0 ? AuditHasher.Genesis : events[^1].Event.Hash;
        if (lastSequence < headSequence)
        {
            return report with
            {
                FirstBrokenSequence = lastSequence + 1,
                Reason = $"the case records {headSequence} events but the trail ends at sequence {lastSequence} (events were removed from the end)",
            };
        }

        if (lastSequence > headSequence)
        {
            return report with
            {
                FirstBrokenSequence = headSequence + 1,
                Reason = $"the trail continues past the case's recorded head (sequence {headSequence}) to sequence {lastSequence} (events were appended outside a commit)",
            };
        }

        if (!string.Equals(lastHash, headHash, StringComparison.Ordinal))
        {
            return report with
            {
                FirstBrokenSequence = lastSequence,
                Reason = "the last event's hash differs from the chain head recorded on the case",
            };
        }

        return report;
    }
}
