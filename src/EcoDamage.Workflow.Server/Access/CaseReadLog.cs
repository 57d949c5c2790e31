using System.Diagnostics.Metrics;
using System.Threading.Channels;
using EcoDamage.Workflow.Runtime.Access;
using EcoDamage.Workflow.Server.Security;
using NodaTime;

namespace EcoDamage.Workflow.Server.Access;

/// <summary>
/// The read log's queue: a read is recorded without waiting (a bounded channel that <see cref="CaseReadFlusher"/>
/// writes to the <c>CaseReads</c> table in batches, off the request path). When the queue is full the read still
/// answers and the record is dropped and counted (<c>ecodamage.case.reads.dropped</c>).
/// </summary>
internal sealed class CaseReadLog : IDisposable
{
    /// <summary>The Meter name.</summary>
    public const string MeterName = "EcoDamage.Workflow.Access";

    /// <summary>The most reads waiting to be written.</summary>
    public const int Capacity = 10_000;

    private readonly Channel<CaseRead> _queue = Channel.CreateBounded<CaseRead>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });

    private readonly TimeProvider _time;
    private readonly Meter _meter;
    private readonly Counter<long> _recorded;
    private readonly Counter<long> _dropped;
    private long _droppedTotal;

    public CaseReadLog(TimeProvider time, IMeterFactory meters)
    {
        _time = time;
        _meter = meters.Create(MeterName);
        _recorded = _meter.CreateCounter<long>("ecodamage.case.reads", description: "Reads of cases queued for the read log.");
        _dropped = _meter.CreateCounter<long>("ecodamage.case.reads.dropped", description: "Reads of cases not logged because the read log's queue was full.");
    }

    /// <summary>The reads waiting to be written.</summary>
    public ChannelReader<CaseRead> Pending => _queue.Reader;

    /// <summary>How many reads were dropped since start.</summary>
    public long Dropped => Interlocked.Read(ref _droppedTotal);

    /// <summary>Queues the read of <paramref name="what"/> of case <paramref name="caseId"/> by <paramref name="caller"/>.</summary>
    public void Record(string caseId, Caller caller, string what)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var read = new CaseRead(caseId, caller.Subject, caller.Role, caller.Department, what, Instant.FromDateTimeOffset(_time.GetUtcNow()));
        if (_queue.Writer.TryWrite(read))
        {
            _recorded.Add(1);
        }
        else
        {
            Drop(1);
        }
    }

    /// <summary>Counts <paramref name="count"/> reads lost (a full queue, or a batch the store refused).</summary>
    public void Drop(int count)
    {
        Interlocked.Add(ref _droppedTotal, count);
        _dropped.Add(count);
    }

    /// <summary>No more reads are queued (the host stops); the flusher writes what is left.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    public void Dispose() => _meter.Dispose();
}
