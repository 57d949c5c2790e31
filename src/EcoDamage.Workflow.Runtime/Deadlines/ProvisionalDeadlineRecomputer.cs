using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Messaging;
using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>
/// After a holiday calendar gains a year (a calendar publication), recomputes every open deadline that was computed
/// through a year the calendar did not know (<see cref="DeadlineInstance.Provisional"/>) with the new engine's calendars
/// (<see cref="DeadlineEngine.RecomputeProvisional"/>), and commits each changed case through the normal commit path:
/// one transaction per case with its version check, its deadline rows, a hash-chained <c>deadlines.recomputed</c> audit
/// event naming each deadline before → after, and a <c>case.deadlineRecomputed</c> message per moved due instant.
/// </summary>
/// <remarks>
/// Idempotent: a recomputed deadline keeps its new values, so a second run with the same engine finds nothing to move.
/// Resumable: cases are committed one by one, so a run stopped midway (cancelled, the process ended) leaves each case
/// either recomputed or untouched, and the next run recomputes what is left. A case changed meanwhile by a command or
/// the deadline sweep is read again and recomputed from its new version.
/// </remarks>
/// <param name="scopes">Creates a scope (database context, unit of work) per page of cases.</param>
/// <param name="time">The host's clock (the instant recorded with the audit events).</param>
public sealed class ProvisionalDeadlineRecomputer(IServiceScopeFactory scopes, TimeProvider time)
{
    /// <summary>How many cases one page reads.</summary>
    public const int PageSize = 200;

    private const int Attempts = 3;

    /// <summary>Recomputes every case with open provisional deadlines.</summary>
    /// <param name="engine">The engine over the catalog with the new calendar (the cases' pinned definitions resolve in it).</param>
    /// <param name="actor">Who is recorded in the audit events (the administrator who published the calendar).</param>
    /// <param name="cancellationToken">Stops between cases (a case's commit completes or writes nothing).</param>
    /// <returns>What was done.</returns>
    public async Task<ProvisionalRecomputeSummary> RunAsync(WorkflowEngine engine, Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(actor);
        var deadlines = new DeadlineEngine(engine);
        var failures = new List<DeadlineTickFailure>();
        int examined = 0, committed = 0, moved = 0, conflicts = 0;
        string? after = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var page = await services.GetRequiredService<IProvisionalDeadlineCases>().NextPageAsync(after, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                break;
            }

            after = page[^1];
            var cases = services.GetRequiredService<ICaseStore>();
            var unitOfWork = services.GetRequiredService<IUnitOfWork>();
            var signal = services.GetService<IOutboxSignal>();
            foreach (var id in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                examined++;
                var outcome = await RecomputeAsync(id, engine, deadlines, cases, unitOfWork, actor, cancellationToken).ConfigureAwait(false);
                switch (outcome)
                {
                    case { Error: { } error }:
                        failures.Add(new DeadlineTickFailure(id, error));
                        break;
                    case { Conflict: true }:
                        conflicts++;
                        break;
                    case { Moved: > 0, Messages: var messages }:
                        committed++;
                        moved += outcome.Moved;
                        if (messages)
                        {
                            signal?.Notify();
                        }

                        break;
                }
            }

            if (page.Count < PageSize)
            {
                break;
            }
        }

        return new ProvisionalRecomputeSummary(examined, committed, moved, conflicts, failures);
    }

    private async Task<Outcome> RecomputeAsync(
        string id, WorkflowEngine engine, DeadlineEngine deadlines, ICaseStore cases, IUnitOfWork unitOfWork, Actor actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            CaseChangeSet changes;
            RecomputeResult result;
            try
            {
                if (await cases.LoadAsync(id, cancellationToken).ConfigureAwait(false) is not { } stored)
                {
                    return default;
                }

                result = deadlines.RecomputeProvisional(stored.Case);
                if (result.Changed.Count == 0)
                {
                    return default;
                }

                changes = RecomputeChangeSetBuilder.Build(engine.Catalog, stored, result, actor, Instant.FromDateTimeOffset(time.GetUtcNow()), time);
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or KeyNotFoundException)
            {
                // One unreadable case (a damaged snapshot, a definition no longer in the catalog) must not hold up the others.
                return new Outcome(0, false, false, e.GetType().Name + ": " + e.Message);
            }

            var commit = await unitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            if (commit.Status == CommitStatus.Committed)
            {
                return new Outcome(result.Changed.Count, changes.Outbox.Count > 0, false, null);
            }
        }

        return new Outcome(0, false, true, null);
    }

    private readonly record struct Outcome(int Moved, bool Messages, bool Conflict, string? Error);
}
