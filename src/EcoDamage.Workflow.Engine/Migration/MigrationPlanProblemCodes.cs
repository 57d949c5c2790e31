namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>Codes of <see cref="MigrationPlanProblem"/>.</summary>
public static class MigrationPlanProblemCodes
{
    /// <summary>The definition id or one of the two versions is not in the catalog.</summary>
    public const string UnknownVersion = "MIG001";

    /// <summary>The plan migrates a version onto itself.</summary>
    public const string SameVersion = "MIG002";

    /// <summary>A state the map names on the left is not declared by the old version.</summary>
    public const string UnknownOldState = "MIG003";

    /// <summary>A state the map names on the right is not declared by the new version.</summary>
    public const string UnknownNewState = "MIG004";

    /// <summary>A state the map names on the right has sub-states: a case must be placed in a leaf.</summary>
    public const string CompositeNewState = "MIG005";

    /// <summary>A deadline override names a deadline the old version does not declare.</summary>
    public const string UnknownDeadline = "MIG006";
}
