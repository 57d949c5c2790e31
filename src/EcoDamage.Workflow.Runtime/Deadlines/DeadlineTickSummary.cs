using NodaTime;

namespace EcoDamage.Workflow.Runtime.Deadlines;

/// <summary>What one <see cref="DeadlineTicker.TickAsync"/> call did.</summary>
/// <param name="Cases">Cases with due events whose change committed.</param>
/// <param name="Reminders">Reminders sent.</param>
/// <param name="Overdue">Overdue actions taken.</param>
/// <param name="Escalations">Escalations among them.</param>
/// <param name="Conflicts">Cases another node or a command changed first (nothing written; they are ticked again if still due).</param>
/// <param name="Lateness">How late each event was handled after its due instant, in handling order.</param>
public sealed record DeadlineTickSummary(int Cases, int Reminders, int Overdue, int Escalations, int Conflicts, IReadOnlyList<Duration> Lateness)
{
    /// <summary>Nothing was due.</summary>
    public static DeadlineTickSummary Empty { get; } = new(0, 0, 0, 0, 0, []);

    /// <summary>Cases that could not be ticked (nothing was written for them; they stay due).</summary>
    public IReadOnlyList<DeadlineTickFailure> Failures { get; init; } = [];
}

/// <summary>A case the ticker could not load or tick.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Error">What went wrong.</param>
public sealed record DeadlineTickFailure(string CaseId, string Error);
