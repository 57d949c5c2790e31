using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.Audit;

/// <summary>Reads a case's audit trail in sequence order (EF Core, no tracking; the same query on both providers).</summary>
internal sealed class EfAuditTrail(WorkflowDbContext db) : IAuditTrail
{
    public async Task<IReadOnlyList<StoredAuditEvent>> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var rows = await db.AuditEvents.AsNoTracking()
            .Where(a => a.CaseId == caseId)
            .OrderBy(a => a.Sequence)
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        return rows.Select(r => new StoredAuditEvent(
            new AuditEvent(
                r.CaseId, r.Sequence, Ticks.ToInstant(r.At), r.Kind, r.ActorId, r.Role, r.Department, r.Trigger,
                r.FromState, r.ToState, r.DataDiff, r.DefinitionKey, r.CaseVersion, r.PreviousHash, r.Hash),
            r.Payload)).ToArray();
    }
}
