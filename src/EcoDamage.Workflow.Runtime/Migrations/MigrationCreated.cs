using EcoDamage.Workflow.Engine.Migration;

namespace EcoDamage.Workflow.Runtime.Migrations;

/// <summary>The answer to creating a migration: the stored migration, or every problem of its plan.</summary>
/// <param name="Migration">The migration, or null when the plan has problems.</param>
/// <param name="Problems">Every problem (empty when created).</param>
public sealed record MigrationCreated(MigrationRecord? Migration, IReadOnlyList<MigrationPlanProblem> Problems);
