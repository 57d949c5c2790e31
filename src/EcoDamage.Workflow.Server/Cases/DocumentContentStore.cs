using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Server.Documents;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>
/// Content-addressed document files: each file is written once under its SHA-256 (<c>ab/abcdef….bin</c>), so the
/// same content attached twice is stored once and a file never changes after it is written. File names are the
/// hashes alone: a client's file name is never part of a path.
/// </summary>
internal sealed class DocumentContentStore(IOptions<DocumentStorageOptions> options, IHostEnvironment environment)
{
    private readonly string _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Directory));

    /// <summary>
    /// Writes <paramref name="content"/> to a temporary file (at most <paramref name="maxBytes"/> bytes), hashes and
    /// sniffs it. The caller disposes the result, which deletes the temporary file unless <see cref="Keep"/> moved it.
    /// </summary>
    /// <returns>The staged content, or null when it is longer than <paramref name="maxBytes"/> (nothing is left behind).</returns>
    public async Task<StagedDocument?> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        var temp = Path.Combine(_root, $"upload-{Guid.NewGuid():N}.tmp");
        var staged = false;
        try
        {
            var head = new byte[DocumentSniffer.HeadLength];
            var headLength = 0;
            long length = 0;
            await using (var file = File.Create(temp))
            {
                var chunk = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        return null;
                    }

                    var take = Math.Min(read, head.Length - headLength);
                    chunk.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                    headLength += take;
                    await file.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            string sha;
            await using (var file = File.OpenRead(temp))
            {
                sha = await DocumentHash.OfAsync(file, cancellationToken).ConfigureAwait(false);
            }

            var mediaType = DocumentSniffer.MediaType(head.AsSpan(0, headLength), complete: length <= head.Length);
            staged = true;
            return new StagedDocument(temp, sha, length, mediaType);
        }
        finally
        {
            if (!staged)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Moves staged content into the store under its hash, unless a file with that hash is there already.</summary>
    public void Keep(StagedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var target = PathOf(document.Sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!File.Exists(target))
        {
            File.Move(document.TempPath, target, overwrite: true);
        }
    }

    /// <summary>The file holding the content with hash <paramref name="sha256"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="sha256"/> is not 64 lower-case hex digits.</exception>
    public string PathOf(string sha256)
    {
        if (sha256 is not { Length: 64 } || !sha256.All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)))
        {
            throw new ArgumentException("Not a lower-case SHA-256.", nameof(sha256));
        }

        return Path.Combine(_root, sha256[..2], sha256 + ".bin");
    }
}
