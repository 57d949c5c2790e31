using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>A command on a case: who sends it and, optionally, the key that makes a retry safe.</summary>
/// <param name="Actor">Who sends it (recorded in the audit trail).</param>
/// <param name="IdempotencyKey">
/// A caller-chosen key: a second command with the same key and the same request returns the first
/// result and changes nothing; with a different request it is an idempotency conflict. Null: no check.
/// </param>
public abstract record CaseCommand(Actor Actor, string? IdempotencyKey);
