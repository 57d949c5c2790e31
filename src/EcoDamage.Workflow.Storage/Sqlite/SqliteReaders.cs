using System.Collections.Concurrent;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>
/// Read connections beside the <see cref="SqliteWriter"/>: WAL lets readers run while the writer commits, so loading
/// a case (an API read, a command's load, the deadline sweeper's batch) or a command's idempotency record never waits
/// behind a group commit. Each
/// statement is its own read transaction and sees every commit that completed before it began. Connections are
/// opened on demand, keep their prepared statements, and go back to an idle pool (at most <see cref="MaxIdle"/> kept).
/// </summary>
/// <param name="options">The connection string.</param>
internal sealed class SqliteReaders(WorkflowStorageOptions options) : IDisposable
{
    private const int MaxIdle = 8;
    private readonly ConcurrentBag<SqliteReader> _idle = [];
    private volatile bool _disposed;

    /// <summary>Runs <paramref name="read"/> on an idle reader (or a new one) and returns the reader to the pool.</summary>
    public T Run<T>(Func<SqliteReader, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var reader = _idle.TryTake(out var idle) ? idle : new SqliteReader(options.ConnectionString);
        T result;
        try
        {
            result = read(reader);
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        if (!_disposed && _idle.Count < MaxIdle)
        {
            _idle.Add(reader);
        }
        else
        {
            reader.Dispose();
        }

        return result;
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }
}
