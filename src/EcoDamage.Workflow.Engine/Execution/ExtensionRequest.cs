using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>A requested extension of a deadline, waiting for approval.</summary>
/// <param name="Extension">What was asked for.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestedByRole">In which role.</param>
/// <param name="RequestedAt">When.</param>
/// <param name="ProposedDue">The due instant the extension would give, computed when it was requested.</param>
/// <param name="ProposedLastDay">The last day it would give.</param>
public sealed record ExtensionRequest(
    DeadlineExtension Extension,
    string RequestedBy,
    string RequestedByRole,
    Instant RequestedAt,
    Instant ProposedDue,
    LocalDate ProposedLastDay);
