using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>The runtime benchmark's stored-cases phases: populate a store with M cases by raw SQL, then run a host on it.</summary>
internal static partial class RuntimeBench
{
    private static async Task<Dictionary<string, double>> PopulatePhaseAsync(string db, int m, string captureFile)
    {
        var capture = JsonSerializer.Deserialize<Capture>(await File.ReadAllTextAsync(captureFile))!;
        await using (var services = Host(db, new BenchClock()))
        {
            await MigrateAsync(services);
        }

        SqliteConnection.ClearAllPools();
        await using var connection = new SqliteConnection($"Data Source={db}");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA synchronous=OFF;"); // bulk load only; the measured host uses the defaults
        var templateId = JsonDocument.Parse(capture.Stored).RootElement.GetProperty("id").GetString()!;
        await using var insert = FloorWriter.Prepare(connection,
            "INSERT INTO Cases (Id, DefinitionId, DefinitionVersion, State, Version, Snapshot, AuditSequence, AuditHead, CreatedAt, UpdatedAt) VALUES ($id, 'claim', '1.0.0', $state, $v, $snapshot, $seq, $head, $at, $at)",
            "$id", "$state", "$v", "$snapshot", "$seq", "$head", "$at");
        var version = JsonDocument.Parse(capture.Stored).RootElement.GetProperty("version").GetInt64();
        var at = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        const int Batch = 20_000;
        for (var i = 0; i < m; i += Batch)
        {
            await using var tx = connection.BeginTransaction();
            insert.Transaction = tx;
            for (var j = i; j < Math.Min(m, i + Batch); j++)
            {
                var id = FormattableString.Invariant($"stored{j:D10}");
                FloorWriter.Set(insert, id, capture.StoredState, version, capture.Stored.Replace(templateId, id, StringComparison.Ordinal),
                    version + 1, "ab" + new string('0', 62), at.AddSeconds(j).ToUnixTimeMilliseconds() * 10_000);
                await insert.ExecuteNonQueryAsync();
            }

            await tx.CommitAsync();
        }

        await Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return new Dictionary<string, double> { ["stored"] = m, ["snapshotBytes"] = capture.Stored.Length };
    }

    private static async Task<Dictionary<string, double>> HostPhaseAsync(string db, string captureFile)
    {
        var capture = JsonSerializer.Deserialize<Capture>(await File.ReadAllTextAsync(captureFile))!;
        var wsStart = WorkingSet();
        var clock = new BenchClock { Now = new DateTimeOffset(2027, 1, 1, 1, 0, 0, TimeSpan.Zero) };
        await using var services = Host(db, clock);
        await MigrateAsync(services);
        var wsMigrated = WorkingSet();
        // A handful of stored cases: each fires the step that follows the template's state (step 9, ClaimPunitiveDamages) ...
        for (var k = 0; k < 5; k++)
        {
            var id = FormattableString.Invariant($"stored{k * 197:D10}");
            clock.Now = clock.Now.AddHours(1);
            await SendAsync(services, Fire(id, 9));
        }

        // ... and five new claims run the whole path.
        for (var k = 0; k < 5; k++)
        {
            var id = (await SendAsync(services, Start())).CaseId;
            foreach (var type in ClaimScenario.Documents)
            {
                await SendAsync(services, Attach(id, type));
            }

            var t0 = clock.Now;
            for (var step = 0; step < ClaimScenario.Steps; step++)
            {
                clock.Now = t0.AddHours(step + 1);
                await SendAsync(services, Fire(id, step));
            }
        }

        _ = capture;
        return new Dictionary<string, double>
        {
            ["wsStart"] = Mb(wsStart),
            ["wsMigrated"] = Mb(wsMigrated),
            ["wsAfter"] = Mb(WorkingSet()),
            ["wsPeak"] = Mb(PeakWorkingSet()),
            ["managed"] = Mb(GC.GetTotalMemory(false)),
        };
    }
}
