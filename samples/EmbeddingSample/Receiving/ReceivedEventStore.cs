using System.Collections.Concurrent;
using System.Text.Json;

namespace EmbeddingSample.Receiving;

/// <summary>
/// What the sample received, in memory and appended to a JSON-lines file (one event a line). Ids already in the file
/// when the service starts count as seen, so a delivery retried across a restart is still stored once.
/// </summary>
internal sealed class ReceivedEventStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, ReceivedEvent> _seen = new(StringComparer.Ordinal);
    private readonly List<ReceivedEvent> _inOrder = [];
    private readonly Lock _gate = new();
    private readonly string _file;

    public ReceivedEventStore(string file)
    {
        _file = Path.GetFullPath(file);
        if (!File.Exists(_file))
        {
            return;
        }

        var text = File.ReadAllText(_file);
        if (text.Length > 0 && text[^1] != '\n')
        {
            File.AppendAllText(_file, "\n"); // so that the next event starts a line of its own
        }

        foreach (var line in text.Split('\n').Where(l => l.Length > 0))
        {
            if (Read(line) is { } stored && _seen.TryAdd(stored.WebhookId, stored))
            {
                _inOrder.Add(stored);
            }
        }
    }

    /// <summary>The file events are appended to.</summary>
    public string FilePath => _file;

    /// <summary>Every event received, in arrival order.</summary>
    public IReadOnlyList<ReceivedEvent> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _inOrder];
            }
        }
    }

    // A line cut short by a crash mid-append is skipped rather than stopping the service.
    private static ReceivedEvent? Read(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<ReceivedEvent>(line, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="received"/> unless its webhook-id was seen; false for a duplicate.</summary>
    public bool TryAdd(ReceivedEvent received)
    {
        lock (_gate)
        {
            if (!_seen.TryAdd(received.WebhookId, received))
            {
                return false;
            }

            _inOrder.Add(received);
            Directory.CreateDirectory(Path.GetDirectoryName(_file)!);
            File.AppendAllText(_file, JsonSerializer.Serialize(received, Json) + "\n");
            return true;
        }
    }
}
