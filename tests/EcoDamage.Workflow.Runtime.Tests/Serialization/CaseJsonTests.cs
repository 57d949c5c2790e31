using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Schedules;
using EcoDamage.Workflow.Engine.Ledger;
using EcoDamage.Workflow.Engine.Parties;
using EcoDamage.Workflow.Runtime.Serialization;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Runtime.Tests.Serialization;

public sealed class CaseJsonTests
{
    private static CaseDriver ClaimInConsultation() => CaseDriver.StartClaim(
            new LocalDateTime(2026, 3, 2, 10, 0),
            ("channel", "suddenIncident"), ("domain", "environmentalPollution"), ("jurisdiction", "chongchuan"))
        .Fire("StartPreliminaryCheck", Department)
        .Attach("preliminaryCheckReport", "caseOpeningDecision")
        .Fire("OpenCase", Department, ("damageFound", true))
        .Attach("siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence")
        .Fire("CompleteInvestigation", Department,
            ("estimatedDamage", 1_200_000.50m), ("factsSimple", false), ("liabilityUndisputed", false), ("damageSmall", false))
        .Fire("CommissionAppraisal", Department, ("appraisalMode", "qualifiedInstitution"))
        .Attach("appraisalOpinion")
        .Fire("DeliverAppraisal", Appraiser, ("assessedDamage", 1_000_000m))
        .Attach("compensationOpinionLetter")
        .Fire("IssueOpinionLetter", Department);

    [Fact]
    public void Serialize_ThenDeserialize_WritesTheSameJsonAgain()
    {
        var @case = ClaimInConsultation().Case;

        var json = CaseJson.Serialize(@case);
        var back = CaseJson.Deserialize(json);

        Assert.Equal(json, CaseJson.Serialize(back));
        Assert.Equal(@case.States, back.States);
        Assert.Equal(@case.Version, back.Version);
        Assert.Equal(@case.Frames.ToArray(), back.Frames.ToArray());
        Assert.Equal(@case.Deadlines.Length, back.Deadlines.Length);
        Assert.Equal(@case.History.Count, back.History.Count);
        Assert.Equal(@case.Supervision, back.Supervision);
    }

    [Fact]
    public void Serialize_EachVersionOfACase_EqualsAFreshSerializationOfTheSameCase()
    {
        // Parts kept from one version to the next (history, documents, deadlines) reuse their JSON:
        // every version's snapshot must still be exactly what a case with no shared parts produces.
        var driver = CaseDriver.StartClaim(new LocalDateTime(2026, 3, 2, 10, 0), ("channel", "suddenIncident"), ("domain", "environmentalPollution"), ("jurisdiction", "chongchuan"));
        var versions = new List<CaseInstance> { driver.Case };
        versions.Add(driver.Fire("StartPreliminaryCheck", Department).Case);
        versions.Add(driver.Attach("preliminaryCheckReport", "caseOpeningDecision").Case);
        versions.Add(driver.Fire("OpenCase", Department, ("damageFound", true)).Case);
        versions.Add(driver.Attach("siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence").Case);
        versions.Add(driver.Fire("CompleteInvestigation", Department,
            ("estimatedDamage", 1_200_000.50m), ("factsSimple", false), ("liabilityUndisputed", false), ("damageSmall", false)).Case);

        foreach (var version in versions)
        {
            var first = CaseJson.Serialize(version); // history entries of earlier versions come from the cache
            var fresh = CaseJson.Serialize(CaseJson.Deserialize(first)); // new instances: nothing cached

            Assert.Equal(first, CaseJson.Serialize(version));
            Assert.Equal(fresh, first);
        }
    }

    [Fact]
    public void SerializeOnce_WritesExactlyWhatSerializeWrites_AndReadsBackTheSameCase()
    {
        // A batch's cold cases skip the fragment cache; their snapshots must not differ by a byte from the command path's.
        var @case = ClaimInConsultation().Case;
        var cached = CaseJson.Serialize(@case);
        var fresh = CaseJson.Deserialize(cached);

        var once = CaseJson.SerializeOnce(fresh);

        Assert.Equal(cached, once);
        Assert.Equal(cached, CaseJson.SerializeOnce(@case));
        Assert.Equal(cached, CaseJson.Serialize(CaseJson.Deserialize(once)));
    }

