namespace EcoDamage.Workflow.Engine.Definitions;

/// <summary>The named side effects a definition may declare; the runtime performs them.</summary>
public enum ActionKind
{
    /// <summary>Notify a role (the responsible department, the obligor, …).</summary>
    Notify,

    /// <summary>Send a copy to a role, e.g. the procuratorate on a referral (R6).</summary>
    CopyTo,

    /// <summary>Share the handling status with a role, e.g. the referring department (R8).</summary>
    ShareStatus,

    /// <summary>Publish a named domain event for embedding systems.</summary>
    Publish,

    /// <summary>Put the case under a role's supervision, e.g. the procuratorate (R9).</summary>
    Escalate,
}
