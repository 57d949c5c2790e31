namespace EmbeddingSample.Webhooks;

/// <summary>
/// The secrets deliveries may be signed with: the configured one, or the one the subscription was created with.
/// Several at once so that a rotated secret keeps working until the host signs with the new one.
/// </summary>
internal sealed class WebhookSecrets
{
    private readonly Lock _gate = new();
    private List<byte[]> _keys = [];

    public IReadOnlyList<byte[]> Keys
    {
        get
        {
            lock (_gate)
            {
                return _keys;
            }
        }
    }

    /// <summary>Adds a <c>whsec_…</c> secret.</summary>
    public void Add(string secret)
    {
        var key = WebhookSignature.Key(secret);
        lock (_gate)
        {
            _keys = [.. _keys, key];
        }
    }
}
