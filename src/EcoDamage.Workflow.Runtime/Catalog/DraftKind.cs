namespace EcoDamage.Workflow.Runtime.Catalog;

/// <summary>What a draft will publish.</summary>
public enum DraftKind
{
    /// <summary>A new version of a workflow definition (its id and version are read from its text).</summary>
    Definition,

    /// <summary>A new revision of a catalog document (calendar, reference data, table, roles, ledger, scenario), by path.</summary>
    Document,
}
