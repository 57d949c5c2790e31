using System.Diagnostics;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.TestUtils;
using NodaTime;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>
/// Part of <c>--deadlines-ceiling</c>: one thread, one escalation's CPU path phase by phase over many copies of the
/// benchmark's due case — snapshot deserialization, engine tick, change set (audit hashing, outbox JSON), snapshot
/// serialization — with the time and the bytes allocated by each, to show where an escalation's cost goes.
/// </summary>
internal static class DeadlinePhases
{
    public static void Run(string snapshot, long auditSequence, string auditHead, int count)
    {
        var deadlines = new DeadlineEngine(new WorkflowEngine(ShippedCatalog.Catalog));
        var now = Instant.FromDateTimeOffset(DateTimeOffset.UtcNow);
        var deserialized = new CaseInstance[count];
        var ticks = new TickResult[count];
        var sets = new CaseChangeSet[count];
        var texts = new string[count];
        Console.WriteLine(FormattableString.Invariant($"phases of one escalation, one thread, {count:N0} cases (snapshot {snapshot.Length:N0} chars):"));
        Measure("deserialize snapshot", count, i => deserialized[i] = CaseJson.Deserialize(snapshot));
        Measure("engine tick", count, i => ticks[i] = deadlines.Tick(deserialized[i], now));
        Measure("change set (audit, outbox)", count, i => sets[i] = DeadlineChangeSetBuilder.Build(ShippedCatalog.Catalog,
            new StoredCase(deserialized[i], auditSequence, auditHead), ticks[i], now, Duration.FromMinutes(1), TimeProvider.System));
        Measure("serialize snapshot", count, i => texts[i] = CaseJson.Serialize(sets[i].Case));
        Measure("serialize, no fragment cache", count, i => texts[i] = CaseJson.SerializeOnce(sets[i].Case));
        GC.KeepAlive(texts);
    }

    private static void Measure(string phase, int count, Action<int> work)
    {
        // Warm the path first so the JIT's tiers do not count.
        for (var i = 0; i < Math.Min(200, count); i++)
        {
            work(i);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            work(i);
        }

        sw.Stop();
        Console.WriteLine(FormattableString.Invariant(
            $"  {phase,-28} {sw.Elapsed.TotalMicroseconds / count,7:F1} µs  {(GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)count / 1024,6:F1} KB"));
    }
}
