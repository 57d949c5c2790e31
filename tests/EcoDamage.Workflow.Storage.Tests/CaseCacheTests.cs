using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Ports;
using EcoDamage.Workflow.Storage.Cases;

namespace EcoDamage.Workflow.Storage.Tests;

public sealed class CaseCacheTests
{
    private static StoredCase Stored(string id, long version, string head = "h") => new(
        new CaseInstance(id, version, [], CaseData.Empty, ImmutableDictionary<string, CaseDocument>.Empty, [], [], []),
        version,
        head);

    [Fact]
    public void Find_OnlyReturnsTheEntryWhenVersionSequenceAndHeadAllMatch()
    {
        var cache = new CaseCache();
        var stored = Stored("c1", 3, "head-3");
        cache.Put(stored);

        Assert.Same(stored, cache.Find("c1", 3, 3, "head-3"));
        Assert.Null(cache.Find("c1", 4, 3, "head-3"));
        Assert.Null(cache.Find("c1", 3, 4, "head-3"));
        Assert.Null(cache.Find("c1", 3, 3, "other"));
        Assert.Null(cache.Find("c2", 3, 3, "head-3"));
    }

    [Fact]
    public void Put_BeyondCapacity_EvictsTheLeastRecentlyUsed()
    {
        var cache = new CaseCache(2);
        cache.Put(Stored("a", 1));
        cache.Put(Stored("b", 1));
        Assert.NotNull(cache.Find("a", 1, 1, "h")); // a is now the most recently used
        cache.Put(Stored("c", 1));

        Assert.Equal(2, cache.Count);
        Assert.NotNull(cache.Find("a", 1, 1, "h"));
        Assert.Null(cache.Find("b", 1, 1, "h"));
        Assert.NotNull(cache.Find("c", 1, 1, "h"));
    }

    [Fact]
    public void Put_SameCase_ReplacesTheEntry()
    {
        var cache = new CaseCache(2);
        cache.Put(Stored("a", 1));
        cache.Put(Stored("a", 2));

        Assert.Equal(1, cache.Count);
        Assert.Null(cache.Find("a", 1, 1, "h"));
        Assert.NotNull(cache.Find("a", 2, 2, "h"));
    }

    [Fact]
    public void SurvivesSnapshotRoundTrip_RejectsAnIntThatWouldComeBackAsALong()
    {
        var c = Stored("a", 1).Case;
        Assert.True(CaseCache.SurvivesSnapshotRoundTrip(c with { Data = CaseData.Empty.With("n", 5L) }));
        Assert.False(CaseCache.SurvivesSnapshotRoundTrip(c with { Data = CaseData.Empty.With("n", 5) }));
    }
}
