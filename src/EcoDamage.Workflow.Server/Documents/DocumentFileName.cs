using System.Text;

namespace EcoDamage.Workflow.Server.Documents;

/// <summary>The client's file name as recorded with a document: its last segment, without control characters or lone surrogates, at most 255 characters.</summary>
internal static class DocumentFileName
{
    private const int MaxLength = 255;

    /// <summary>The cleaned name, or <c>document</c> when nothing is left.</summary>
    public static string From(string? name)
    {
        var last = (name ?? string.Empty).Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(Math.Min(last.Length, MaxLength));
        for (var i = 0; i < last.Length && clean.Length < MaxLength; i++)
        {
            var c = last[i];
            if (char.IsHighSurrogate(c) && i + 1 < last.Length && char.IsLowSurrogate(last[i + 1]))
            {
                if (clean.Length + 2 > MaxLength)
                {
                    break;
                }

                clean.Append(c).Append(last[++i]);
            }
            else if (!char.IsControl(c) && !char.IsSurrogate(c))
            {
                clean.Append(c);
            }
        }

        var result = clean.ToString().Trim().Trim('.');
        return result.Length == 0 ? "document" : result;
    }
}
