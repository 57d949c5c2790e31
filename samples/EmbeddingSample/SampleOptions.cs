namespace EmbeddingSample;

/// <summary>The sample's settings (section <c>Sample</c>).</summary>
internal sealed class SampleOptions
{
    public const string SectionName = "Sample";

    /// <summary>The workflow host's base address.</summary>
    public Uri HostUrl { get; set; } = new("http://127.0.0.1:5080");

    /// <summary>The sample's own address unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>Urls</c> say otherwise.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5090";

    /// <summary>
    /// Where the host can reach this service; the subscription's target is <c>{PublicUrl}/hooks</c>. Unset: the first
    /// address the sample listens on (a wildcard host read as <c>127.0.0.1</c>).
    /// </summary>
    public Uri? PublicUrl { get; set; }

    /// <summary>This system's API key on the host (<c>Security:ApiKeys</c> there).</summary>
    public string ApiKey { get; set; } = "dev-law-enforcement-key";

    /// <summary>Extra API keys by role, for the steps another role must take (none are needed to open a case).</summary>
    public Dictionary<string, string> RoleKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>This system's name under the host's <c>Hooks:Inbound:Systems</c>.</summary>
    public string InboundSystem { get; set; } = "lawEnforcement";

    /// <summary>The secret the host holds for <see cref="InboundSystem"/> (<c>whsec_…</c>).</summary>
    public string InboundSecret { get; set; } = string.Empty;

    /// <summary>Register a webhook subscription on the host at start-up.</summary>
    public bool Subscribe { get; set; } = true;

    /// <summary>The event types subscribed to (wildcards allowed).</summary>
    public List<string> EventTypes { get; } = [];

    /// <summary>The secret deliveries are signed with; empty: one is generated and sent with the subscription.</summary>
    public string WebhookSecret { get; set; } = string.Empty;

    /// <summary>The JSON-lines file received events are appended to.</summary>
    public string ReceivedFile { get; set; } = "data/received-hooks.jsonl";

    /// <summary>How far a delivery's timestamp may lie from this service's clock.</summary>
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A URL the host can call for the first of <paramref name="urls"/> (<c>;</c>-separated, as ASP.NET Core takes them).</summary>
    public static Uri ReachableUrl(string? urls)
    {
        var first = (urls ?? DefaultUrls).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        foreach (var wildcard in new[] { "://+:", "://*:", "://0.0.0.0:", "://[::]:" })
        {
            first = first.Replace(wildcard, "://127.0.0.1:", StringComparison.Ordinal);
        }

        return new Uri(first);
    }
}
