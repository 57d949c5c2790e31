using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Serialization;
using NodaTime.Text;

namespace EcoDamage.Workflow.Runtime.Audit;

/// <summary>
/// The canonical form of an audit event (fixed member order, ISO instants, no insignificant white space)
/// and its chained SHA-256 hash. The canonical form includes the previous event's hash, so each hash
/// commits to the whole chain before it.
/// </summary>
public static class AuditHasher
{
    /// <summary>The previous hash of a case's first event: 64 zeros.</summary>
    public static string Genesis { get; } = new('0', 64);

    // The canonical text of each event made by Seal, so that a store writing it beside the hash does not
    // compute it again. Events are immutable (a `with` copy is another key), and entries die with them.
    private static readonly ConditionalWeakTable<AuditEvent, string> Sealed = [];

    /// <summary>The canonical JSON of <paramref name="event"/>, every member but <see cref="AuditEvent.Hash"/>.</summary>
    /// <param name="event">The event.</param>
    /// <returns>UTF-8 JSON text.</returns>
    public static string Canonical(AuditEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Sealed.TryGetValue(@event, out var known) ? known : CanonicalJson.Text(@event, WriteCanonical);
    }

    /// <summary>SHA-256 (lower-case hex) of a canonical form.</summary>
    /// <param name="canonical">Text from <see cref="Canonical"/>.</param>
    /// <returns>64 hex digits.</returns>
    public static string Hash(string canonical) => CanonicalJson.Sha256(Encoding.UTF8.GetBytes(canonical));

    /// <summary>The event with <see cref="AuditEvent.Hash"/> computed from its other members.</summary>
    /// <param name="event">The event (its hash is ignored).</param>
    /// <returns>The sealed event.</returns>
    public static AuditEvent Seal(AuditEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        // The hash straight from the canonical form's UTF-8 bytes, as Hash(Canonical(e)) computes it.
        var (canonical, hash) = CanonicalJson.TextAndHash(@event, WriteCanonical);
        var sealedEvent = @event with { Hash = hash };
        Sealed.AddOrUpdate(sealedEvent, canonical);
        return sealedEvent;
    }

    private static void WriteCanonical(Utf8JsonWriter w, AuditEvent @event)
    {
        w.WriteStartObject();
        w.WriteString("caseId", @event.CaseId);
        w.WriteNumber("sequence", @event.Sequence);
        w.WriteString("at", InstantPattern.ExtendedIso.Format(@event.At));
        w.WriteString("kind", @event.Kind);
        w.WriteString("actorId", @event.ActorId);
        w.WriteString("role", @event.Role);
        w.WriteString("department", @event.Department);
        w.WriteString("trigger", @event.Trigger);
        w.WriteString("from", @event.FromState);
        w.WriteString("to", @event.ToState);
        w.WritePropertyName("dataDiff");
        w.WriteRawValue(@event.DataDiff, skipInputValidation: false);
        w.WriteString("definition", @event.DefinitionKey);
        w.WriteNumber("caseVersion", @event.CaseVersion);
        w.WriteString("previousHash", @event.PreviousHash);
        w.WriteEndObject();
    }
}
