using NodaTime;

namespace EcoDamage.Workflow.Engine.Expressions;

/// <summary>Builds the typed array a <see cref="BoundIn"/> searches; null values are dropped (they match nothing).</summary>
internal static class ListValues
{
    public static Array Create(ComparisonDomain domain, IEnumerable<object?> values)
    {
        var present = values.OfType<object>();
        return domain switch
        {
            ComparisonDomain.Boolean => present.Cast<bool>().ToArray(),
            ComparisonDomain.Integer => present.Cast<long>().ToArray(),
            ComparisonDomain.Decimal => present.Select(v => v is long l ? l : (decimal)v).ToArray(),
            ComparisonDomain.Text => present.Cast<string>().ToArray(),
            _ => present.Cast<LocalDate>().ToArray(),
        };
    }
}
