using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>
/// Sets a busy handler on every SQLite connection the store opens (EF Core's through this interceptor; the command
/// path's own connections, <c>SqliteWriter</c> and <c>SqliteReaders</c>, run <see cref="Apply"/>): a connection that
/// finds the file locked by another writer (the outbox relay, the webhook fan-out, the delivery worker, the sweeper's
/// claims and commits all write beside each other) waits inside SQLite and looks again every millisecond, for up to
/// 30 s. Without a handler Microsoft.Data.Sqlite sleeps 150 ms per retry; SQLite's own <c>busy_timeout</c> backs off
/// 1, 2, 5, 10 … up to 100 ms between looks, so a writer that waited behind a long batch commit slept on for tens of
/// milliseconds after the lock was free (docs/benchmarks.md: on a deadline burst, seconds per second across threads).
/// </summary>
internal sealed unsafe partial class SqliteBusyTimeout : DbConnectionInterceptor
{
    /// <summary>How long a connection waits for the lock before SQLite reports it busy (as <c>PRAGMA busy_timeout = 30000</c>).</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    private static long _looks;

    /// <summary>How often a connection of this process found the lock taken and looked again (for diagnostics and tests).</summary>
    public static long Looks => Interlocked.Read(ref _looks);

    /// <summary>Sets the busy handler on an open connection (the interceptor's, or one opened outside EF Core).</summary>
    public static void Apply(DbConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is not SqliteConnection { Handle: { } handle })
        {
            throw new ArgumentException("an open SQLite connection is needed", nameof(connection));
        }

        var rc = BusyHandler(handle.DangerousGetHandle(), &OnBusy, IntPtr.Zero);
        if (rc != 0)
        {
            throw new InvalidOperationException("SQLite refused the busy handler (code " + rc.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")");
        }
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // The native library Microsoft.Data.Sqlite's bundle loads (SQLitePCLRaw has no managed binding for this call).
    [LibraryImport("e_sqlite3", EntryPoint = "sqlite3_busy_handler")]
    private static partial int BusyHandler(IntPtr db, delegate* unmanaged[Cdecl]<IntPtr, int, int> handler, IntPtr argument);

    // SQLite calls this each time the lock is found taken; count is how often it did so before for the same wait.
    // Non-zero: look again. Zero: give up (SQLITE_BUSY). A millisecond's sleep per look, so about Limit in all.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnBusy(IntPtr argument, int count)
    {
        if (count >= Limit.TotalMilliseconds)
        {
            return 0;
        }

        Interlocked.Increment(ref _looks);
        Thread.Sleep(1);
        return 1;
    }
}
