namespace EcoDamage.Workflow.Engine.Execution;

/// <summary>Why a trigger was refused. These are expected outcomes, never exceptions.</summary>
public enum RefusalKind
{
    /// <summary>No definition of the case knows the trigger.</summary>
    UnknownTrigger,

    /// <summary>The current state does not handle the trigger.</summary>
    NotPermittedInState,

    /// <summary>The actor's role may not fire it.</summary>
    RoleNotAllowed,

    /// <summary>A required data field has no value.</summary>
    MissingData,

    /// <summary>A required document is not attached.</summary>
    MissingDocument,

    /// <summary>Supplied data is not accepted (unknown field, wrong type, value not allowed).</summary>
    InvalidData,

    /// <summary>Every guard of the trigger's transitions was false.</summary>
    GuardFailed,

    /// <summary>The case is closed.</summary>
    CaseClosed,

    /// <summary>No definition version with that id (and version) is in force.</summary>
    DefinitionNotFound,

    /// <summary>The two cases are already linked with that kind (either direction).</summary>
    LinkExists,

    /// <summary>Several branches of a multi-instance call handle the trigger and the request names none (the refusal's subject lists them).</summary>
    BranchRequired,

    /// <summary>A statutory period the trigger waits for (<c>after:</c>) has not yet run: nobody may cut it short.</summary>
    PeriodNotElapsed,

    /// <summary>Ledger entries or parties carried by the trigger are not accepted (unknown head, undeclared kind, amount not above zero, overpayment, release beyond escrow, …).</summary>
    LedgerRefused,

    /// <summary>The actor's role may not attach that kind of document (it fires no trigger requiring it, and the document names no such role).</summary>
    AttachNotAllowed,
}
