namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// What no inbound string may hold: a NUL character (PostgreSQL refuses it in text, so it would fail at commit) or a
/// lone UTF-16 surrogate (not a character: it cannot be encoded as UTF-8 for storage, hashing or answers).
/// </summary>
internal static class InboundText
{
    /// <summary>Why <paramref name="value"/> is refused, or null when it may be accepted.</summary>
    public static string? Problem(ReadOnlySpan<char> value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0')
            {
                return "must not contain a NUL character (U+0000)";
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"must not contain a lone surrogate (U+{(int)c:X4})";
            }
        }

        return null;
    }
}
