using EcoDamage.Workflow.Engine.Compilation;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.Runtime.Ports;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>
/// Executes a running migration one batch at a time: the cases of a batch are migrated and committed in groups of 50, each
/// case with its own version check and succeeding or failing on its own (the store shares one durable write per group;
/// ordinary commands are served between groups), a version conflict with a command reloads the case and tries again, and the cursor and counters are stored after each batch, so a restart resumes after the last batch. A
/// case already on the new version is skipped: executing again migrates nothing twice.
/// </summary>
/// <param name="engine">The engine; its catalog holds both versions.</param>
/// <param name="store">Stores migrations and pages affected cases.</param>
/// <param name="cases">Reads cases.</param>
/// <param name="unitOfWork">Commits each migrated case.</param>
/// <param name="time">The only clock.</param>
public sealed class MigrationRunner(WorkflowEngine engine, IMigrationStore store, ICaseStore cases, IUnitOfWork unitOfWork, TimeProvider time)
{
    private const int MaxAttempts = 5;

    /// <summary>Migrated cases committed together (each with its own version check): one durable write for the group.</summary>
    private const int GroupSize = 50;

    /// <summary>Cases per batch.</summary>
    /// <value>200.</value>
    public int BatchSize { get; set; } = 200;

    /// <summary>Runs the next batch of <paramref name="migrationId"/>.</summary>
    /// <param name="migrationId">The migration.</param>
    /// <param name="cancellationToken">Cancels between cases (what was committed stays, and the cursor of the last full batch).</param>
    /// <returns>True when more batches remain; false when the migration is completed, not running or unknown.</returns>
    public async Task<bool> RunBatchAsync(string migrationId, CancellationToken cancellationToken = default)
    {
        if (await store.GetAsync(migrationId, cancellationToken).ConfigureAwait(false) is not { Status: MigrationStatus.Running } migration)
        {
            return false;
        }

        var plan = migration.Plan;
        var (from, to) = (engine.Catalog.Find(plan.DefinitionId, plan.From), engine.Catalog.Find(plan.DefinitionId, plan.To));
        var ids = from is null || to is null
            ? []
            : await store.CaseIdsAsync(plan.DefinitionId, plan.From.ToString(), migration.Cursor, BatchSize, cancellationToken).ConfigureAwait(false);
        if (ids.Count == 0)
        {
            var completed = migration with { Status = MigrationStatus.Completed, CompletedAt = Now() };
            await store.UpdateAsync(
                completed, MigrationTrail.Entry(completed, Catalog.AdministrationKinds.MigrationCompleted, completed.StartedBy ?? completed.CreatedBy, completed.CompletedAt!.Value.ToDateTimeOffset()),
                cancellationToken).ConfigureAwait(false);
            return false;
        }

        var loaded = await cases.LoadManyAsync(ids, cancellationToken).ConfigureAwait(false);
        var counters = migration.Counters;
        var now = Now();
        var pending = new List<(StoredCase Before, CaseChangeSet Changes)>(GroupSize);
        foreach (var id in ids)
        {
            var stored = loaded.GetValueOrDefault(id);
            switch (Decide(stored, migration, from!, to!, now))
            {
                case Decision.Migrate migrate:
                    pending.Add((stored!, migrate.Changes));
                    break;
                case Decision.Count count:
                    counters = count.Apply(counters);
                    break;
            }

            if (pending.Count == GroupSize)
            {
                counters = await CommitAsync(pending, migration, from!, to!, counters, cancellationToken).ConfigureAwait(false);
            }
        }

        counters = await CommitAsync(pending, migration, from!, to!, counters, cancellationToken).ConfigureAwait(false);

        await store.UpdateAsync(migration with { Cursor = ids[^1], Counters = counters }, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Commits <paramref name="pending"/> as one group (each case succeeds or fails on its own, with its own version check;
    /// the store shares one durable write among them) and retries each case a command changed meanwhile on its reloaded state.
    /// </summary>
    private async Task<MigrationCounters> CommitAsync(
        List<(StoredCase Before, CaseChangeSet Changes)> pending, MigrationRecord migration, CompiledWorkflow from, CompiledWorkflow to,
        MigrationCounters counters, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return counters;
        }

        var results = await unitOfWork.CommitBatchAsync(pending.Select(p => p.Changes).ToArray(), cancellationToken).ConfigureAwait(false);
        var conflicted = new List<string>();
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Status == CommitStatus.Committed)
            {
                counters = counters with { Migrated = counters.Migrated + 1 };
            }
            else
            {
                conflicted.Add(pending[i].Before.Case.Id);
            }
        }

        pending.Clear();
        foreach (var id in conflicted)
        {
            counters = await RetryAsync(id, migration, from, to, counters, cancellationToken).ConfigureAwait(false);
        }

        return counters;
    }

    /// <summary>Migrates one case an ordinary command changed meanwhile, alone, reloading it after each conflict.</summary>
    private async Task<MigrationCounters> RetryAsync(
        string id, MigrationRecord migration, CompiledWorkflow from, CompiledWorkflow to, MigrationCounters counters, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            counters = counters with { Retried = counters.Retried + 1 };
            var stored = await cases.LoadAsync(id, cancellationToken).ConfigureAwait(false);
            switch (Decide(stored, migration, from, to, Now()))
            {
                case Decision.Count count:
                    return count.Apply(counters);
                case Decision.Migrate migrate:
                    if ((await unitOfWork.CommitAsync(migrate.Changes, cancellationToken).ConfigureAwait(false)).Status == CommitStatus.Committed)
                    {
                        return counters with { Migrated = counters.Migrated + 1 };
                    }

                    break;
            }
        }

        return counters with { Skipped = counters.Skipped + 1 };
    }

    /// <summary>What to do with one loaded case: write its migration, or count why not.</summary>
    private Decision Decide(StoredCase? stored, MigrationRecord migration, CompiledWorkflow from, CompiledWorkflow to, Instant now)
    {
        var plan = migration.Plan;
        if (stored is null || stored.Case.DefinitionVersion != plan.From || !string.Equals(stored.Case.DefinitionId, plan.DefinitionId, StringComparison.Ordinal))
        {
            return Decision.Skipped;
        }

        if (engine.IsClosed(stored.Case))
        {
            return Decision.Closed;
        }

        var result = CaseMigrator.Migrate(stored.Case, plan, from, to, now);
        return result.IsUnmappable
            ? Decision.Unmappable
            : new Decision.Migrate(MigrationChangeSets.Build(engine.Catalog, stored, result, migration.Id, migration.StartedBy ?? migration.CreatedBy, now));
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
