using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>Reads a posted definition or document body: an accepted media type, at most a limit of bytes, strict UTF-8, not blank.</summary>
internal static class PostedText
{
    /// <summary>The media types a definition or document body may have.</summary>
    public static readonly string[] AcceptedTypes = ["application/yaml", "text/yaml", "application/json"];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text and its format (<c>json</c> for application/json, else <c>yaml</c>), or the problem that refuses it.</summary>
    public static async Task<(string? Text, string Format, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var mediaType = request.GetTypedHeaders().ContentType?.MediaType.Value;
        if (mediaType is null || !AcceptedTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return (null, "yaml", Problems.UnsupportedMediaType(
                $"Content-Type '{request.ContentType}' is not accepted; post the text as {string.Join(", ", AcceptedTypes)}."));
        }

        var format = mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ? "json" : "yaml";
        if (request.ContentLength > limit)
        {
            return (null, format, Problems.TooLarge(limit));
        }

        var body = await ReadAtMostAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, format, Problems.TooLarge(limit));
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return (null, format, Problems.BadRequest("The body is not valid UTF-8."));
        }

        return string.IsNullOrWhiteSpace(text)
            ? (null, format, Problems.BadRequest("The body is empty or blank; post a YAML or JSON text."))
            : (text, format, null);
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    public static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
