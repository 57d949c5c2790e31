using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diagnostics;

namespace EcoDamage.Workflow.Engine.Loading;

/// <summary>
/// A trigger's record keys (<see cref="TriggerDefinition.RecordInputs"/>), gathered from every construct that
/// declares one on it (<c>collect:</c>, <c>schedule:</c>, <c>ledger:</c>, <c>parties:</c>): each key once, at the
/// first place it is written.
/// </summary>
internal static class RecordKeys
{
    private static readonly Dictionary<string, SourcePosition> None = new(0, StringComparer.Ordinal);

    /// <summary>The keys of <paramref name="declared"/>, each at its first position.</summary>
    /// <param name="declared">The record keys each construct declares, in reading order.</param>
    /// <returns>Key → where it is declared; empty when no construct declares one.</returns>
    public static IReadOnlyDictionary<string, SourcePosition> Of(params IEnumerable<Token>[] declared)
    {
        Dictionary<string, SourcePosition>? keys = null;
        foreach (var tokens in declared)
        {
            foreach (var token in tokens)
            {
                (keys ??= new(StringComparer.Ordinal)).TryAdd(token.Text, token.Position);
            }
        }

        return keys ?? None;
    }
}
