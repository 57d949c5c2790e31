using EcoDamage.Workflow.Engine.Migration;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>One page of a migration's dry run: what would happen to each affected case, nothing written.</summary>
/// <param name="Cases">Cases the plan places, with their new state and deadline changes, in id order.</param>
/// <param name="Unmappable">Cases the plan cannot place, with the reason.</param>
/// <param name="Closed">Closed cases of the page (left on their version).</param>
/// <param name="Affected">Every case on the old version (all pages).</param>
/// <param name="Next">The cursor of the next page (<c>after=</c>), or null on the last page.</param>
public sealed record DryRunPage(
    IReadOnlyList<CaseMigration> Cases,
    IReadOnlyList<CaseMigration> Unmappable,
    int Closed,
    long Affected,
    string? Next);
