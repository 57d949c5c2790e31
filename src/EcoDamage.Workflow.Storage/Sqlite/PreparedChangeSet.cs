using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage.Sql;

namespace EcoDamage.Workflow.Storage.Sqlite;

/// <summary>A change set with its SQL values computed (outside the writer's lock).</summary>
/// <param name="Changes">The change set.</param>
/// <param name="First">The case row's insert or version-checked update.</param>
/// <param name="Rows">Every statement after it.</param>
/// <param name="KeepingFilters">For an update, the cheaper update tried first (see <see cref="CommitStatements.UpdateCaseKeepingFilters"/>).</param>
internal sealed record PreparedChangeSet(
    CaseChangeSet Changes,
    (Statement Statement, object?[] Values) First,
    IReadOnlyList<(Statement Statement, object?[] Values)> Rows,
    (Statement Statement, object?[] Values)? KeepingFilters)
{
    /// <summary>The change set's values, with the case's snapshot text already serialized.</summary>
    public static PreparedChangeSet Of(CaseChangeSet changes, string snapshot)
    {
        var first = changes.ExpectedVersion == 0
            ? (CommitStatements.InsertCase, CommitStatements.InsertCaseValues(changes, snapshot))
            : (CommitStatements.UpdateCase, CommitStatements.UpdateCaseValues(changes, snapshot));
        (Statement, object?[])? light = changes.ExpectedVersion == 0
            ? null
            : (CommitStatements.UpdateCaseKeepingFilters, CommitStatements.UpdateCaseKeepingFiltersValues(changes, snapshot));
        return new PreparedChangeSet(changes, first, CommitStatements.Rows(changes, StoredGuid.Text).ToArray(), light);
    }
}
