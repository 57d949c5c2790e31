using EcoDamage.Workflow.Engine.Expressions;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Expressions;

internal sealed class DictionaryContext(LocalDate today, Dictionary<string, object?> values) : IEvaluationContext
{
    public LocalDate Today { get; } = today;

    public bool TryGetValue(string field, out object? value) => values.TryGetValue(field, out value);
}
