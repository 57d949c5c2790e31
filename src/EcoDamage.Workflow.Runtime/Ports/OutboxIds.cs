using System.Buffers.Binary;

namespace EcoDamage.Workflow.Runtime.Ports;

/// <summary>
/// Outbox message ids: UUIDv7 (time-ordered) and, within this process, strictly increasing, so that
/// ordering by id is the order in which the messages were written even when several are written in
/// the same millisecond (one command writes several; a fake clock may not move between commands).
/// The relay and webhook delivery order a case's events by this id.
/// </summary>
public static class OutboxIds
{
    private static readonly Lock Gate = new();
    private static UInt128 _last;

    /// <summary>A new id, greater (in RFC 9562 byte order, as PostgreSQL and SQLite text sort) than every id this process made before.</summary>
    /// <param name="now">The instant whose milliseconds lead the id.</param>
    /// <returns>The id.</returns>
    public static Guid Next(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        Guid.CreateVersion7(now).TryWriteBytes(bytes, bigEndian: true, out _);
        var value = BinaryPrimitives.ReadUInt128BigEndian(bytes);
        lock (Gate)
        {
            if (value <= _last)
            {
                // Same millisecond (or a clock that went back): count up in the random bits, keeping the
                // version nibble and the variant bits of the previous id.
                value = _last + 1;
                if ((value & VersionMask) != (_last & VersionMask))
                {
                    value = _last + (UInt128.One << 80);
                }
            }

            _last = value;
        }

        BinaryPrimitives.WriteUInt128BigEndian(bytes, value);
        return new Guid(bytes, bigEndian: true);
    }

    private static readonly UInt128 VersionMask = (UInt128)0xF000UL << 64 | (UInt128)0xC000_0000_0000_0000UL;
}
