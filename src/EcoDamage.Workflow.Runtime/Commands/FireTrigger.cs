using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>Fires a trigger on a case.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Trigger">Trigger id.</param>
/// <param name="Data">Data carried by the trigger.</param>
/// <param name="Actor">Who fires it.</param>
/// <param name="IdempotencyKey">Optional idempotency key.</param>
/// <param name="ExpectedVersion">
/// The case version the caller saw (an <c>If-Match</c>); when the case has moved on, the command is a
/// version conflict without asking the engine. Null: the version loaded is the one expected.
/// </param>
public sealed record FireTrigger(
    string CaseId,
    string Trigger,
    IReadOnlyDictionary<string, object?> Data,
    Actor Actor,
    string? IdempotencyKey = null,
    long? ExpectedVersion = null) : CaseCommand(Actor, IdempotencyKey)
{
    /// <summary>The branch of a multi-instance call to fire in (<c>phases/2</c>); null: routed by the engine.</summary>
    public string? Branch { get; init; }
}
