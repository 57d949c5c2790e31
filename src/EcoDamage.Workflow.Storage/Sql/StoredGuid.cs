using System.Data.Common;

namespace EcoDamage.Workflow.Storage.Sql;

/// <summary>
/// How a Guid key is bound in hand-written SQL, as EF Core's model stores it: upper-case TEXT on SQLite
/// (EF Core's default Guid mapping there), a native <c>uuid</c> on PostgreSQL.
/// </summary>
internal static class StoredGuid
{
    /// <summary>The SQLite form: the 36-character text in upper case.</summary>
    public static string Text(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>The PostgreSQL form: the Guid itself (Npgsql binds it as <c>uuid</c>).</summary>
    public static object Uuid(Guid id) => id;

    /// <summary>Reads a Guid key in either stored form (<c>uuid</c> or text).</summary>
    public static Guid Read(DbDataReader reader, int ordinal) =>
        reader.GetValue(ordinal) switch
        {
            Guid g => g,
            string s => Guid.Parse(s),
            var other => throw new InvalidOperationException($"unexpected id value {other}"),
        };
}
