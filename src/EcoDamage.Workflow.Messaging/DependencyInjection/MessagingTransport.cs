namespace EcoDamage.Workflow.Messaging.DependencyInjection;

/// <summary>The MassTransit transport.</summary>
public enum MessagingTransport
{
    /// <summary>MassTransit's in-memory transport: one process (the embedded default).</summary>
    InMemory,

    /// <summary>RabbitMQ: several nodes share the fan-out queue.</summary>
    RabbitMq,
}