    [Fact]
    public void Deserialize_KeepsEachDataValueItsType()
    {
        var @case = ClaimInConsultation().Case;

        var back = CaseJson.Deserialize(CaseJson.Serialize(@case));

        Assert.Equal(@case.Data.Count, back.Data.Count);
        foreach (var (key, value) in @case.Data)
        {
            Assert.Equal(value, back.Data[key]);
            Assert.Equal(value?.GetType(), back.Data[key]?.GetType());
        }

        Assert.IsType<decimal>(back.Data["estimatedDamage"]);
        Assert.Equal("1200000.50", ((decimal)back.Data["estimatedDamage"]!).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsType<bool>(back.Data["damageFound"]);
    }

    [Fact]
    public void Deserialize_DerivedPropertiesAreNotWritten()
    {
        var json = CaseJson.Serialize(ClaimInConsultation().Case);

        Assert.DoesNotContain("\"activeDeadlines\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"isActive\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"states\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_TheEngineContinuesExactlyAsOnTheOriginal()
    {
        var driver = ClaimInConsultation().Attach("writtenNotice");
        var back = CaseJson.Deserialize(CaseJson.Serialize(driver.Case));
        var request = new FireRequest("ServeWrittenNotice", new Actor("user", Department), driver.Now, new Dictionary<string, object?> { ["noticeServedOn"] = driver.Today });

        var onOriginal = driver.Engine.Fire(driver.Case, request);
        var onCopy = driver.Engine.Fire(back, request);

        Assert.True(onOriginal.Accepted);
        Assert.True(onCopy.Accepted);
        Assert.Equal(CaseJson.Serialize(onOriginal.Case), CaseJson.Serialize(onCopy.Case));
    }

    [Fact]
    public void Serialize_HistoryCarryingRecordLists_RoundTripsTheRecordsWithTheirTypes()
    {
        var @case = ClaimInConsultation().Case;
        var records = RecordList.From(
        [
            new Dictionary<string, object?> { ["kind"] = "agreed", ["head"] = "permanentLoss", ["amount"] = 120_000.50m, ["joint"] = true },
            new Dictionary<string, object?> { ["kind"] = "credited", ["head"] = "emergencyResponse", ["amount"] = 3L, ["basis"] = null },
        ]);
        var last = @case.History[^1];
        var changed = @case with
        {
            History = @case.History.SetItem(@case.History.Count - 1, last with
            {
                Changes = new Dictionary<string, object?>(last.Changes) { ["ledger"] = records },
            }),
        };

        var back = CaseJson.Deserialize(CaseJson.Serialize(changed));

        var read = Assert.IsType<RecordList>(back.History[^1].Changes["ledger"]);
        Assert.Equal(records, read);
        Assert.Equal(120_000.50m, read[0]["amount"]);
        Assert.Equal(3L, read[1]["amount"]);
        Assert.Null(read[1]["basis"]);
    }

    [Fact]
    public void Serialize_CaseWithScheduleItems_RoundTripsTheItemsWithTheirTypes()
    {
        var @case = ClaimInConsultation().Case;
        var at = CaseDriver.At(2026, 3, 2, 10);
        var withSchedule = @case with
        {
            Schedules =
            [
                new CaseSchedule("claim", "instalments",
                [
                    new ScheduleItem(1, new Dictionary<string, object?> { ["due"] = new LocalDate(2026, 5, 29), ["amount"] = 400_000.50m }, at, 400_000.50m, at),
                    new ScheduleItem(2, new Dictionary<string, object?> { ["due"] = new LocalDate(2026, 6, 30), ["amount"] = 300_000m }, at, 100_000m),
                ]),
            ],
        };

        var json = CaseJson.Serialize(withSchedule);
        var back = CaseJson.Deserialize(json);

        Assert.Equal(json, CaseJson.Serialize(back));
        var items = Assert.Single(back.Schedules).Items;
        Assert.Equal(new LocalDate(2026, 5, 29), items[0].Values["due"]);
        Assert.Equal(400_000.50m, items[0].Values["amount"]);
        Assert.Equal((true, at), (items[0].IsMet, items[0].MetAt!.Value));
        Assert.Equal((false, 100_000m), (items[1].IsMet, items[1].Performed));
    }

    [Fact]
    public void Deserialize_SnapshotWithoutSchedules_LoadsWithNone()
    {
        var json = CaseJson.Serialize(ClaimInConsultation().Case);
        var old = System.Text.RegularExpressions.Regex.Replace(json, ",\"schedules\":\\[\\]", string.Empty);
        Assert.NotEqual(json, old);

        Assert.Empty(CaseJson.Deserialize(old).Schedules);
    }

    [Fact]
    public void Serialize_LedgerAndParties_RoundTripAndOldSnapshotsLoadEmpty()
    {
        var @case = ClaimInConsultation().Case;
        var at = Instant.FromUtc(2026, 5, 1, 2, 0);
        var withMoney = @case with
        {
            Ledger =
            [
                new LedgerEntry(1, LedgerKind.Agreed, "permanentLoss", 120_000.50m, null, null, null, null, null, null, at, "clerk", "SignAgreement"),
                new LedgerEntry(2, LedgerKind.Credited, "emergencyResponse", 3m, "acme", "已垫付", "costReceipt", null, null, "phase-1", at, "clerk", "RecordCredit"),
                new LedgerEntry(3, LedgerKind.Paid, "permanentLoss", 1000m, "acme", null, null, "chongchuan", null, null, at, "cashier", "RecordPayment") { Instalment = 2 },
            ],
            Parties =
            [
                new CaseParty("acme", PartyKind.Obligor, "某化工有限公司", 0.6m, false, null, false, "performed"),
                new CaseParty("nt", PartyKind.RightsHolder, "南通市人民政府", null, false, "nantong", true, null),
            ],
        };

        var json = CaseJson.Serialize(withMoney);
        var back = CaseJson.Deserialize(json);

        Assert.Equal(withMoney.Ledger, back.Ledger);
        Assert.Equal(withMoney.Parties, back.Parties);
        Assert.Equal(2, back.Ledger[2].Instalment);
        Assert.Equal(json, CaseJson.Serialize(back));

        // A snapshot written before the ledger existed has neither member: it loads with both empty.
        var old = System.Text.Json.Nodes.JsonNode.Parse(CaseJson.Serialize(@case))!.AsObject();
        Assert.True(old.Remove("ledger") | old.Remove("Ledger"));
        Assert.True(old.Remove("parties") | old.Remove("Parties"));
        var loaded = CaseJson.Deserialize(old.ToJsonString());
        Assert.Empty(loaded.Ledger);
        Assert.Empty(loaded.Parties);
    }
}
