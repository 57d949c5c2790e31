using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Idempotency;

namespace EcoDamage.Workflow.Runtime.Tests.Idempotency;

public sealed class RequestFingerprintTests
{
    private static readonly Actor User = new("user", "handlingDepartment");

    private static FireTrigger Fire(string key, params (string, object?)[] data) =>
        new("case-1", "OpenCase", data.ToDictionary(d => d.Item1, d => d.Item2), User, key);

    [Fact]
    public void Of_SameRequestWithAnotherKey_IsTheSame()
    {
        Assert.Equal(RequestFingerprint.Of(Fire("a", ("x", 1m), ("y", true))), RequestFingerprint.Of(Fire("b", ("y", true), ("x", 1m))));
    }

    [Fact]
    public void Of_DifferentData_Differs()
    {
        Assert.NotEqual(RequestFingerprint.Of(Fire("a", ("x", 1m))), RequestFingerprint.Of(Fire("a", ("x", 2m))));
        Assert.NotEqual(RequestFingerprint.Of(Fire("a", ("x", 1m))), RequestFingerprint.Of(Fire("a", ("x", 1L))));
    }

    [Fact]
    public void Of_DifferentActorOrTrigger_Differs()
    {
        var fire = Fire("a");

        Assert.NotEqual(RequestFingerprint.Of(fire), RequestFingerprint.Of(fire with { Actor = new Actor("other", "handlingDepartment") }));
        Assert.NotEqual(RequestFingerprint.Of(fire), RequestFingerprint.Of(fire with { Trigger = "NotStarting" }));
    }

    [Fact]
    public void Of_RecordLists_AreComparedMemberByMember()
    {
        static RecordList Entries(decimal amount, string head = "permanentLoss") => RecordList.From(
        [
            new Dictionary<string, object?> { ["kind"] = "paid", ["head"] = head, ["amount"] = amount },
        ]);

        Assert.Equal(RequestFingerprint.Of(Fire("a", ("ledger", Entries(100m)))), RequestFingerprint.Of(Fire("b", ("ledger", Entries(100m)))));
        Assert.NotEqual(RequestFingerprint.Of(Fire("a", ("ledger", Entries(100m)))), RequestFingerprint.Of(Fire("a", ("ledger", Entries(101m)))));
        Assert.NotEqual(RequestFingerprint.Of(Fire("a", ("ledger", Entries(100m)))), RequestFingerprint.Of(Fire("a", ("ledger", Entries(100m, "punitive")))));
    }
}
