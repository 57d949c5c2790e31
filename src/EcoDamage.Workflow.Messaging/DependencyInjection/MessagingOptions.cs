namespace EcoDamage.Workflow.Messaging.DependencyInjection;

/// <summary>The bus and the outbox relay (configuration section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Messaging";

    /// <summary>The transport.</summary>
    /// <value><see cref="MessagingTransport.InMemory"/> (embedded default, one process).</value>
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>The RabbitMQ broker when <see cref="Transport"/> is <see cref="MessagingTransport.RabbitMq"/>.</summary>
    /// <value><c>amqp://guest:guest@localhost:5672/</c>; user, password and virtual host come from the URI.</value>
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>The queue on which the webhook fan-out consumes events; nodes of one deployment share it.</summary>
    /// <value><c>ecodamage-webhook-fanout</c>.</value>
    public string FanOutQueue { get; set; } = "ecodamage-webhook-fanout";

    /// <summary>
    /// Whether RabbitMQ deletes the fan-out queue when its last consumer disconnects (tests and benchmarks, which use a
    /// queue of their own per run). A production deployment keeps its durable queue: events published while every node
    /// is down wait in it.
    /// </summary>
    /// <value>False.</value>
    public bool AutoDeleteQueue { get; set; }

    /// <summary>How often the relay looks at the outbox when no commit has woken it.</summary>
    /// <value>One second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a relay holds a published row waiting for its fan-out before any relay publishes it again.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows a relay claims per round: one bus message, one fan-out transaction.</summary>
    /// <value>500.</value>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long a stopping node waits for the bus. Fan-out batches in flight get half of it to finish (then their
    /// cancellation token is cancelled and their transaction rolls back); events the bus still holds (a relay backlog) are
    /// not consumed. None is lost: their outbox rows stay undispatched and are published again when their claim lease ends.
    /// </summary>
    /// <value>10 seconds.</value>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every problem with the options.</summary>
    /// <returns>The problems; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Transport == MessagingTransport.RabbitMq && !Uri.TryCreate(RabbitMqUri, UriKind.Absolute, out var uri) is var bad && (bad || uri is not { Scheme: "amqp" or "amqps" }))
        {
            problems.Add("Messaging:RabbitMqUri must be an amqp:// or amqps:// URI");
        }

        if (string.IsNullOrWhiteSpace(FanOutQueue))
        {
            problems.Add("Messaging:FanOutQueue is required");
        }

        if (PollInterval <= TimeSpan.Zero || ClaimLease <= TimeSpan.Zero)
        {
            problems.Add("Messaging:PollInterval and Messaging:ClaimLease must be positive");
        }

        if (StopTimeout <= TimeSpan.Zero)
        {
            problems.Add("Messaging:StopTimeout must be positive");
        }

        if (BatchSize is < 1 or > 10_000)
        {
            problems.Add("Messaging:BatchSize must be between 1 and 10000");
        }

        return problems;
    }
}
