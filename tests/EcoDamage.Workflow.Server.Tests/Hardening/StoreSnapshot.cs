using EcoDamage.Workflow.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>
/// What a refused request must not change: the row count of every table of the store model (found from the model, so a
/// table added later is counted too), the sum of case versions, and the files under the documents folder. The logs a
/// request writes by design (the case read log, the security event log) and the key rings made once at start-up are not
/// data a refusal could change, and are left out.
/// </summary>
public sealed record StoreSnapshot(string Rows, int Files)
{
    private static readonly HashSet<string> Logs = new(StringComparer.Ordinal) { "CaseReads", "SecurityEvents", "DataProtectionKeys", "HostKeys" };

    public static async Task<StoreSnapshot> TakeAsync(ServerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDbContext>();
        var parts = new List<string>();
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).Where(t => t is not null && !Logs.Contains(t)).Distinct().Order(StringComparer.Ordinal))
        {
#pragma warning disable EF1002 // the table names come from the model, not from input
            var count = await db.Database.SqlQueryRaw<long>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
            parts.Add($"{table}={count}");
        }

        var versions = await db.Database.SqlQueryRaw<long>("SELECT COALESCE(SUM(\"Version\"), 0) AS \"Value\" FROM \"Cases\"").SingleAsync();
        parts.Add($"versions={versions}");
        return new StoreSnapshot(string.Join(", ", parts), CountFiles(DocumentsFolder(factory)));
    }

    public static string DocumentsFolder(ServerFactory factory) => Path.Combine(factory.DataFolder, "documents");

    private static int CountFiles(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Length : 0;
}
