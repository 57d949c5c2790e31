using NodaTime;

namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>The dates a definition version is in force (R35), both inclusive; <see cref="To"/> null means open-ended.</summary>
/// <param name="From">First day in force.</param>
/// <param name="To">Last day in force, or null.</param>
public sealed record EffectivePeriod(LocalDate From, LocalDate? To)
{
    /// <summary>True when <paramref name="date"/> lies within the period.</summary>
    public bool Contains(LocalDate date) => date >= From && (To is null || date <= To);

    /// <summary>True when the two periods share at least one day.</summary>
    public bool Overlaps(EffectivePeriod other) =>
        (To is null || other.From <= To) && (other.To is null || From <= other.To);
}
