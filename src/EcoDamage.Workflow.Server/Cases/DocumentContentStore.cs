using EcoDamage.Workflow.Runtime.Commands;
using Microsoft.Extensions.Options;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>
/// Content-addressed document files: each file is written once under its SHA-256 (<c>ab/abcdef….bin</c>), so the
/// same content attached twice is stored once and a file never changes after it is written.
/// </summary>
internal sealed class DocumentContentStore(IOptions<DocumentStorageOptions> options, IHostEnvironment environment)
{
    private readonly string _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.Directory));

    /// <summary>Hashes <paramref name="content"/> and stores it unless a file with that hash exists.</summary>
    /// <returns>The SHA-256 (lower-case hex) and length.</returns>
    public async Task<(string Sha256, long Length)> SaveAsync(Stream content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_root);
        var temp = Path.Combine(_root, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = File.Create(temp))
            {
                await content.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            }

            string sha;
            long length;
            await using (var file = File.OpenRead(temp))
            {
                length = file.Length;
                sha = await DocumentHash.OfAsync(file, cancellationToken).ConfigureAwait(false);
            }

            var target = PathOf(sha);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (!File.Exists(target))
            {
                File.Move(temp, target, overwrite: true);
            }

            return (sha, length);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The file holding the content with hash <paramref name="sha256"/>.</summary>
    public string PathOf(string sha256) => Path.Combine(_root, sha256[..2], sha256 + ".bin");
}
