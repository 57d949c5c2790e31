using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace EcoDamage.Workflow.Runtime.Serialization;

/// <summary>
/// Stored JSON written by hand (audit canonical forms, audit details): compact, Chinese text kept as written rather
/// than <c>\uXXXX</c>-escaped, written into a buffer and writer each thread reuses, so that a text costs one string
/// (a deadline sweep writes two or three per case).
/// </summary>
internal static class CanonicalJson
{
    // Larger buffers (a huge data diff) are not kept for the next text.
    private const int KeptCapacity = 64 * 1024;

    [ThreadStatic]
    private static Scratch? t_free;

    /// <summary>The writer settings.</summary>
    // Stored JSON is never embedded in HTML, so the relaxed encoder is safe here and keeps audit rows readable.
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The text <paramref name="write"/> writes.</summary>
    /// <typeparam name="TState">What the (static) writing function needs.</typeparam>
    /// <param name="state">Passed to <paramref name="write"/>.</param>
    /// <param name="write">Writes one JSON value.</param>
    /// <returns>The JSON text.</returns>
    public static string Text<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var scratch = Rent();
        try
        {
            return Encoding.UTF8.GetString(scratch.Write(state, write));
        }
        finally
        {
            Return(scratch);
        }
    }

    /// <summary>The text <paramref name="write"/> writes and the SHA-256 (lower-case hex) of its UTF-8 bytes.</summary>
    /// <typeparam name="TState">What the (static) writing function needs.</typeparam>
    /// <param name="state">Passed to <paramref name="write"/>.</param>
    /// <param name="write">Writes one JSON value.</param>
    /// <returns>The JSON text and its hash.</returns>
    public static (string Text, string Sha256) TextAndHash<TState>(TState state, Action<Utf8JsonWriter, TState> write)
    {
        var scratch = Rent();
        try
        {
            var utf8 = scratch.Write(state, write);
            return (Encoding.UTF8.GetString(utf8), Sha256(utf8));
        }
        finally
        {
            Return(scratch);
        }
    }

    /// <summary>SHA-256 of UTF-8 bytes as 64 lower-case hex digits (the form of the audit chain's hashes).</summary>
    /// <param name="utf8">The bytes.</param>
    /// <returns>The hex digest.</returns>
    public static string Sha256(ReadOnlySpan<byte> utf8)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(utf8, hash);
        return Convert.ToHexStringLower(hash);
    }

    // A text written while another is being written on the same thread gets a scratch of its own.
    private static Scratch Rent()
    {
        var scratch = t_free ?? new Scratch();
        t_free = null;
        return scratch;
    }

    private static void Return(Scratch scratch)
    {
        if (scratch.Capacity <= KeptCapacity)
        {
            t_free = scratch;
        }
    }

#pragma warning disable CA1001 // a writer over an in-memory buffer holds nothing to release; it lives as long as its thread
    private sealed class Scratch
#pragma warning restore CA1001
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _writer;

        public Scratch() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

        public int Capacity => _buffer.Capacity;

        public ReadOnlySpan<byte> Write<TState>(TState state, Action<Utf8JsonWriter, TState> write)
        {
            // Reset also clears a writer an earlier text left half-written by an exception.
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            write(_writer, state);
            _writer.Flush();
            return _buffer.WrittenSpan;
        }
    }
}
