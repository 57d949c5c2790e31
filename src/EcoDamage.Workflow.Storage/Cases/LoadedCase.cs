using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Runtime.Serialization;

namespace EcoDamage.Workflow.Storage.Cases;

/// <summary>The columns a command needs from its case row, the snapshot as its UTF-8 text.</summary>
/// <param name="Utf8Snapshot">The snapshot's UTF-8 bytes (SQLite's reader hands a TEXT column's bytes over as stored).</param>
/// <param name="Version">The row's version.</param>
/// <param name="AuditSequence">The row's last audit sequence.</param>
/// <param name="AuditHead">The row's last audit hash.</param>
internal sealed record LoadedCase(byte[] Utf8Snapshot, long Version, long AuditSequence, string AuditHead)
{
    /// <summary>A row whose snapshot was read as a string (EF Core's queries).</summary>
    public LoadedCase(string snapshot, long version, long auditSequence, string auditHead)
        : this(Encoding.UTF8.GetBytes(snapshot), version, auditSequence, auditHead)
    {
    }

    /// <summary>The case the row holds: its snapshot at the row's version, with the row's audit head.</summary>
    /// <exception cref="JsonException">The snapshot cannot be read.</exception>
    public StoredCase ToStoredCase() => new(CaseJson.Deserialize(Utf8Snapshot) with { Version = Version }, AuditSequence, AuditHead);
}
