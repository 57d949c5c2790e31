namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>What the deadline sweep run after a move of the sandbox clock did (the Quartz job's own sweeps are not counted).</summary>
/// <param name="Cases">Cases changed.</param>
/// <param name="Reminders">Reminders sent.</param>
/// <param name="Overdue">Deadlines that passed (their overdue action taken).</param>
/// <param name="Escalations">Of those, escalated (to the procuratorate, R9).</param>
/// <param name="Conflicts">Cases written meanwhile by another writer (the job's sweep, a command): handled there, not here.</param>
/// <param name="Failures">Cases that could not be ticked (they stay due; the log names them).</param>
internal sealed record SandboxSweepView(int Cases, int Reminders, int Overdue, int Escalations, int Conflicts, int Failures);
