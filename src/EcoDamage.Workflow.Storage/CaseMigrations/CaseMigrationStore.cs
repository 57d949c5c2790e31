using System.Text.Json;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Migration;
using EcoDamage.Workflow.Runtime.Catalog;
using EcoDamage.Workflow.Runtime.Migrations;
using EcoDamage.Workflow.Storage.Sql;
using Microsoft.EntityFrameworkCore;

namespace EcoDamage.Workflow.Storage.CaseMigrations;

/// <summary>Migrations on EF Core, and the paged case ids of one definition version (index DefinitionId, DefinitionVersion, Id).</summary>
internal sealed class CaseMigrationStore(WorkflowDbContext db) : IMigrationStore
{
    private DbSet<CaseMigrationRow> Rows => db.Set<CaseMigrationRow>();

    public Task AddAsync(MigrationRecord migration, AdministrationEntry entry, CancellationToken cancellationToken = default) =>
        Catalog.TrailAppender.RunAsync(db, async () =>
        {
            await AddRowAsync(migration, entry, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    private async Task AddRowAsync(MigrationRecord migration, AdministrationEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var plan = migration.Plan;
        var row = new CaseMigrationRow
        {
            Id = migration.Id,
            DefinitionId = plan.DefinitionId,
            FromVersion = plan.From.ToString(),
            ToVersion = plan.To.ToString(),
            StateMap = JsonSerializer.Serialize(plan.StateMap),
            DeadlinePolicy = plan.Deadlines.ToString(),
            DeadlineOverrides = JsonSerializer.Serialize(plan.DeadlineOverrides.ToDictionary(o => o.Key, o => o.Value.ToString(), StringComparer.Ordinal)),
            Status = migration.Status.ToString(),
            CreatedAt = Ticks.From(migration.CreatedAt),
            CreatedBy = migration.CreatedBy,
        };
        Copy(migration, row);
        Rows.Add(row);
        await Catalog.TrailAppender.AppendAsync(db, entry, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.Entry(row).State = EntityState.Detached;
    }

    public async Task<MigrationRecord?> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await Rows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false) is { } row ? Record(row) : null;

    public async Task<IReadOnlyList<MigrationRecord>> ListAsync(CancellationToken cancellationToken = default) =>
        (await Rows.AsNoTracking().OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false))
        .Select(Record).ToList();

    public async Task UpdateAsync(MigrationRecord migration, AdministrationEntry? entry = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(migration);
        if (entry is null)
        {
            await UpdateRowAsync(migration, cancellationToken).ConfigureAwait(false);
            return;
        }

        // The status change and its trail event commit together.
        await Catalog.TrailAppender.RunAsync(db, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await UpdateRowAsync(migration, cancellationToken).ConfigureAwait(false);
            await Catalog.TrailAppender.AppendAsync(db, entry, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
    }

    private async Task UpdateRowAsync(MigrationRecord migration, CancellationToken cancellationToken)
    {
        var c = migration.Counters;
        await Rows.Where(r => r.Id == migration.Id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, migration.Status.ToString())
                .SetProperty(r => r.StartedAt, Ticks.From(migration.StartedAt))
                .SetProperty(r => r.StartedBy, migration.StartedBy)
                .SetProperty(r => r.CompletedAt, Ticks.From(migration.CompletedAt))
                .SetProperty(r => r.Cursor, migration.Cursor)
                .SetProperty(r => r.Migrated, c.Migrated)
                .SetProperty(r => r.Unmappable, c.Unmappable)
                .SetProperty(r => r.Closed, c.Closed)
                .SetProperty(r => r.Skipped, c.Skipped)
                .SetProperty(r => r.Retried, c.Retried),
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> CaseIdsAsync(string definitionId, string version, string? after, int limit, CancellationToken cancellationToken = default)
    {
        var query = db.Cases.AsNoTracking().Where(c => c.DefinitionId == definitionId && c.DefinitionVersion == version);
        if (after is not null)
        {
            query = query.Where(c => c.Id.CompareTo(after) > 0);
        }

        return await query.OrderBy(c => c.Id).Select(c => c.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<long> CountCasesAsync(string definitionId, string version, CancellationToken cancellationToken = default) =>
        db.Cases.AsNoTracking().LongCountAsync(c => c.DefinitionId == definitionId && c.DefinitionVersion == version, cancellationToken);

    private static void Copy(MigrationRecord migration, CaseMigrationRow row)
    {
        row.Status = migration.Status.ToString();
        row.StartedAt = Ticks.From(migration.StartedAt);
        row.StartedBy = migration.StartedBy;
        row.CompletedAt = Ticks.From(migration.CompletedAt);
        row.Cursor = migration.Cursor;
        (row.Migrated, row.Unmappable, row.Closed, row.Skipped, row.Retried) =
            (migration.Counters.Migrated, migration.Counters.Unmappable, migration.Counters.Closed, migration.Counters.Skipped, migration.Counters.Retried);
    }

    private static SemanticVersion Version(string text) =>
        SemanticVersion.TryParse(text, out var version) ? version : throw new InvalidOperationException($"stored migration version '{text}' is not major.minor.patch");

    private static MigrationRecord Record(CaseMigrationRow row)
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(row.StateMap) ?? [];
        var overrides = (JsonSerializer.Deserialize<Dictionary<string, string>>(row.DeadlineOverrides) ?? [])
            .ToDictionary(o => o.Key, o => Enum.Parse<DeadlinePolicy>(o.Value), StringComparer.Ordinal);
        var plan = new MigrationPlan(row.DefinitionId, Version(row.FromVersion), Version(row.ToVersion),
            new Dictionary<string, string>(map, StringComparer.Ordinal), Enum.Parse<DeadlinePolicy>(row.DeadlinePolicy))
        {
            DeadlineOverrides = overrides,
        };
        return new MigrationRecord(row.Id, plan, Enum.Parse<MigrationStatus>(row.Status), Ticks.ToInstant(row.CreatedAt), row.CreatedBy)
        {
            StartedAt = row.StartedAt is { } s ? Ticks.ToInstant(s) : null,
            StartedBy = row.StartedBy,
            CompletedAt = row.CompletedAt is { } c ? Ticks.ToInstant(c) : null,
            Cursor = row.Cursor,
            Counters = new MigrationCounters(row.Migrated, row.Unmappable, row.Closed, row.Skipped, row.Retried),
        };
    }
}
