namespace EcoDamage.Workflow.Messaging.Events;

/// <summary>
/// The names of the domain events other systems hear, as subscriptions select them (with <c>*</c> wildcards); the
/// wire type adds the product prefix and the contract version: <c>case.opened</c> → <c>ecodamage.case.opened.v1</c>.
/// One outbox row is one event, and its name is stored with the row: the runtime reads it from the case's
/// definition (its start, trigger and <c>publish:</c> declarations), so nothing here maps rows to names.
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

    /// <summary>A holiday calendar's new year moved a provisional deadline (期限按新公布的节假日安排重新计算).</summary>
    public const string DeadlineRecomputed = "case.deadlineRecomputed";

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

    /// <summary>A participant was recorded on a case (R34), an audited command of its own.</summary>
    public const string ParticipantAdded = "case.participantAdded";

    /// <summary>Two cases were linked: a case per obligor split from a clue, a supplementary claim for newly found damage, or related cases.</summary>
    public const string CaseLinked = "case.linked";

    /// <summary>A definition version was published by an administrator (issue 14); the event's <c>caseId</c> is the version, <c>id@version</c>.</summary>
    public const string DefinitionPublished = "definition.published";

    /// <summary>A new revision of a catalog document (calendar, reference data, table, roles…) was published; <c>caseId</c> is <c>path#revision</c>.</summary>
    public const string CatalogDocumentPublished = "catalog.documentPublished";

    /// <summary>The prefix of a <c>publish:</c> action's derived event name (<c>case.</c> + the camel-cased target).</summary>
    public const string PublishedPrefix = "case.";

    /// <summary>The well-known names a subscription may select (the shipped definitions' and the engine's own); <see cref="IsValidPattern(string, IEnumerable{string})"/> also takes the names a loaded catalog declares.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        ClueRegistered, ClueReferred, CaseStarted, CaseOpened, StateChanged, ActionRequested, DeadlineOpened, DeadlineClosed,
        DeadlineReminder, DeadlineOverdue, DeadlineExtended, Escalated, DocumentAttached, AgreementSigned,
        JudicialConfirmationRequested, JudicialConfirmationRuled, RepairCompleted, EvaluationPassed, EvaluationFailed,
        ConsultationStarted, CaseTerminated, CaseClosed, ParticipantAdded, CaseLinked, DefinitionPublished, CatalogDocumentPublished,
        DeadlineRecomputed,
    ];

    /// <summary>The wire type of an event name: <c>ecodamage.</c> + name + <c>.v1</c>.</summary>
    /// <param name="name">The event name.</param>
    /// <returns>The versioned type.</returns>
    public static string TypeOf(string name) => $"ecodamage.{name}.v{Version}";

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
    public static bool IsValidPattern(string pattern) => IsValidPattern(pattern, []);

    /// <summary>Whether a pattern is acceptable, knowing the event names a loaded catalog declares beside <see cref="All"/>.</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="declared">Event names the loaded definitions declare.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidPattern(string pattern, IEnumerable<string> declared)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(declared);
        var known = All.Concat(declared);
        if (pattern == "*" || known.Contains(pattern, StringComparer.Ordinal))
        {
            return true;
        }

        if (pattern.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefix = pattern[..^1];
            return known.Any(n => n.StartsWith(prefix, StringComparison.Ordinal));
        }

        return pattern.StartsWith(PublishedPrefix, StringComparison.Ordinal) && pattern.Length > PublishedPrefix.Length
            && pattern[PublishedPrefix.Length..].All(char.IsAsciiLetterOrDigit);
    }
}
