using System.Collections.Immutable;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>
/// Issue 12, errors 3, 9 and 13: the N2 exception bars termination too, vessel cases are routed by port waters and
/// fishing (R2, seed line 15), money is never negative, jurisdictions are reference data, and periods in 2023 and
/// 2024 use those years' official calendars.
/// </summary>
public sealed class ExceptionRoutingAndDataScenarioTests
{
    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Terminate_InsignificantDamageInRedLineAreaOrByReoffender_IsRefused(bool redLine, bool reoffended)
    {
        // N2: insignificant damage in an ecological red-line area, or by an obligor re-offending within two years,
        // must still be claimed — after opening as well as before.
        var d = NewClue().Opened();

        var refusal = Assert.Single(d.Refused("Terminate", Department,
            ("notStartingGround", "insignificantDamage"), ("inRedLineArea", redLine), ("reoffendedWithinTwoYears", reoffended)));

        Assert.Equal(RefusalKind.GuardFailed, refusal.Kind);
        Assert.Equal("Investigation", d.Case.State);
    }

    [Fact]
    public void Terminate_InsignificantDamageOutsideTheException_EndsTheClaim()
    {
        var d = NewClue().Opened().Fire("Terminate", Department,
            ("notStartingGround", "insignificantDamage"), ("inRedLineArea", false), ("reoffendedWithinTwoYears", false));

        Assert.Equal("Terminated", d.Case.State);
    }

    [Fact]
    public void DecideNotToStart_WithoutTheExceptionFacts_IsRefusedForEach()
    {
        // N2: the facts are required inputs, not optional flags that default to "no".
        var d = NewClue().Fire("StartPreliminaryCheck", Department).Attach("preliminaryCheckReport");

        var refusals = d.Refused("DecideNotToStart", Department, ("notStartingGround", "insignificantDamage"));

        Assert.Equal(
            [(RefusalKind.MissingData, "inRedLineArea"), (RefusalKind.MissingData, "reoffendedWithinTwoYears")],
            refusals.Select(r => (r.Kind, r.Subject)));
    }

    [Theory]
    [InlineData(true, false, "maritimeBureau")]     // non-fishing vessel in port waters
    [InlineData(true, true, "maritimeBureau")]      // fishing vessel in port waters
    [InlineData(false, false, "maritimeBureau")]    // non-fishing vessel outside port waters
    [InlineData(false, true, "agricultureBureau")]  // fishing vessel outside port waters: the fisheries authority
    public void Start_VesselPollution_RoutesByPortWatersAndFishing(bool inPortWaters, bool fishing, string department)
    {
        // R2 (seed line 15): 海事局 handles non-military vessels in port waters and non-fishing ones outside them.
        var d = CaseDriver.StartClaim(Monday,
            ("channel", "suddenIncident"), ("domain", "vesselPollution"), ("jurisdiction", "qidong"),
            ("inPortWaters", inPortWaters), ("fishingVessel", fishing));

        Assert.Equal(department, d.Case.Data["routedDepartment"]);
    }

    [Fact]
    public void StartPreliminaryCheck_VesselFactsLearnedLater_RouteTheCase()
    {
        var d = CaseDriver.StartClaim(Monday, ("channel", "suddenIncident"), ("domain", "vesselPollution"), ("jurisdiction", "qidong"));
        Assert.False(d.Case.Data.TryGetValue("routedDepartment", out _));

        d.Fire("StartPreliminaryCheck", Department, ("inPortWaters", false), ("fishingVessel", true));

        Assert.Equal("agricultureBureau", d.Case.Data["routedDepartment"]);
    }

    [Fact]
    public void CompleteInvestigation_NegativeEstimatedDamage_IsRefused()
    {
        // Error 13: money is never negative.
        var d = NewClue().Opened().Attach("siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence");

        var refusal = Assert.Single(d.Refused("CompleteInvestigation", Department, ("estimatedDamage", -1m)));

        Assert.Equal((RefusalKind.InvalidData, "estimatedDamage"), (refusal.Kind, refusal.Subject));
    }

    [Fact]
    public void Start_JurisdictionNotInTheReferenceData_IsRefused()
    {
        // Error 13 / R4: a case belongs to a jurisdiction of reference/organisation.yaml, by id.
        var engine = new WorkflowEngine(ShippedCatalog.Catalog);
        var data = ImmutableDictionary<string, object?>.Empty
            .Add("channel", "suddenIncident").Add("domain", "environmentalPollution").Add("jurisdiction", "崇川区");

        var result = engine.Start("claim", null, "case-x", new Actor("user", Department), At(2026, 3, 2, 10), data);

        Assert.False(result.Accepted);
        var refusal = Assert.Single(result.Refusals, r => r.Kind == RefusalKind.InvalidData);
        Assert.Equal("jurisdiction", refusal.Subject);
        Assert.Contains("'jurisdictions'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PreliminaryCheck_EndingOn2023NationalDay_MovesToTheMakeUpWorkday()
    {
        // Error 13 (HOLIDAYS.md 2023): 2023-09-01 + 30 days = Sun 2023-10-01, inside 中秋节、国庆节 (09-29 – 10-06);
        // the next working day is Sat 2023-10-07, a make-up workday (调休上班).
        var d = CaseDriver.StartClaim(new LocalDateTime(2023, 9, 1, 10, 0),
            ("channel", "suddenIncident"), ("domain", "environmentalPollution"), ("jurisdiction", "haian"));

        d.Fire("StartPreliminaryCheck", Department);

        var check = Assert.Single(d.Case.ActiveDeadlines);
        Assert.Equal((new LocalDate(2023, 10, 7), At(2023, 10, 8), false), (check.LastDay, check.Due, check.Provisional));
    }

    [Fact]
    public void PreliminaryCheck_EndingIn2024SpringFestival_MovesToTheMakeUpWorkday()
    {
        // HOLIDAYS.md 2024: 2024-01-11 + 30 days = Sat 2024-02-10, first day of 春节 (02-10 – 02-17);
        // the next working day is Sun 2024-02-18, a make-up workday.
        var d = CaseDriver.StartClaim(new LocalDateTime(2024, 1, 11, 10, 0),
            ("channel", "suddenIncident"), ("domain", "environmentalPollution"), ("jurisdiction", "haian"));

        d.Fire("StartPreliminaryCheck", Department);

        var check = Assert.Single(d.Case.ActiveDeadlines);
        Assert.Equal((new LocalDate(2024, 2, 18), At(2024, 2, 19), false), (check.LastDay, check.Due, check.Provisional));
    }
}
