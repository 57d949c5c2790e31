namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>One read of a case by a person or system (issue 13: every read is recorded, not only changes).</summary>
internal sealed class CaseReadRow
{
    public long Id { get; set; }

    public required string CaseId { get; set; }

    /// <summary>The reader's actor id.</summary>
    public required string Subject { get; set; }

    public required string Role { get; set; }

    public string? Department { get; set; }

    /// <summary>What was read (<c>case</c>, <c>audit</c>, <c>documents</c>, <c>participants</c>, …).</summary>
    public required string What { get; set; }

    /// <summary>Unix ticks (100 ns), UTC.</summary>
    public long At { get; set; }
}
