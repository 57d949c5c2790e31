namespace EcoDamage.Workflow.Engine.Migration;

/// <summary>What a migration does with a deadline open on a case when the case moves to another definition version.</summary>
public enum DeadlinePolicy
{
    /// <summary>Keeps the deadline as it is (due, reminders, status), re-pinned to the state it maps to.</summary>
    Keep,

    /// <summary>
    /// Recomputes the due instant from the deadline's own anchor with the period the new version declares for the same
    /// deadline id (a longer consultation period moves the due date); closed when the new version no longer declares it.
    /// </summary>
    Recompute,

    /// <summary>Closes the deadline at the migration instant.</summary>
    Close,
}
