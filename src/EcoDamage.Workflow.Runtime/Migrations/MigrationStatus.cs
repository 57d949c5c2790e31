namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>Life of a stored migration.</summary>
public enum MigrationStatus
{
    /// <summary>Created and validated; dry runs may be asked; not executed yet.</summary>
    Created,

    /// <summary>Executing (or to be resumed by the worker after a restart).</summary>
    Running,

    /// <summary>Every affected case was visited; executing it again visits the cases left on the old version.</summary>
    Completed,
}
