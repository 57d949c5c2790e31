using EcoDamage.Workflow.Engine.Expressions;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>An evaluation context with no data, for constant expressions.</summary>
internal sealed class NoData : IEvaluationContext
{
    public static NoData Instance { get; } = new();

    public NodaTime.LocalDate Today => default;

    public bool TryGetValue(string field, out object? value)
    {
        value = null;
        return false;
    }
}
