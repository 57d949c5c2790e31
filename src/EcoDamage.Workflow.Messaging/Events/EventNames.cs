using System.Text.Json;

namespace EcoDamage.Workflow.Messaging.Events;

/// <summary>
/// The domain events other systems hear, and how an outbox row (type + payload) maps to one. Names are what
/// subscriptions select (with <c>*</c> wildcards); the wire type adds the product prefix and the contract
/// version: <c>case.opened</c> → <c>ecodamage.case.opened.v1</c>. One outbox row is one event.
/// </summary>
public static class EventNames
{
    /// <summary>The contract version of every event type's <c>data</c>.</summary>
    public const int Version = 1;

    /// <summary>A clue was registered (线索登记): a claim case started.</summary>
    public const string ClueRegistered = "clue.registered";

    /// <summary>A clue was referred to another department (线索移送), the copy to the procuratorate included.</summary>
    public const string ClueReferred = "clue.referred";

    /// <summary>A case of another workflow (consultation, repair) started.</summary>
    public const string CaseStarted = "case.started";

    /// <summary>A case was opened (立案).</summary>
    public const string CaseOpened = "case.opened";

    /// <summary>A case moved to another state.</summary>
    public const string StateChanged = "case.stateChanged";

    /// <summary>A side effect for a role: notify, copy to, share status (R6, R8, R17, R19).</summary>
    public const string ActionRequested = "case.actionRequested";

    /// <summary>A deadline was opened.</summary>
    public const string DeadlineOpened = "case.deadlineOpened";

    /// <summary>A deadline was closed.</summary>
    public const string DeadlineClosed = "case.deadlineClosed";

    /// <summary>A reminder before a deadline (期限提醒).</summary>
    public const string DeadlineReminder = "case.deadlineReminder";

    /// <summary>A deadline is overdue (逾期).</summary>
    public const string DeadlineOverdue = "case.deadlineOverdue";

    /// <summary>An approved extension moved a deadline.</summary>
    public const string DeadlineExtended = "case.deadlineExtended";

    /// <summary>The case was escalated (to the procuratorate's supervision, 检察监督, R9).</summary>
    public const string Escalated = "case.escalated";

    /// <summary>A document was attached.</summary>
    public const string DocumentAttached = "case.documentAttached";

    /// <summary>A compensation agreement was signed (赔偿协议签署).</summary>
    public const string AgreementSigned = "case.agreementSigned";

    /// <summary>Judicial confirmation was applied for (申请司法确认).</summary>
    public const string JudicialConfirmationRequested = "case.judicialConfirmationRequested";

    /// <summary>The court ruled on judicial confirmation (司法确认裁定).</summary>
    public const string JudicialConfirmationRuled = "case.judicialConfirmationRuled";

    /// <summary>Repair was reported complete (修复完成).</summary>
    public const string RepairCompleted = "case.repairCompleted";

    /// <summary>The repair-effect evaluation passed (修复效果评估通过).</summary>
    public const string EvaluationPassed = "case.evaluationPassed";

    /// <summary>The repair-effect evaluation failed (修复效果评估未通过).</summary>
    public const string EvaluationFailed = "case.evaluationFailed";

    /// <summary>Consultation (磋商) started.</summary>
    public const string ConsultationStarted = "case.consultationStarted";

    /// <summary>The claim was terminated (终止).</summary>
    public const string CaseTerminated = "case.terminated";

    /// <summary>The case was closed (结案).</summary>
    public const string CaseClosed = "case.closed";

    /// <summary>A definition version was published (no producer yet: the definitions API does not publish versions).</summary>
    public const string DefinitionPublished = "definition.published";

    /// <summary>Another <c>publish:</c> action of a definition: <c>case.</c> + the camel-cased event name.</summary>
    public const string PublishedPrefix = "case.";

