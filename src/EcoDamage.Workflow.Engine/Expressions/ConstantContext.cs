using NodaTime;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>The context constant sub-expressions are folded with; it has no data, so any read is a compiler bug.</summary>
internal sealed class ConstantContext : IEvaluationContext
{
    public static ConstantContext Instance { get; } = new();

    public LocalDate Today => throw new InvalidOperationException("A constant expression cannot read today().");

    public bool TryGetValue(string field, out object? value) =>
        throw new InvalidOperationException($"A constant expression cannot read field '{field}'.");
}
