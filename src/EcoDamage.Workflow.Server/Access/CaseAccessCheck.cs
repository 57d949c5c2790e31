using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EcoDamage.Workflow.Server.Access;

/// <summary>The answer of a <see cref="CaseGate"/> check: the case when the caller may go on, else the problem to answer with.</summary>
/// <param name="Case">The case as loaded (null when refused).</param>
/// <param name="Problem">The 404 or 403 (null when allowed).</param>
internal sealed record CaseAccessCheck(StoredCase? Case, ProblemHttpResult? Problem);
