namespace EmbeddingSample.Webhooks;

/// <summary>What checking a delivery's signature found.</summary>
internal enum Verification
{
    Valid,
    MissingHeaders,
    BadTimestamp,
    TooOldOrTooNew,
    NoMatchingSignature,
}
