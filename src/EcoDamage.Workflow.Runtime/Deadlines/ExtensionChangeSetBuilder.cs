using System.Text.Json;
using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>
/// The rows of an extension step: an <c>ExtensionRequested</c> or <c>DeadlineExtended</c> audit event
/// (reason, requester, approver, last day from → to), the deadline rows, and on approval a
/// <c>case.deadlineExtended</c> message.
/// </summary>
internal static class ExtensionChangeSetBuilder
{
    public static CaseChangeSet Build(WorkflowCatalog catalog, StoredCase before, ExtensionResult result, bool approval, Actor actor, Instant now, TimeProvider time)
    {
        var after = result.Case;
        var from = result.Before!;
        var to = result.After!;
        var request = approval ? from.PendingExtension! : to.PendingExtension!;
        var diff = Details(from, to, request, approval ? actor : null);
        var e = AuditHasher.Seal(new AuditEvent(
            after.Id, before.AuditSequence + 1, now, approval ? DeadlineAuditKinds.Extended : DeadlineAuditKinds.ExtensionRequested,
            actor.Id, actor.Role, actor.Department, $"extend:{from.Key}", after.State, after.State, diff,
            after.Frames[0].DefinitionKey, after.Version, before.AuditHead, string.Empty));
        var outbox = new List<OutboxMessage>();
        if (approval)
        {
            var payload = new
            {
                caseId = after.Id,
                version = after.Version,
                deadline = from.Key,
                from.DeadlineId,
                fromDue = from.Due,
                toDue = to.Due,
                fromLastDay = from.LastDay,
                toLastDay = to.LastDay,
                reason = request.Extension.Reason,
                requestedBy = request.RequestedBy,
                approvedBy = actor.Id,
            };
            outbox.Add(new OutboxMessage(OutboxIds.Next(time.GetUtcNow()), after.Id, OutboxMessageTypes.DeadlineExtended, JsonSerializer.Serialize(payload, CaseJson.Options), now));
        }

        var deadlines = ChangeSetBuilder.Scheduled(after);
        return new CaseChangeSet(after, before.Case.Version, [e], deadlines, outbox, null, null)
        {
            DeadlinesUnchanged = deadlines.SequenceEqual(ChangeSetBuilder.Scheduled(before.Case)),
            Listing = new CaseMeaning(catalog, before.Case, after).Listing,
        };
    }

    private static string Details(DeadlineInstance from, DeadlineInstance to, ExtensionRequest request, Actor? approver) =>
        CanonicalJson.Text((from, to, request, approver), WriteDetails);

    private static void WriteDetails(Utf8JsonWriter w, (DeadlineInstance From, DeadlineInstance To, ExtensionRequest Request, Actor? Approver) details)
    {
        var (from, to, request, approver) = details;
        w.WriteStartObject();
        if (approver is not null)
        {
            w.WriteString("approvedBy", approver.Id);
        }

        w.WriteString("deadline", from.Key);
        w.WriteStartObject("lastDay");
        w.WriteString("from", LocalDatePattern.Iso.Format(from.LastDay));
        w.WriteString("to", LocalDatePattern.Iso.Format(approver is null ? request.ProposedLastDay : to.LastDay));
        w.WriteEndObject();
        if (request.Extension.Period is { } period)
        {
            w.WriteString("period", period);
        }

        w.WriteString("reason", request.Extension.Reason);
        w.WriteString("requestedBy", request.RequestedBy);
        w.WriteString("requestedByRole", request.RequestedByRole);
        w.WriteEndObject();
    }
}
