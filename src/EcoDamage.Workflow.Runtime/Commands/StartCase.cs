using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>Starts a case on a workflow definition.</summary>
/// <param name="DefinitionId">Definition id (e.g. <c>claim</c>).</param>
/// <param name="Version">A pinned version, or null for the newest version in force now.</param>
/// <param name="Data">Start data (the claim requires channel, domain and jurisdiction).</param>
/// <param name="Actor">Who starts it.</param>
/// <param name="IdempotencyKey">Optional idempotency key.</param>
/// <param name="CaseId">The new case's id, or null to have one generated.</param>
public sealed record StartCase(
    string DefinitionId,
    SemanticVersion? Version,
    IReadOnlyDictionary<string, object?> Data,
    Actor Actor,
    string? IdempotencyKey = null,
    string? CaseId = null) : CaseCommand(Actor, IdempotencyKey);
