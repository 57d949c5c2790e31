using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.TestUtils;
using NodaTime;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Scenarios;

/// <summary>The consultation sub-process (R15, R19, R34, N3).</summary>
public sealed class ConsultationScenarioTests
{
    private static CaseDriver Negotiating() => NewClue().Opened().Investigated().Appraised().ConsultationStarted().NoticeServed();

    [Fact]
    public void SignAgreement_AfterMeetings_ReturnsToClaimAsAgreementReached()
    {
        var d = NewClue().Opened().Investigated().Appraised().ConsultationStarted();
        Assert.Equal(["Consultation", "NoticePending"], d.Case.States);
        d.NoticeServed();

        // Notice served Mon 2026-03-02: +90 days = Sun 2026-05-31, moved to Mon 2026-06-01.
        Assert.Equal([("preliminaryCheck", At(2026, 4, 2)), ("consultationPeriod", At(2026, 6, 2))], d.OpenedDue);

        d.Advance(Period.FromDays(10)).Meeting("市民代表、环保组织、专家")
            .Fire("RecordProcuratorateOpinion", Procuratorate, ("procuratorateOpinion", "赔偿范围合理，建议纳入惩罚性赔偿"));
        Assert.Contains(d.Last!.Actions, a => a.Kind == ActionKind.Notify && a.Target == Department);
        d.Advance(Period.FromDays(10)).Meeting().AgreementSigned();

        Assert.Equal(
            ["ConsultationPreparation", "Consultation", "NoticePending", "Negotiating", "Agreed", "AgreementReached"],
            d.VisitedFrom("ConsultationPreparation"));
        Assert.Equal(["AgreementReached"], d.Case.States);
        Assert.Equal(2L, Convert.ToInt64(d.Case.Data["meetingCount"]));
        Assert.Equal("市民代表、环保组织、专家", d.Case.Data["publicParticipants"]);
        Assert.Contains(d.Last!.ActionsOf(ActionKind.Publish), a => a.Target == "AgreementSigned");
        Assert.Empty(d.Case.ActiveDeadlines);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void RecordMeeting_Fourth_IsRefused()
    {
        var d = Negotiating().Meeting().Meeting().Meeting().Attach("meetingMinutes");

        var refusals = d.Refused("RecordMeeting", Department, ("meetingDate", d.Today));

        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(refusals).Kind);
        Assert.Equal(3L, Convert.ToInt64(d.Case.Data["meetingCount"]));
    }

    [Fact]
    public void DeclareFailed_NoProspect_RefusedBeforeThreeMeetingsAcceptedAfter()
    {
        var d = Negotiating().Meeting().Meeting();
        Assert.Equal(RefusalKind.GuardFailed,
            Assert.Single(d.Refused("DeclareFailed", Department, ("failureGround", "noProspectAfterMaxMeetings"))).Kind);

        d.Meeting().Fire("DeclareFailed", Department, ("failureGround", "noProspectAfterMaxMeetings"));

        Assert.Equal(["Consultation", "NoticePending", "Negotiating", "Failed", "LitigationDecision"], d.VisitedFrom("Consultation"));
        Assert.Equal(["LitigationDecision"], d.Case.States);
    }

    [Fact]
    public void ConsultationPeriod_NinetyDaysPass_DeemedFailedAndClaimGoesToLitigationDecision()
    {
        var d = Negotiating().Meeting().Advance(Period.FromDays(100));

        var consultation = d.EventLog.Where(e => e.Id == "consultationPeriod").ToArray();
        Assert.Equal(
            [
                (DeadlineEventKind.Reminder, "consultationPeriod", "15d", At(2026, 5, 18)),
                (DeadlineEventKind.Reminder, "consultationPeriod", "7d", At(2026, 5, 26)),
                (DeadlineEventKind.Reminder, "consultationPeriod", "1d", At(2026, 6, 1)),
                (DeadlineEventKind.Overdue, "consultationPeriod", Department, At(2026, 6, 2)),
            ],
            consultation);
        var overdue = d.Events.Single(e => e.Kind == DeadlineEventKind.Overdue && e.Deadline.DeadlineId == "consultationPeriod");
        Assert.True(overdue.AutoFire!.Accepted);
        Assert.Equal("DeemFailed", overdue.AutoFire.Trigger);
        Assert.Equal(["Negotiating", "Failed", "LitigationDecision"], d.VisitedFrom("Negotiating"));
        Assert.Equal("expired", d.Case.Data["failureGround"]);
        Assert.Equal(["LitigationDecision"], d.Case.States);
    }

    [Fact]
    public void DeclareFailed_ObligorRefusesBeforeNotice_GoesToLitigationDecision()
    {
        var d = NewClue().Opened().Investigated().Appraised().ConsultationStarted();
        Assert.Equal(RefusalKind.GuardFailed,
            Assert.Single(d.Refused("DeclareFailed", Department, ("failureGround", "walkedOut"))).Kind);

        d.Fire("DeclareFailed", Department, ("failureGround", "refused"));

        Assert.Equal(["Consultation", "NoticePending", "Failed", "LitigationDecision"], d.VisitedFrom("Consultation"));
        Assert.DoesNotContain(d.OpenedDue, x => x.Id == "consultationPeriod");
    }
}
