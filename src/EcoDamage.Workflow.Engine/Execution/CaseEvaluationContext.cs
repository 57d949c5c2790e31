using EcoDamage.Workflow.Engine.Expressions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>What guards and assignments read: the trigger's data over the case's data, and the firing date.</summary>
internal sealed class CaseEvaluationContext(
    IReadOnlyDictionary<string, object?> caseData,
    IReadOnlyDictionary<string, object?> inputs,
    LocalDate today) : IEvaluationContext
{
    public LocalDate Today { get; } = today;

    public bool TryGetValue(string field, out object? value)
    {
        if (inputs.Count > 0 && inputs.TryGetValue(field, out value))
        {
            return value is not null;
        }

        return caseData.TryGetValue(field, out value) && value is not null;
    }
}
