using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Links;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Server.Apis;
using NodaTime;
using NodaTime.Text;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>Builds what the API shows of a case: its snapshot (participants included) and the triggers the caller's role may fire.</summary>
internal sealed class CaseViews(ICaseStore cases, WorkflowEngine engine, ICaseLinks links)
{
    /// <summary>The view of a case for <paramref name="role"/>, or null when there is no such case.</summary>
    public async Task<CaseView?> ForAsync(string caseId, string role, CancellationToken cancellationToken) =>
        await cases.LoadAsync(caseId, cancellationToken).ConfigureAwait(false) is { } stored
            ? await OfAsync(stored, role, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>The view of the loaded case <paramref name="stored"/> for <paramref name="role"/>.</summary>
    public async Task<CaseView> OfAsync(StoredCase stored, string role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return await WithLinksAsync(Masked(From(stored.Case, engine.PermittedTriggers(stored.Case, role), engine.Catalog.Ledger), stored.Case, role) with { Branches = BranchViews.Of(stored.Case, engine, role) }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The view after an accepted <paramref name="outcome"/>: built from the case and triggers it carries, or read
    /// when it carries neither (a replayed outcome).
    /// </summary>
    /// <exception cref="InvalidOperationException">The accepted case cannot be read back (a bug or a lost database).</exception>
    public async Task<CaseView> AfterAsync(CommandOutcome outcome, string role, CancellationToken cancellationToken) =>
        outcome is { Case: { } c, PermittedTriggers: { } permitted }
            ? await WithLinksAsync(Masked(From(c, permitted, engine.Catalog.Ledger), c, role) with { Branches = BranchViews.Of(c, engine, role) }, cancellationToken).ConfigureAwait(false)
            : await ForAsync(outcome.CaseId, role, cancellationToken).ConfigureAwait(false)
              ?? throw new InvalidOperationException($"accepted case '{outcome.CaseId}' cannot be read back");

    /// <summary>The view of <paramref name="c"/> with the triggers its caller may fire (an accepted command's outcome carries both).</summary>
    public static CaseView From(CaseInstance c, IReadOnlyList<TriggerDefinition> permitted, Engine.Ledger.LedgerHeads heads) => new(
        c.Id,
        c.Version,
        new DefinitionRef(c.DefinitionId, c.DefinitionVersion.ToString()),
        c.States,
        Data(c),
        c.Documents.Values.OrderBy(d => d.Type, StringComparer.Ordinal)
            .Select(d => new DocumentView(d.Type, LocalDatePattern.Iso.Format(d.ServedOn), d.Reference, d.AttachedAt.ToDateTimeOffset()))
            .ToArray(),
        c.ActiveDeadlines.Where(d => d.Branch is null).Select(Deadline).ToArray(),
        permitted.Select(t => new TriggerView(t.Id, t.Name.Zh, t.Name.En)).ToArray(),
        c.Supervision.Order(StringComparer.Ordinal).ToArray(),
        c.Participants.Select(Participant).ToArray(),
        LedgerViews.Ledger(c, heads),
        LedgerViews.Parties(c))
    {
        Schedules = ScheduleViews.From(c),
    };

    /// <summary>The view with personal data masked for a role that does not see it (issue 13).</summary>
    private CaseView Masked(CaseView view, CaseInstance c, string role) =>
        view with { Data = Access.PersonalDataMask.Apply(engine.Catalog, c, role, view.Data) };

    /// <summary>The view with the case's links (one indexed query, both directions).</summary>
    private async Task<CaseView> WithLinksAsync(CaseView view, CancellationToken cancellationToken) =>
        view with { Links = (await links.ListAsync(view.Id, cancellationToken).ConfigureAwait(false)).Select(l => new CaseLinkRef(l.CaseId, l.Kind)).ToArray() };


    /// <summary>A participant as the API shows it.</summary>
    public static ParticipantView Participant(CaseParticipant p) =>
        new(p.Id, p.Name, p.Role, p.Organisation, p.AddedAt.ToDateTimeOffset(), p.AddedBy);

    /// <summary>A case's line in a listing: its columns as its definition's <c>listing:</c> declares them.</summary>
    public static CaseSummary Summary(CaseInstance c, WorkflowCatalog catalog)
    {
        var listing = catalog.Find(c.DefinitionId, c.DefinitionVersion)?.Definition.ListingOf(c.Data) ?? CaseListing.None;
        return new(
            c.Id,
            c.Version,
            new DefinitionRef(c.DefinitionId, c.DefinitionVersion.ToString()),
            c.States,
            listing.Channel,
            listing.Domain,
            listing.Jurisdiction,
            listing.Department,
            c.ActiveDeadlines.Select(d => (DateTimeOffset?)d.Due.ToDateTimeOffset()).Min());
    }

    private static Dictionary<string, object?> Data(CaseInstance c) => Data(c.Data);

    /// <summary>Data as the API shows it: ordinal key order, dates as <c>yyyy-MM-dd</c>.</summary>
    public static Dictionary<string, object?> Data(IReadOnlyDictionary<string, object?> data) =>
        data.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, d => d.Value switch
        {
            LocalDate date => LocalDatePattern.Iso.Format(date),
            var other => other,
        }, StringComparer.Ordinal);

    /// <summary>A deadline as the API shows it.</summary>
    public static DeadlineView Deadline(DeadlineInstance d) => new(
        d.Key,
        d.DeadlineId,
        d.State,
        d.Due.ToDateTimeOffset(),
        LocalDatePattern.Iso.Format(d.LastDay),
        d.Provisional,
        d.Status.ToString(),
        d.Reminders.Select(r => new ReminderView(r.Offset, r.At.ToDateTimeOffset(), r.Sent)).ToArray());
}
