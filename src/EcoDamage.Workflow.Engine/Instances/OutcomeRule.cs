namespace EcoDamage.Workflow.Engine.Instances;

/// <summary>When a multi-instance call's outcome applies, once every branch has ended (<c>when:</c>).</summary>
public enum OutcomeRule
{
    /// <summary>Every branch ended in the outcome's state (the default).</summary>
    All,

    /// <summary>At least one branch ended in the outcome's state.</summary>
    Any,
}
