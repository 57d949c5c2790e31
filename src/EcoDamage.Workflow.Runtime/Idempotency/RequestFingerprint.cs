using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;

namespace EcoDamage.Workflow.Runtime.Idempotency;

/// <summary>
/// SHA-256 over a canonical form of a command (its kind, actor and every member but the idempotency
/// key; data in ordinal key order with typed values), so "the same request" means the same bytes.
/// </summary>
public static class RequestFingerprint
{
    /// <summary>The fingerprint of a command.</summary>
    /// <param name="command">The command.</param>
    /// <returns>Lower-case hex SHA-256.</returns>
    public static string Of(CaseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("command", command.GetType().Name);
            WriteActor(w, command.Actor);
            switch (command)
            {
                case StartCase s:
                    w.WriteString("definition", s.DefinitionId);
                    w.WriteString("version", s.Version?.ToString());
                    w.WriteString("caseId", s.CaseId);
                    WriteData(w, s.Data);
                    break;
                case FireTrigger f:
                    w.WriteString("caseId", f.CaseId);
                    w.WriteString("trigger", f.Trigger);
                    if (f.Branch is not null)
                    {
                        w.WriteString("branch", f.Branch); // absent when null, so fingerprints stored before branches stay valid
                    }
                    WriteVersion(w, f.ExpectedVersion);
                    WriteData(w, f.Data);
                    break;
                case AttachDocument a:
                    w.WriteString("caseId", a.CaseId);
                    w.WriteString("type", a.DocumentType);
                    w.WriteString("servedOn", a.ServedOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteString("fileName", a.FileName);
                    w.WriteString("mediaType", a.MediaType);
                    w.WriteNumber("length", a.Length);
                    w.WriteString("sha256", a.Sha256);
                    WriteVersion(w, a.ExpectedVersion);
                    break;
                case RequestDeadlineExtension r:
                    w.WriteString("caseId", r.CaseId);
                    w.WriteString("deadline", r.DeadlineKey);
                    w.WriteString("period", r.Period);
                    w.WriteString("lastDay", r.LastDay?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture));
                    w.WriteString("reason", r.Reason);
                    WriteVersion(w, r.ExpectedVersion);
                    break;
                case AddParticipant p:
                    w.WriteString("caseId", p.CaseId);
                    w.WriteString("name", p.Name);
                    w.WriteString("role", p.Role);
                    w.WriteString("organisation", p.Organisation);
                    if (p.Account is not null)
                    {
                        w.WriteString("account", p.Account);
                    }

                    WriteVersion(w, p.ExpectedVersion);
                    break;
                case ApproveDeadlineExtension x:
                    w.WriteString("caseId", x.CaseId);
                    w.WriteString("deadline", x.DeadlineKey);
                    WriteVersion(w, x.ExpectedVersion);
                    break;
                case Links.SplitCase s:
                    w.WriteString("caseId", s.CaseId);
                    w.WriteStartArray("obligors");
                    foreach (var o in s.Obligors)
                    {
                        w.WriteStartArray();
                        w.WriteStringValue(o.Name);
                        w.WriteStringValue(o.Organisation);
                        w.WriteStringValue(o.CaseId);
                        w.WriteEndArray();
                    }

                    w.WriteEndArray();
                    WriteVersion(w, s.ExpectedVersion);
                    break;
                case Links.LinkCase l:
                    w.WriteString("caseId", l.FromCaseId);
                    w.WriteString("linkedCaseId", l.ToCaseId);
                    w.WriteString("kind", l.Kind);
                    w.WriteString("note", l.Note);
                    WriteVersion(w, l.ExpectedVersion);
                    break;
                case Links.StartSupplementaryClaim c:
                    w.WriteString("caseId", c.OriginalCaseId);
                    w.WriteString("newCaseId", c.CaseId);
                    w.WriteString("description", c.Description);
                    WriteVersion(w, c.ExpectedVersion);
                    break;
                default:
                    throw new ArgumentException($"unknown command {command.GetType()}", nameof(command));
            }

            w.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteActor(Utf8JsonWriter w, Actor actor)
    {
        w.WriteString("actor", actor.Id);
        w.WriteString("role", actor.Role);
        w.WriteString("department", actor.Department);
    }

    private static void WriteVersion(Utf8JsonWriter w, long? version)
    {
        if (version is { } v)
        {
            w.WriteNumber("expectedVersion", v);
        }
    }

    // Callers send raw values (int, double, text dates); the type is part of the request's identity.
    private static void WriteData(Utf8JsonWriter w, IReadOnlyDictionary<string, object?> data)
    {
        w.WriteStartObject("data");
        foreach (var (key, value) in data.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            WriteValue(w, key, value);
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, string key, object? value)
    {
        w.WriteStartArray(key);
        w.WriteStringValue(value?.GetType().FullName);
        if (value is RecordList records)
        {
            // Each record's members in ordinal order with their types, like the data itself.
            foreach (var item in records)
            {
                w.WriteStartObject();
                foreach (var (member, memberValue) in item.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    WriteValue(w, member, memberValue);
                }

                w.WriteEndObject();
            }
        }
        else
        {
            w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
    }
}
