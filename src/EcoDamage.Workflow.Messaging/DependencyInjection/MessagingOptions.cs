namespace EcoDamage.Workflow.Messaging.DependencyInjection;

/// <summary>The bus and the outbox relay (configuration section <c>Messaging</c>; checked at start by <see cref="MessagingOptionsValidator"/>).</summary>
public sealed class MessagingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Messaging";

    /// <summary>The transport on which claimed events are published for integration consumers.</summary>
    /// <value><see cref="MessagingTransport.InMemory"/> (embedded default, one process).</value>
    public MessagingTransport Transport { get; set; } = MessagingTransport.InMemory;

    /// <summary>The RabbitMQ broker when <see cref="Transport"/> is <see cref="MessagingTransport.RabbitMq"/>.</summary>
    /// <value><c>amqp://guest:guest@localhost:5672/</c>; user, password and virtual host come from the URI.</value>
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>How often the relay looks at the outbox when no commit has woken it.</summary>
    /// <value>One second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Rows a relay claims per round: one transaction (with their webhook deliveries), one bus message.</summary>
    /// <value>500.</value>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// How long a stopping node waits for the bus (integration consumers in this process get half of it to finish).
    /// Webhooks do not depend on it: their deliveries are rows written with the claim.
    /// </summary>
    /// <value>10 seconds.</value>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
