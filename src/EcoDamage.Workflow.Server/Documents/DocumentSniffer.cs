using System.Text;

namespace EcoDamage.Workflow.Server.Documents;

/// <summary>
/// Names the type of uploaded content from its first bytes (magic numbers), never from the client's Content-Type or
/// file name. Allowed: PDF, OFD, PNG, JPEG, GIF, TIFF, WebP, Office documents (OOXML, OpenDocument, the legacy
/// compound format) and plain UTF-8 text; anything else (HTML, SVG, scripts, executables, archives) is refused.
/// </summary>
internal static class DocumentSniffer
{
    /// <summary>How many leading bytes the sniffer reads.</summary>
    public const int HeadLength = 64 * 1024;

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] CompoundFile = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The media type stored for <paramref name="head"/> (the content's first bytes), or null when the type is not allowed.</summary>
    /// <param name="head">Up to <see cref="HeadLength"/> leading bytes.</param>
    /// <param name="complete">True when <paramref name="head"/> is the whole content.</param>
    public static string? MediaType(ReadOnlySpan<byte> head, bool complete)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith(Png))
        {
            return "image/png";
        }

        if (head.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8))
        {
            return "image/tiff";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        if (head.StartsWith(CompoundFile))
        {
            return "application/x-ole-storage"; // .doc, .xls, .ppt
        }

        if (head.StartsWith("PK\x03\x04"u8))
        {
            return Zipped(head);
        }

        return Text(head, complete) ? "text/plain; charset=utf-8" : null;
    }

    /// <summary>A ZIP container is allowed only as an Office, OpenDocument or OFD document.</summary>
    private static string? Zipped(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf("[Content_Types].xml"u8) >= 0)
        {
            return "application/vnd.openxmlformats-officedocument";
        }

        if (head.IndexOf("mimetypeapplication/vnd.oasis.opendocument"u8) >= 0)
        {
            return "application/vnd.oasis.opendocument";
        }

        return head.IndexOf("OFD.xml"u8) >= 0 ? "application/ofd" : null;
    }

    /// <summary>UTF-8 text without NUL or control characters other than tab, line feed, form feed and carriage return, and not markup.</summary>
    private static bool Text(ReadOnlySpan<byte> head, bool complete)
    {
        if (head.StartsWith(Utf8Bom))
        {
            head = head[3..];
        }

        if (!complete)
        {
            // Do not cut a multi-byte character in two: drop a trailing partial sequence (at most 3 bytes).
            var end = head.Length;
            for (var back = 1; back <= 3 && back <= head.Length; back++)
            {
                var b = head[^back];
                if ((b & 0xC0) == 0xC0)
                {
                    end = head.Length - back;
                    break;
                }

                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            head = head[..end];
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(head);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f'))
            {
                return false;
            }
        }

        // HTML, SVG and XML are markup a browser may run, not plain text.
        return !text.TrimStart().StartsWith('<');
    }
}
