using System.Text;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Audit;
using EcoDamage.Workflow.Runtime.Serialization;
using NodaTime.Text;

namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>
/// The canonical form of an administration event (fixed member order, ISO instant, the detail as stored) and its
/// chained SHA-256, the same construction as a case's audit chain (<see cref="AuditHasher"/>): each hash commits to
/// every event before it.
/// </summary>
public static class AdministrationHasher
{
    /// <summary>The canonical JSON of <paramref name="e"/>, every member but its hash.</summary>
    public static string Canonical(AdministrationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return CanonicalJson.Text(e, Write);
    }

    /// <summary>The event with its hash computed from its other members.</summary>
    public static AdministrationEvent Seal(AdministrationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e with { Hash = CanonicalJson.Sha256(Encoding.UTF8.GetBytes(Canonical(e))) };
    }

    /// <summary>The event that follows <paramref name="head"/> (null: the first), sealed.</summary>
    public static AdministrationEvent Next(AdministrationEvent? head, AdministrationEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Seal(new AdministrationEvent(
            (head?.Sequence ?? 0) + 1, entry.At, entry.Actor, entry.Role, entry.Kind, entry.Subject, entry.Detail,
            head?.Hash ?? AuditHasher.Genesis, string.Empty));
    }

    /// <summary>Checks a whole trail in sequence order: the first broken link, or null when intact.</summary>
    /// <returns>The sequence and reason of the first broken link, or null.</returns>
    public static (long Sequence, string Reason)? FirstBreak(IReadOnlyList<AdministrationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var previous = AuditHasher.Genesis;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1)
            {
                return (e.Sequence, $"sequence {e.Sequence} found where {i + 1} was expected (an event is missing or inserted)");
            }

            if (!string.Equals(e.PreviousHash, previous, StringComparison.Ordinal))
            {
                return (e.Sequence, "the previous-hash does not match the preceding event's hash");
            }

            if (!string.Equals(Seal(e).Hash, e.Hash, StringComparison.Ordinal))
            {
                return (e.Sequence, "the event does not hash to its stored hash (a column was edited)");
            }

            previous = e.Hash;
        }

        return null;
    }

    private static void Write(Utf8JsonWriter w, AdministrationEvent e)
    {
        w.WriteStartObject();
        w.WriteNumber("sequence", e.Sequence);
        w.WriteString("at", InstantPattern.ExtendedIso.Format(e.At));
        w.WriteString("actor", e.Actor);
        w.WriteString("role", e.Role);
        w.WriteString("kind", e.Kind);
        w.WriteString("subject", e.Subject);
        w.WritePropertyName("detail");
        w.WriteRawValue(e.Detail, skipInputValidation: false);
        w.WriteString("previousHash", e.PreviousHash);
        w.WriteEndObject();
    }
}
