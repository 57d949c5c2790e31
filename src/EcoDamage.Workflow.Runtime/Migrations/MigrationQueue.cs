using System.Threading.Channels;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>Tells the executing worker which migration to run (a singleton; the worker also resumes running ones at start).</summary>
public sealed class MigrationQueue
{
    private readonly Channel<string> _ids = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The ids queued for execution, in order.</summary>
    public ChannelReader<string> Pending => _ids.Reader;

    /// <summary>Queues <paramref name="migrationId"/> for execution.</summary>
    /// <param name="migrationId">The migration.</param>
    public void Enqueue(string migrationId) => _ids.Writer.TryWrite(migrationId);
}
