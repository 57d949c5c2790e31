using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Idempotency;

namespace EcoDamage.Workflow.Runtime.Tests.Idempotency;

/// <summary>The branch a trigger is fired in is part of the request's fingerprint.</summary>
public sealed class BranchFingerprintTests
{
    private static readonly FireTrigger Fire = new("case-1", "CompleteRepair", new Dictionary<string, object?>(), new Actor("user", "obligor"), "k");

    [Fact]
    public void Of_DifferentBranch_Differs()
    {
        Assert.NotEqual(RequestFingerprint.Of(Fire with { Branch = "phases/1" }), RequestFingerprint.Of(Fire with { Branch = "phases/2" }));
        Assert.NotEqual(RequestFingerprint.Of(Fire), RequestFingerprint.Of(Fire with { Branch = "phases/1" }));
        Assert.Equal(RequestFingerprint.Of(Fire with { Branch = "phases/1" }), RequestFingerprint.Of(Fire with { Branch = "phases/1", IdempotencyKey = "other" }));
    }
}
