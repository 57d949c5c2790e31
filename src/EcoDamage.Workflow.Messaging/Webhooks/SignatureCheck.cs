namespace EcoDamage.Workflow.Messaging.Webhooks;

/// <summary>The result of checking a Standard Webhooks signature.</summary>
public enum SignatureCheck
{
    /// <summary>One of the <c>v1</c> signatures matches.</summary>
    Valid,

    /// <summary><c>webhook-id</c>, <c>webhook-timestamp</c> or <c>webhook-signature</c> is absent or empty.</summary>
    Missing,

    /// <summary><c>webhook-timestamp</c> is not a number of Unix seconds.</summary>
    MalformedTimestamp,

    /// <summary>The timestamp lies further from now than the tolerance (an old replay, or a skewed clock).</summary>
    OutsideTolerance,

    /// <summary>No <c>v1</c> signature matches the body, id and timestamp under the key.</summary>
    Invalid,
}