    /// <summary>Every name a subscription may select (publish actions of future definitions map by <see cref="PublishedPrefix"/>).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ClueRegistered, ClueReferred, CaseStarted, CaseOpened, StateChanged, ActionRequested, DeadlineOpened, DeadlineClosed,
        DeadlineReminder, DeadlineOverdue, DeadlineExtended, Escalated, DocumentAttached, AgreementSigned,
        JudicialConfirmationRequested, JudicialConfirmationRuled, RepairCompleted, EvaluationPassed, EvaluationFailed,
        ConsultationStarted, CaseTerminated, CaseClosed, DefinitionPublished,
    ];

    private static readonly Dictionary<string, string> Published = new(StringComparer.Ordinal)
    {
        ["CaseOpened"] = CaseOpened,
        ["ClueReferred"] = ClueReferred,
        ["AgreementSigned"] = AgreementSigned,
        ["JudicialConfirmationRequested"] = JudicialConfirmationRequested,
        ["JudicialConfirmationRuled"] = JudicialConfirmationRuled,
        ["RepairCompleted"] = RepairCompleted,
        ["EvaluationPassed"] = EvaluationPassed,
        ["EvaluationFailed"] = EvaluationFailed,
        ["ConsultationStarted"] = ConsultationStarted,
        ["ClaimTerminated"] = CaseTerminated,
        ["CaseClosed"] = CaseClosed,
    };

    // State changes whose trigger is itself the domain event (no publish action declares them).
    private static readonly Dictionary<string, string> Triggers = new(StringComparer.Ordinal)
    {
        ["ApplyJudicialConfirmation"] = JudicialConfirmationRequested,
        ["CompleteRepair"] = RepairCompleted,
    };

    /// <summary>The wire type of an event name: <c>ecodamage.</c> + name + <c>.v1</c>.</summary>
    /// <param name="name">The event name.</param>
    /// <returns>The versioned type.</returns>
    public static string TypeOf(string name) => $"ecodamage.{name}.v{Version}";

    /// <summary>Maps an outbox row to its event name (see docs/events-and-webhooks.md for the table).</summary>
    /// <param name="outboxType">The row's type (<c>case.started</c>, …).</param>
    /// <param name="payload">The row's JSON payload.</param>
    /// <returns>The event name.</returns>
    public static string Map(string outboxType, string payload)
    {
        ArgumentNullException.ThrowIfNull(outboxType);
        return outboxType switch
        {
            // Only these three read their payload: the relay maps every row, so the others are not parsed.
            "case.started" or "case.stateChanged" or "case.actionRequested" => FromPayload(outboxType, payload),
            "case.deadlineOpened" => DeadlineOpened,
            "case.deadlineClosed" => DeadlineClosed,
            "case.documentAttached" => DocumentAttached,
            "case.deadlineReminder" => DeadlineReminder,
            "case.deadlineOverdue" => DeadlineOverdue,
            "case.escalated" => Escalated,
            "case.deadlineExtended" => DeadlineExtended,
            _ => outboxType,
        };
    }

    private static string FromPayload(string outboxType, string payload)
    {
        using var json = JsonDocument.Parse(payload);
        var root = json.RootElement;
        return outboxType switch
        {
            "case.started" => Text(root, "definition") is { } d && (d == "claim" || d.StartsWith("claim@", StringComparison.Ordinal)) ? ClueRegistered : CaseStarted,
            "case.stateChanged" => Text(root, "trigger") is { } t && Triggers.TryGetValue(t, out var byTrigger) ? byTrigger : StateChanged,
            _ => Action(root),
        };
    }

    /// <summary>Whether a subscription pattern (<c>*</c>, <c>case.*</c>, or a name) selects an event name.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="name">The event name.</param>
    /// <returns>True when it matches.</returns>
    public static bool Matches(string pattern, string name)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(name);
        return pattern == "*"
            || (pattern.EndsWith(".*", StringComparison.Ordinal) && name.StartsWith(pattern[..^1], StringComparison.Ordinal))
            || string.Equals(pattern, name, StringComparison.Ordinal);
    }

    /// <summary>Whether a pattern is acceptable: <c>*</c>, a known prefix + <c>.*</c>, a known name or a <c>case.</c> name.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidPattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (pattern == "*" || All.Contains(pattern, StringComparer.Ordinal))
        {
            return true;
        }

        if (pattern.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefix = pattern[..^1];
            return All.Any(n => n.StartsWith(prefix, StringComparison.Ordinal));
        }

        return pattern.StartsWith(PublishedPrefix, StringComparison.Ordinal) && pattern.Length > PublishedPrefix.Length
            && pattern[PublishedPrefix.Length..].All(char.IsAsciiLetterOrDigit);
    }

    private static string Action(JsonElement root)
    {
        if (!root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return ActionRequested;
        }

        var kind = Text(action, "kind");
        var target = Text(action, "target") ?? string.Empty;
        if (string.Equals(kind, "Escalate", StringComparison.OrdinalIgnoreCase))
        {
            return Escalated;
        }

        if (!string.Equals(kind, "Publish", StringComparison.OrdinalIgnoreCase))
        {
            return ActionRequested;
        }

        return Published.TryGetValue(target, out var name) ? name
            : target.Length == 0 ? ActionRequested
            : PublishedPrefix + char.ToLowerInvariant(target[0]) + target[1..];
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
