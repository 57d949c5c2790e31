using EcoDamage.Workflow.Runtime.Audit;
using NodaTime;

namespace EcoDamage.Workflow.Runtime.Tests.Audit;

public sealed class AuditChainVerifierTests
{
    private static List<StoredAuditEvent> Chain(int length)
    {
        var events = new List<StoredAuditEvent>();
        var previous = AuditHasher.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var e = AuditHasher.Seal(new AuditEvent(
                "case-1", i, Instant.FromUtc(2026, 3, 2, 2, i), i == 1 ? "Started" : "Transition", "user", "handlingDepartment", "生态环境局",
                i == 1 ? "start" : $"T{i}", i == 1 ? string.Empty : $"S{i - 1}", $"S{i}", "{\"amount\":{\"from\":null,\"to\":{\"decimal\":\"" + i + ".50\"}}}",
                "claim@1.0.0", i, previous, string.Empty));
            events.Add(new StoredAuditEvent(e, AuditHasher.Canonical(e)));
            previous = e.Hash;
        }

        return events;
    }

    [Fact]
    public void Verify_IntactChain_ReportsIntact()
    {
        var report = AuditChainVerifier.Verify("case-1", Chain(5));

        Assert.True(report.IsIntact);
        Assert.Equal(5, report.EventsChecked);
    }

    [Fact]
    public void Verify_EditedPayload_ReportsThatEvent()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Payload = chain[2].Payload.Replace("handlingDepartment", "court", StringComparison.Ordinal) };

        var report = AuditChainVerifier.Verify("case-1", chain);

        Assert.False(report.IsIntact);
        Assert.Equal(3, report.FirstBrokenSequence);
    }

    [Fact]
    public void Verify_EditedColumn_ReportsThatEvent()
    {
        var chain = Chain(4);
        chain[1] = chain[1] with { Event = chain[1].Event with { ActorId = "someone-else" } };

        var report = AuditChainVerifier.Verify("case-1", chain);

        Assert.Equal(2, report.FirstBrokenSequence);
        Assert.Contains("column", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_DeletedEvent_ReportsTheGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(2);

        var report = AuditChainVerifier.Verify("case-1", chain);

        Assert.Equal(4, report.FirstBrokenSequence);
    }

    [Fact]
    public void Verify_RehashedEventWithoutItsSuccessors_BreaksTheNextLink()
    {
        var chain = Chain(4);
        var forged = AuditHasher.Seal(chain[1].Event with { ActorId = "forger" });
        chain[1] = new StoredAuditEvent(forged, AuditHasher.Canonical(forged));

        var report = AuditChainVerifier.Verify("case-1", chain);

        Assert.Equal(3, report.FirstBrokenSequence);
        Assert.Contains("previous-hash", report.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_DependsOnThePreviousHash()
    {
        var e = Chain(1)[0].Event;

        Assert.NotEqual(AuditHasher.Seal(e).Hash, AuditHasher.Seal(e with { PreviousHash = new string('1', 64) }).Hash);
        Assert.Equal(64, e.Hash.Length);
    }

    [Fact]
    public void Canonical_IsStableAndKeepsChineseText()
    {
        var e = Chain(1)[0].Event;

        Assert.Equal(AuditHasher.Canonical(e), AuditHasher.Canonical(e with { Hash = "other" }));
        Assert.StartsWith("{\"caseId\":\"case-1\",\"sequence\":1,\"at\":\"2026-03-02T02:01:00Z\"", AuditHasher.Canonical(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Canonical_AndHash_AreExactlyTheStoredForm()
    {
        // Stored chains are verified against this form: any change to it (member order, escaping, instant format,
        // the writer behind it) would break every chain already stored.
        var e = new AuditEvent("案件-7", 3, Instant.FromUtc(2026, 3, 2, 2, 1, 30) + Duration.FromMilliseconds(125), "Escalated", "engine", "system", "南通市生态环境局",
            "deadline:claim/preliminaryCheck#1", "PreliminaryCheck", "PreliminaryCheck", "{\"basis\":{\"en\":\"R9\",\"zh\":\"逾期移送检察院\"},\"late\":true,\"latenessMs\":1200}",
            "claim@1.0.0", 6, new string('a', 64), string.Empty);

        var sealedEvent = AuditHasher.Seal(e);

        Assert.Equal(
            "{\"caseId\":\"案件-7\",\"sequence\":3,\"at\":\"2026-03-02T02:01:30.125Z\",\"kind\":\"Escalated\",\"actorId\":\"engine\",\"role\":\"system\",\"department\":\"南通市生态环境局\",\"trigger\":\"deadline:claim/preliminaryCheck#1\",\"from\":\"PreliminaryCheck\",\"to\":\"PreliminaryCheck\",\"dataDiff\":{\"basis\":{\"en\":\"R9\",\"zh\":\"逾期移送检察院\"},\"late\":true,\"latenessMs\":1200},\"definition\":\"claim@1.0.0\",\"caseVersion\":6,\"previousHash\":\"" + new string('a', 64) + "\"}",
            AuditHasher.Canonical(e));
        Assert.Equal("682fcf9e43898d0a8a8df25782f00e74b0ee42db5e0bda14a58b1fb347ccc8c1", sealedEvent.Hash);
        Assert.Equal(AuditHasher.Hash(AuditHasher.Canonical(e)), sealedEvent.Hash);
        Assert.Equal(AuditHasher.Canonical(e), AuditHasher.Canonical(sealedEvent));
    }
}
