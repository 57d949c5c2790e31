using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Messaging.DependencyInjection;

/// <summary>Checks <see cref="MessagingOptions"/> at start; every problem is listed at once.</summary>
internal sealed class MessagingOptionsValidator : IValidateOptions<MessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, MessagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (options.Transport == MessagingTransport.RabbitMq
            && !(Uri.TryCreate(options.RabbitMqUri, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps"))
        {
            problems.Add("Messaging:RabbitMqUri must be an amqp:// or amqps:// URI");
        }

        if (options.PollInterval <= TimeSpan.Zero)
        {
            problems.Add("Messaging:PollInterval must be positive");
        }

        if (options.StopTimeout <= TimeSpan.Zero)
        {
            problems.Add("Messaging:StopTimeout must be positive");
        }

        if (options.BatchSize is < 1 or > 10_000)
        {
            problems.Add("Messaging:BatchSize must be between 1 and 10000");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
