using System.Runtime.CompilerServices;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>Argument checks shared by <see cref="WorkflowEngine"/> and <see cref="DeadlineEngine"/>.</summary>
internal static class CaseGuard
{
    /// <summary>A case that was never started (the empty case of a refused start) is a caller's bug.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="case"/> is null.</exception>
    /// <exception cref="ArgumentException">The case has no frame.</exception>
    public static void RequireStarted(CaseInstance @case, [CallerArgumentExpression(nameof(@case))] string? name = null)
    {
        ArgumentNullException.ThrowIfNull(@case, name);
        if (@case.Frames.IsDefaultOrEmpty)
        {
            throw new ArgumentException("the case was never started (a refused Start returns an empty case)", name);
        }
    }
}
