using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>A request to fire a trigger on a case.</summary>
/// <param name="Trigger">Trigger id.</param>
/// <param name="Actor">Who fires it.</param>
/// <param name="At">When (from the caller's clock).</param>
/// <param name="Data">Data carried by the trigger: values typed per <see cref="Definitions.DataType"/>, or their text form.</param>
public sealed record FireRequest(string Trigger, Actor Actor, Instant At, IReadOnlyDictionary<string, object?>? Data = null)
{
    /// <summary>The branch of a multi-instance call to fire in (<c>phases/2</c>); null: the branch handling the trigger, if only one does, else the case's frames.</summary>
    public string? Branch { get; init; }
}
