namespace EcoDamage.Workflow.Runtime.Idempotency;

/// <summary>
/// Idempotency keys are a namespace per caller: the key stored is the caller's subject and its key, so one caller's key
/// never answers, or blocks, another caller's request.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The stored form of <paramref name="key"/> sent by <paramref name="subject"/>: the subject's length, the subject, the key (unambiguous whatever either holds).</summary>
    /// <param name="subject">The caller (the actor's id).</param>
    /// <param name="key">The key the caller sent.</param>
    /// <returns>The key as storage records it.</returns>
    public static string Scoped(string subject, string key)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(key);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{subject.Length}:{subject}:{key}");
    }
}
