namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>
/// Reads over the stored deadline rows and the deadline audit events: active deadlines due soon or overdue,
/// a department's reminders, and the escalations a role (the procuratorate) received. Implemented by the store.
/// </summary>
public interface IDeadlineDirectory
{
    /// <summary>The largest page a listing or feed returns.</summary>
    const int MaxPageSize = 500;

    /// <summary>Lists active deadlines matching <paramref name="filter"/>, soonest due first.</summary>
    /// <param name="filter">The criteria.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The page and the total count.</returns>
    Task<DeadlinePage> ListAsync(DeadlineFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The reminders sent for the cases of a department, newest first.</summary>
    /// <param name="department">The case's handling department.</param>
    /// <param name="scope">The cases the caller reaches (the feed is cut to them).</param>
    /// <param name="limit">The most entries to return (clamped to 1…<see cref="MaxPageSize"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<DeadlineFeedEntry>> RemindersAsync(string department, Access.AccessScope scope, int limit, CancellationToken cancellationToken = default);

    /// <summary>The escalations a role received (the procuratorate, R9), newest first.</summary>
    /// <param name="role">The role escalated to.</param>
    /// <param name="scope">The cases the caller reaches (the feed is cut to them).</param>
    /// <param name="limit">The most entries to return (clamped to 1…<see cref="MaxPageSize"/>).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries.</returns>
    Task<IReadOnlyList<DeadlineFeedEntry>> EscalationsAsync(string role, Access.AccessScope scope, int limit, CancellationToken cancellationToken = default);
}
