using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.Runtime.Ports;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>
/// Executes a running migration one batch at a time: each case of the batch is migrated and committed in its own
/// transaction (ordinary commands keep being served in between), a version conflict with a command reloads the case and
/// tries again, and the cursor and counters are stored after each batch, so a restart resumes after the last batch. A
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
            await store.UpdateAsync(migration with { Status = MigrationStatus.Completed, CompletedAt = Now() }, cancellationToken).ConfigureAwait(false);
            return false;
        }

        var loaded = await cases.LoadManyAsync(ids, cancellationToken).ConfigureAwait(false);
        var counters = migration.Counters;
        foreach (var id in ids)
        {
            counters = await MigrateAsync(loaded.GetValueOrDefault(id), migration, from!, to!, counters, cancellationToken).ConfigureAwait(false);
        }

        await store.UpdateAsync(migration with { Cursor = ids[^1], Counters = counters }, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<MigrationCounters> MigrateAsync(
        StoredCase? stored, MigrationRecord migration, EcoDamage.Workflow.Engine.Compilation.CompiledWorkflow from, EcoDamage.Workflow.Engine.Compilation.CompiledWorkflow to, MigrationCounters counters, CancellationToken cancellationToken)
    {
        var plan = migration.Plan;
        for (var attempt = 1; stored is not null; attempt++)
        {
            if (stored.Case.DefinitionVersion != plan.From || !string.Equals(stored.Case.DefinitionId, plan.DefinitionId, StringComparison.Ordinal))
            {
                break;
            }

            if (engine.IsClosed(stored.Case))
            {
                return counters with { Closed = counters.Closed + 1 };
            }

            var now = Now();
            var result = CaseMigrator.Migrate(stored.Case, plan, from, to, now);
            if (result.IsUnmappable)
            {
                return counters with { Unmappable = counters.Unmappable + 1 };
            }

            var changes = MigrationChangeSets.Build(engine.Catalog, stored, result, migration.Id, migration.StartedBy ?? migration.CreatedBy, now);
            var commit = await unitOfWork.CommitAsync(changes, cancellationToken).ConfigureAwait(false);
            if (commit.Status == CommitStatus.Committed)
            {
                return counters with { Migrated = counters.Migrated + 1 };
            }

            if (attempt >= MaxAttempts)
            {
                break;
            }

            // An ordinary command changed the case meanwhile: migrate what it left.
            counters = counters with { Retried = counters.Retried + 1 };
            stored = await cases.LoadAsync(stored.Case.Id, cancellationToken).ConfigureAwait(false);
        }

        return counters with { Skipped = counters.Skipped + 1 };
    }

    private Instant Now() => Instant.FromDateTimeOffset(time.GetUtcNow());
}
