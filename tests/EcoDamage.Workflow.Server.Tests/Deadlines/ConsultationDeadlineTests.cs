using EcoDamage.Workflow.Runtime.Deadlines;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Deadlines;

/// <summary>N3: consultation (磋商) in principle ends within 90 days of the written notice; the sweeper fires "deemed failed".</summary>
public sealed class ConsultationDeadlineTests
{
    [Fact]
    public async Task Consultation_90DaysPass_AutoFiresDeemFailedOnceAsTheSystem()
    {
        using var host = new DeadlineHost();
        var api = host.Api;
        var clue = await api.RegisterClueAsync();
        var id = clue.GetProperty("id").GetString()!;
        await api.FireAsync(LawEnforcement, id, "StartPreliminaryCheck");
        await api.AttachAsync(id, "preliminaryCheckReport", "caseOpeningDecision");
        await api.FireAsync(LawEnforcement, id, "OpenCase", new { damageFound = true });
        await api.AttachAsync(id, "siteSurveyRecord", "samplingMonitoringReport", "photoVideoEvidence");
        await api.FireAsync(LawEnforcement, id, "CompleteInvestigation",
            new { estimatedDamage = 1_200_000m, factsSimple = false, liabilityUndisputed = false, damageSmall = false });
        await api.FireAsync(LawEnforcement, id, "CommissionAppraisal", new { appraisalMode = "qualifiedInstitution" });
        await api.AttachAsync(id, "appraisalOpinion");
        await api.GrantPartiesAsync(id);
        await api.FireAsync(Appraiser, id, "DeliverAppraisal", new { assessedDamage = 1_000_000m });
        await api.AttachAsync(id, "compensationOpinionLetter");
        await api.FireAsync(LawEnforcement, id, "IssueOpinionLetter");
        await api.AttachAsync(id, "writtenNotice");
        await api.FireAsync(LawEnforcement, id, "ServeWrittenNotice", new { noticeServedOn = "2026-03-02" });
        var consultation = await host.DeadlineAsync(id, "consultationPeriod");
        Assert.Equal("2026-06-01", consultation.GetProperty("lastDay").GetString()); // 90 days from 03-02 is Sunday 05-31: moved to Monday

        var early = await host.SweepAtAsync(DeadlineHost.At(2026, 6, 1, 23));
        var due = await host.SweepAtAsync(DeadlineHost.At(2026, 6, 2, 1));
        var again = await host.SweepAtAsync(DeadlineHost.At(2026, 6, 10));

        Assert.Equal((3, 0), (early.Reminders, early.Overdue)); // 15d, 7d, 1d before
        Assert.Equal((0, 1, 0), (due.Reminders, due.Overdue, due.Escalations));
        Assert.Equal(0, again.Cases);
        var audit = await host.DeadlineAuditAsync(id);
        var overdue = Assert.Single(audit, e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Overdue);
        Assert.Equal("DeemFailed", overdue.GetProperty("dataDiff").GetProperty("fired").GetString());
        Assert.Contains(audit, e => e.GetProperty("trigger").GetString() == "DeemFailed" && e.GetProperty("kind").GetString() == "Transition");
        Assert.DoesNotContain("Negotiating", (await api.GetAsync(id)).GetProperty("states").EnumerateArray().Select(s => s.GetString()));
        Assert.True((await api.VerifyAsync(id)).GetProperty("intact").GetBoolean());
    }
}
