using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>Not starting, supervision by the procuratorate and termination (N2, R9).</summary>
public sealed class NotStartingScenarioTests
{
    private static CaseDriver Checked() => NewClue()
        .Fire("StartPreliminaryCheck", Department)
        .Attach("preliminaryCheckReport");

    [Fact]
    public void DecideNotToStart_OnN2Ground_CopiesProcuratorateThenArchives()
    {
        var d = Checked().Fire("DecideNotToStart", Department, ("notStartingGround", "alreadyPerformed"), ("inRedLineArea", false), ("reoffendedWithinTwoYears", false));

        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.CopyTo && a.Target == Procuratorate);
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.ShareStatus && a.Target == "referringDepartment");
        Assert.Equal("preliminaryCheck", Assert.Single(d.Last.DeadlinesClosed).DeadlineId);

        d.Fire("Archive", Department);

        Assert.Equal(["ClueScreening", "PreliminaryCheck", "NotStarted", "NotStartedArchived"], d.Visited);
        Assert.True(d.Engine.IsClosed(d.Case));
    }

    [Fact]
    public void DecideNotToStart_InsignificantInRedLineArea_IsRefused() => AssertInsignificantRefused(redLine: true, reoffended: false);

    [Fact]
    public void DecideNotToStart_InsignificantButReoffending_IsRefused() => AssertInsignificantRefused(redLine: false, reoffended: true);

    private static void AssertInsignificantRefused(bool redLine, bool reoffended)
    {
        var d = Checked();

        var refusals = d.Refused("DecideNotToStart", Department,
            ("notStartingGround", "insignificantDamage"), ("inRedLineArea", redLine), ("reoffendedWithinTwoYears", reoffended));

        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(refusals).Kind);
        Assert.Equal("PreliminaryCheck", d.Case.State);
    }

    [Fact]
    public void DecideNotToStart_InsignificantOutsideRedLineFirstOffence_IsAccepted()
    {
        var d = Checked().Fire("DecideNotToStart", Department,
            ("notStartingGround", "insignificantDamage"), ("inRedLineArea", false), ("reoffendedWithinTwoYears", false));

        Assert.Equal("NotStarted", d.Case.State);
    }

    [Fact]
    public void UrgeToStart_ThenRightsHolderOrders_OpensTheClaim()
    {
        var d = Checked().Fire("DecideNotToStart", Department, ("notStartingGround", "other"), ("inRedLineArea", false), ("reoffendedWithinTwoYears", false));
        Assert.Equal(RefusalKind.RoleNotAllowed, Assert.Single(d.Refused("UrgeToStart", Department)).Kind);

        d.Fire("UrgeToStart", Procuratorate);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == RightsHolder);
        Assert.Equal(RefusalKind.MissingDocument, Assert.Single(d.Refused("OrderToStart", RightsHolder)).Kind);

        d.Attach("caseOpeningDecision").Fire("OrderToStart", RightsHolder);

        Assert.Equal(["ClueScreening", "PreliminaryCheck", "NotStarted", "UnderSupervision", "Investigation"], d.Visited);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.ShareStatus && a.Target == Procuratorate);
        Assert.Contains(d.Last.Actions, a => a.Kind == ActionKind.Publish && a.Target == "CaseOpened");
    }

    [Fact]
    public void ConfirmNotStarting_UnderSupervision_ArchivesAndNotifiesProcuratorate()
    {
        var d = Checked()
            .Fire("DecideNotToStart", Department, ("notStartingGround", "lawfulDischarge"), ("inRedLineArea", false), ("reoffendedWithinTwoYears", false))
            .Fire("UrgeToStart", Procuratorate)
            .Fire("ConfirmNotStarting", RightsHolder);

        Assert.Equal(["ClueScreening", "PreliminaryCheck", "NotStarted", "UnderSupervision", "NotStartedArchived"], d.Visited);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == Procuratorate);
    }

    [Fact]
    public void Terminate_AfterOpening_EndsTheClaim()
    {
        var d = NewClue().Opened();
        // N2: the ground and both exception facts are required inputs of termination (error 3).
        var missing = d.Refused("Terminate", Department);
        Assert.All(missing, r => Assert.Equal(RefusalKind.MissingData, r.Kind));
        Assert.Equal(["notStartingGround", "inRedLineArea", "reoffendedWithinTwoYears"], missing.Select(r => r.Subject));

        d.Fire("Terminate", Department, ("notStartingGround", "obligorUnavailable"), ("inRedLineArea", false), ("reoffendedWithinTwoYears", false));

        Assert.Equal(["ClueScreening", "PreliminaryCheck", "Investigation", "Terminated"], d.Visited);
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Publish && a.Target == "ClaimTerminated");
        Assert.True(d.Engine.IsClosed(d.Case));
    }

    [Fact]
    public void Terminate_DuringConsultation_DropsTheSubProcessAndItsDeadline()
    {
        var d = NewClue().Opened().Investigated().Appraised().ConsultationStarted().NoticeServed();
        Assert.Equal(["Consultation", "Negotiating"], d.Case.States);

        d.Fire("Terminate", Department, ("notStartingGround", "effectiveJudgment"), ("inRedLineArea", true), ("reoffendedWithinTwoYears", false));

        Assert.Equal(["Terminated"], d.Case.States);
        Assert.Equal("consultationPeriod", Assert.Single(d.Last!.DeadlinesClosed).DeadlineId);
        Assert.Empty(d.Case.ActiveDeadlines);
    }
}
