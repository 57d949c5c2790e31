namespace EcoDamage.Workflow.Engine.Parties;

/// <summary>The side a party of a case is on.</summary>
public enum PartyKind
{
    /// <summary>赔偿义务人: owes compensation (<c>obligor</c>).</summary>
    Obligor,

    /// <summary>赔偿权利人: claims it (<c>rightsHolder</c>); several across jurisdictions consult jointly with a lead (R4).</summary>
    RightsHolder,
}
