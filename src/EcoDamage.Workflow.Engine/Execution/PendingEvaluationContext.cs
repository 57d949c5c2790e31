using EcoDamage.Workflow.Engine.Expressions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>What assignments read: the case's data with the change's values so far.</summary>
internal sealed class PendingEvaluationContext(CaseBuilder builder, LocalDate today) : IEvaluationContext
{
    public LocalDate Today { get; } = today;

    public bool TryGetValue(string field, out object? value) => builder.TryGetData(field, out value);
}
