using System.Text.Json.Serialization;
using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;

namespace EcoDamage.Workflow.Runtime.Commands;

/// <summary>
/// The typed result of a case command. Accepted outcomes are stored with their idempotency key, so a
/// retry returns the same outcome with <see cref="Replayed"/> set.
/// </summary>
/// <param name="Kind">How the command ended.</param>
/// <param name="CaseId">The case concerned.</param>
/// <param name="Version">After acceptance: the new version; on a version conflict: the current version.</param>
/// <param name="States">Current states, root first (accepted outcomes).</param>
/// <param name="Refusals">The engine's reasons (refused outcomes).</param>
/// <param name="Replayed">True when this is the stored outcome of an earlier command with the same idempotency key.</param>
public sealed record CommandOutcome(
    OutcomeKind Kind,
    string CaseId,
    long? Version,
    IReadOnlyList<string> States,
    IReadOnlyList<Refusal> Refusals,
    bool Replayed = false)
{
    /// <summary>The engine's full result, for in-process callers; not stored (null on replays).</summary>
    [JsonIgnore]
    public FireResult? Result { get; init; }

    /// <summary>
    /// The case as the accepted command left it, for in-process callers (an answer needs no second read); not
    /// stored (null on replays and for outcomes other than <see cref="OutcomeKind.Accepted"/>).
    /// </summary>
    [JsonIgnore]
    public CaseInstance? Case { get; init; }

    /// <summary>
    /// The triggers the command's actor's role may fire on <see cref="Case"/> now, for in-process callers; not stored
    /// (null whenever <see cref="Case"/> is).
    /// </summary>
    [JsonIgnore]
    public IReadOnlyList<TriggerDefinition>? PermittedTriggers { get; init; }

    /// <summary>The links an accepted link command made (a split's, a supplementary claim's, a link's); stored, so a replay answers them too.</summary>
    /// <value>Defaults to none.</value>
    public IReadOnlyList<Links.CaseLink> Links { get; init; } = [];

    /// <summary>An accepted command.</summary>
    /// <param name="result">The engine's result.</param>
    /// <returns>The outcome.</returns>
    public static CommandOutcome Accepted(FireResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(OutcomeKind.Accepted, result.Case.Id, result.Case.Version, result.Case.States, []) { Result = result, Case = result.Case };
    }

    /// <summary>A refused command.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="refusals">The engine's reasons.</param>
    /// <returns>The outcome.</returns>
    public static CommandOutcome Refused(string caseId, IReadOnlyList<Refusal> refusals) =>
        new(OutcomeKind.Refused, caseId, null, [], refusals);

    /// <summary>No such case.</summary>
    /// <param name="caseId">The id asked for.</param>
    /// <returns>The outcome.</returns>
    public static CommandOutcome NotFound(string caseId) => new(OutcomeKind.NotFound, caseId, null, [], []);

    /// <summary>The case is at another version.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="currentVersion">Its current version.</param>
    /// <returns>The outcome.</returns>
    public static CommandOutcome VersionConflict(string caseId, long currentVersion) =>
        new(OutcomeKind.VersionConflict, caseId, currentVersion, [], []);

    /// <summary>The idempotency key belongs to a different request.</summary>
    /// <param name="caseId">The case of the first request.</param>
    /// <returns>The outcome.</returns>
    public static CommandOutcome IdempotencyConflict(string caseId) => new(OutcomeKind.IdempotencyConflict, caseId, null, [], []);
}
