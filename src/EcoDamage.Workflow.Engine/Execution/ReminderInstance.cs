using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>A reminder of a deadline.</summary>
/// <param name="Offset">The offset before due as written (<c>7d</c>).</param>
/// <param name="At">When it is due to be sent.</param>
/// <param name="Sent">Whether it has been sent.</param>
public sealed record ReminderInstance(string Offset, Instant At, bool Sent);
