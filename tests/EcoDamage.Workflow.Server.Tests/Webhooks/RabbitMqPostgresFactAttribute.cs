using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>
/// A fact that needs RabbitMQ (<c>ECODAMAGE_TEST_RABBITMQ</c>, an amqp:// URI) and PostgreSQL (<c>ECODAMAGE_TEST_POSTGRES</c>);
/// skipped with a message when either is unset. test.sh starts both and sets them.
/// </summary>
public sealed class RabbitMqPostgresFactAttribute : FactAttribute
{
    public const string RabbitMqVariable = "ECODAMAGE_TEST_RABBITMQ";

    public RabbitMqPostgresFactAttribute()
    {
        if (RabbitMqUri is null || CaseDatabases.PostgresServer is null)
        {
            Skip = $"{RabbitMqVariable} or {CaseDatabases.PostgresVariable} is not set: no RabbitMQ broker or PostgreSQL server to test against (test.sh starts both and sets them)";
        }
    }

    public static string? RabbitMqUri => Environment.GetEnvironmentVariable(RabbitMqVariable) is { Length: > 0 } s ? s : null;
}
