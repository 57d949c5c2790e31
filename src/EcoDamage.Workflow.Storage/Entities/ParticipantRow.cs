namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>A participant recorded on a case (R34): a person, their role in the case and organisation.</summary>
internal sealed class ParticipantRow
{
    public Guid Id { get; set; }

    public required string CaseId { get; set; }

    public required string Name { get; set; }

    public required string Role { get; set; }

    public string? Organisation { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long AddedAt { get; set; }

    public required string AddedBy { get; set; }

    public required string AddedByRole { get; set; }

    public string? AddedByDepartment { get; set; }
}
