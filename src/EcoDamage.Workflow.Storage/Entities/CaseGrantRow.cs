namespace EcoDamage.Workflow.Storage.Entities;

/// <summary>A party id or participant account a case grants access to (party-scoped roles list only such cases).</summary>
internal sealed class CaseGrantRow
{
    public required string CaseId { get; set; }

    /// <summary>The party id (<c>CaseParty.Id</c>) or participant account.</summary>
    public required string Party { get; set; }
}
