using System.Globalization;

namespace EcoDamage.Workflow.Engine.Validation;

/// <summary>The requirement ids of <c>shared/domain/DOMAIN.md</c>: R1–R35 from the seed, N1–N10 from the national rules.</summary>
internal static class RequirementIds
{
    public static bool IsKnown(string id) =>
        id.Length >= 2
        && int.TryParse(id.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
        && id[0] switch { 'R' => n is >= 1 and <= 35, 'N' => n is >= 1 and <= 10, _ => false };
}
