using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.Runtime.Ports;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>
/// Migrations of running cases on purpose: create one from a validated plan, dry-run it page by page (nothing written),
/// and start its execution (run by <see cref="MigrationRunner"/> batch by batch on a worker).
/// </summary>
/// <param name="engine">The engine; its catalog holds both versions.</param>
/// <param name="store">Stores migrations and pages affected cases.</param>
/// <param name="cases">Reads cases.</param>
/// <param name="queue">Tells the worker to run a migration.</param>
/// <param name="time">The only clock.</param>
public sealed class MigrationService(WorkflowEngine engine, IMigrationStore store, ICaseStore cases, MigrationQueue queue, TimeProvider time)
{
    /// <summary>Validates <paramref name="plan"/> against the catalog's two versions and stores it as a new migration.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="actor">The administrator.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The migration, or every problem of the plan.</returns>
    public async Task<MigrationCreated> CreateAsync(MigrationPlan plan, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var catalog = engine.Catalog;
        var problems = MigrationPlanValidator.Validate(plan, catalog.Find(plan.DefinitionId, plan.From), catalog.Find(plan.DefinitionId, plan.To));
        if (problems.Count > 0)
        {
            return new MigrationCreated(null, problems);
        }

        var now = time.GetUtcNow();
        var migration = new MigrationRecord(Guid.CreateVersion7(now).ToString("N"), plan, MigrationStatus.Created, Instant.FromDateTimeOffset(now), actor);
        await store.AddAsync(migration, MigrationTrail.Entry(migration, Catalog.AdministrationKinds.MigrationPlanned, actor, now), cancellationToken).ConfigureAwait(false);
        return new MigrationCreated(migration, []);
    }

    /// <summary>One migration, or null.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The migration.</returns>
    public Task<MigrationRecord?> GetAsync(string id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    /// <summary>Every migration, newest first.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The migrations.</returns>
    public Task<IReadOnlyList<MigrationRecord>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    /// <summary>What executing the migration would do to the cases on its old version after <paramref name="after"/>, nothing written.</summary>
    /// <param name="migration">The migration.</param>
    /// <param name="after">The cursor (a case id), or null from the first case.</param>
    /// <param name="limit">Cases per page.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The page, or null when a version of the plan is no longer in the catalog.</returns>
    public async Task<DryRunPage?> DryRunAsync(MigrationRecord migration, string? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var plan = migration.Plan;
        var (from, to) = (engine.Catalog.Find(plan.DefinitionId, plan.From), engine.Catalog.Find(plan.DefinitionId, plan.To));
        if (from is null || to is null)
        {
            return null;
        }

        var ids = await store.CaseIdsAsync(plan.DefinitionId, plan.From.ToString(), after, limit, cancellationToken).ConfigureAwait(false);
        var loaded = await cases.LoadManyAsync(ids, cancellationToken).ConfigureAwait(false);
        var at = Instant.FromDateTimeOffset(time.GetUtcNow());
        var (mapped, unmappable, closed) = (new List<CaseMigration>(), new List<CaseMigration>(), 0);
        foreach (var id in ids)
        {
            if (!loaded.TryGetValue(id, out var stored) || stored.Case.DefinitionVersion != plan.From)
            {
                continue;
            }

            if (engine.IsClosed(stored.Case))
            {
                closed++;
                continue;
            }

            var result = CaseMigrator.Migrate(stored.Case, plan, from, to, at);
            (result.IsUnmappable ? unmappable : mapped).Add(result);
        }

        var affected = await store.CountCasesAsync(plan.DefinitionId, plan.From.ToString(), cancellationToken).ConfigureAwait(false);
        return new DryRunPage(mapped, unmappable, closed, affected, ids.Count == limit ? ids[^1] : null);
    }

    /// <summary>
    /// Starts executing <paramref name="migration"/> as <paramref name="actor"/>: a created or completed one starts a new
    /// execution (counters from zero: a second execution of a completed migration migrates only cases still on the old
    /// version); a running one is left running (and queued again, so a stopped one resumes).
    /// </summary>
    /// <param name="migration">The migration.</param>
    /// <param name="actor">The administrator.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The migration as it is now.</returns>
    public async Task<MigrationRecord> ExecuteAsync(MigrationRecord migration, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migration);
        if (migration.Status == MigrationStatus.Running)
        {
            // Queued again: a worker that stopped on a storage error resumes it after its last stored batch; one that is
            // running it finds it completed when it comes to this entry.
            queue.Enqueue(migration.Id);
            return migration;
        }

        var running = migration with
        {
            Status = MigrationStatus.Running,
            StartedAt = Instant.FromDateTimeOffset(time.GetUtcNow()),
            StartedBy = actor,
            CompletedAt = null,
            Cursor = null,
            Counters = MigrationCounters.Zero,
        };
        await store.UpdateAsync(running, MigrationTrail.Entry(running, Catalog.AdministrationKinds.MigrationStarted, actor, time.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
        queue.Enqueue(running.Id);
        return running;
    }
}
