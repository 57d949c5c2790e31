using System.Text.Json;
using EcoDamage.Workflow.Messaging.Events;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Runtime.Ports;

namespace EcoDamage.Workflow.Server.Tests.Webhooks;

/// <summary>The event contracts (each row's name is the Runtime's, see CaseMeaningTests): patterns, the envelope, signatures, backoff and outbox id order.</summary>
public sealed class ContractTests
{
    [Theory]
    [InlineData("*", "case.opened", true)]
    [InlineData("case.*", "case.opened", true)]
    [InlineData("case.*", "clue.registered", false)]
    [InlineData("clue.*", "clue.referred", true)]
    [InlineData("case.opened", "case.opened", true)]
    [InlineData("case.opened", "case.closed", false)]
    public void Matches_Patterns(string pattern, string name, bool expected) => Assert.Equal(expected, EventNames.Matches(pattern, name));

    [Fact]
    public void Envelope_CloudEventsShape()
    {
        var e = new CaseEvent(Guid.Parse("0196d1a2-0000-7000-8000-000000000001"), "case.opened", "ecodamage.case.opened.v1", "case.actionRequested",
            "case-1", new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero), """{"caseId":"case-1","note":"立案"}""");
        var json = JsonDocument.Parse(WebhookEnvelope.Write(e, "/ecodamage/workflow")).RootElement;
        Assert.Equal("1.0", json.GetProperty("specversion").GetString());
        Assert.Equal("0196d1a2-0000-7000-8000-000000000001", json.GetProperty("id").GetString());
        Assert.Equal("case-1", json.GetProperty("subject").GetString());
        Assert.Equal("2026-03-02T02:00:00.0000000Z", json.GetProperty("time").GetString());
        Assert.Equal("立案", json.GetProperty("data").GetProperty("note").GetString());
    }

    [Fact]
    public void Backoff_GrowsExponentially_WithJitter_UpToTheMaximum()
    {
        var initial = TimeSpan.FromSeconds(5);
        var max = TimeSpan.FromHours(1);
        Assert.Equal(TimeSpan.FromSeconds(2.5), Backoff.Delay(1, initial, max, 0));
        Assert.Equal(TimeSpan.FromSeconds(5), Backoff.Delay(1, initial, max, 1));
        Assert.Equal(TimeSpan.FromSeconds(40), Backoff.Delay(4, initial, max, 1));
        Assert.Equal(max, Backoff.Delay(40, initial, max, 1));
    }

    [Fact]
    public void OutboxIds_StrictlyIncreasingInTextOrder_EvenInOneMillisecond()
    {
        var at = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 1000).Select(_ => OutboxIds.Next(at).ToString()).ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal('7', id[14]));
    }
}
