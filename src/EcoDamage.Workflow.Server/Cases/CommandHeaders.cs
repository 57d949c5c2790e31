using System.Globalization;
using EcoDamage.Workflow.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>The command headers: <c>Idempotency-Key</c> and <c>If-Match: "&lt;version&gt;"</c>.</summary>
internal static class CommandHeaders
{
    /// <summary>The longest idempotency key accepted.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>Reads both headers; a malformed one is a 400 naming it.</summary>
    public static ValidationProblem? TryRead(HttpRequest request, out string? idempotencyKey, out long? expectedVersion)
    {
        idempotencyKey = null;
        expectedVersion = null;
        var keys = request.Headers["Idempotency-Key"];
        if (keys.Count > 1 || (keys.Count == 1 && (string.IsNullOrWhiteSpace(keys[0]) || keys[0]!.Length > MaxKeyLength)))
        {
            return Problems.BadParameter("Idempotency-Key", $"send one non-empty key of at most {MaxKeyLength} characters");
        }

        idempotencyKey = keys.Count == 1 ? keys[0] : null;
        var matches = request.Headers.IfMatch;
        if (matches.Count == 0 || (matches.Count == 1 && matches[0] == "*"))
        {
            return null;
        }

        var text = matches.Count == 1 ? matches[0]!.Trim() : string.Empty;
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"'
            && long.TryParse(text.AsSpan(1, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            expectedVersion = version;
            return null;
        }

        return Problems.BadParameter("If-Match", "send the case's ETag, a quoted version such as \"3\"");
    }

    /// <summary>The ETag of a case version.</summary>
    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
