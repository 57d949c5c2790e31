using System.Net;
using System.Net.Sockets;
using EcoDamage.Workflow.Messaging.DependencyInjection;
using EcoDamage.Workflow.Messaging.Events;

namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>Checks a subscription's input; every problem is reported by field name.</summary>
internal static class SubscriptionValidator
{
    public static async Task<Dictionary<string, string[]>> ValidateAsync(SubscriptionInput input, WebhookOptions options, IReadOnlyCollection<string> declared, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Url))
        {
            errors["url"] = ["required: the absolute http or https URL to POST events to"];
        }
        else if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || input.Url.Length > 2048)
        {
            errors["url"] = ["must be an absolute http or https URL of at most 2048 characters"];
        }
        else if (!string.IsNullOrEmpty(uri.UserInfo) || !string.IsNullOrEmpty(uri.Fragment))
        {
            errors["url"] = ["must not carry user information or a fragment"];
        }
        else if (!options.AllowPrivateTargets && await RefusedTargetAsync(uri, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            errors["url"] = [refused];
        }

        if (input.EventTypes is not { Count: > 0 })
        {
            errors["eventTypes"] = ["at least one event name or pattern is required (e.g. \"case.opened\", \"case.*\", \"*\")"];
        }
        else if (input.EventTypes.Count > 50)
        {
            errors["eventTypes"] = ["at most 50 patterns"];
        }
        else if (input.EventTypes.Where(p => p is null || !EventNames.IsValidPattern(p, declared)).ToList() is { Count: > 0 } bad)
        {
            errors["eventTypes"] = [$"unknown event name or pattern: {string.Join(", ", bad.Select(b => $"'{b}'"))}; known names: {string.Join(", ", EventNames.All.Union(declared, StringComparer.Ordinal))}"];
        }

        if (input.Secret is not null
            && !(input.Secret.StartsWith(StandardWebhookSignature.SecretPrefix, StringComparison.Ordinal) && StandardWebhookSignature.TryDecodeSecret(input.Secret, out _)))
        {
            errors["secret"] = ["must be 'whsec_' followed by the base64 of 24 to 64 random bytes"];
        }

        Length("department", input.Department, 200);
        Length("jurisdiction", input.Jurisdiction, 200);
        Length("definitionId", input.DefinitionId, 200);
        Length("description", input.Description, 1000);
        return errors;

        void Length(string field, string? value, int max)
        {
            if (value is not null && (value.Length > max || value.Trim().Length == 0))
            {
                errors[field] = [$"must be 1 to {max} characters when given"];
            }
        }
    }

    private static async Task<string?> RefusedTargetAsync(Uri uri, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.DnsSafeHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                return $"host '{uri.Host}' cannot be resolved";
            }
        }

        return addresses.Length == 0 || addresses.Any(TargetAddressPolicy.IsForbidden)
            ? $"host '{uri.Host}' is a private, loopback or link-local address (refused unless Webhooks:AllowPrivateTargets is set)"
            : null;
    }
}
