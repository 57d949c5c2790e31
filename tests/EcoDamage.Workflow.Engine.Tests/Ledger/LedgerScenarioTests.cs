using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Ledger;
using EcoDamage.Workflow.Engine.Parties;
using EcoDamage.Workflow.TestUtils;
using static EcoDamage.Workflow.Engine.Tests.Scenarios.ClaimSteps;
using static EcoDamage.Workflow.TestUtils.LedgerItems;
using static EcoDamage.Workflow.TestUtils.Roles;

namespace EcoDamage.Workflow.Engine.Tests.Ledger;

/// <summary>Money as items, money-only and in-kind settlements, escrow, several parties, through the shipped claim (issue 12: errors 6, 7, 8).</summary>
public sealed class LedgerScenarioTests
{
    /// <summary>A money-only agreement (no repair obligation) performed without confirmation: straight to FundsSettlement.</summary>
    private static CaseDriver MoneyOnly() => NewClue().Opened().Investigated().Appraised().ConsultationStarted().NoticeServed().Meeting()
        .AgreementSigned(repair: false).Fire("PerformWithoutConfirmation", Department);

    [Fact]
    public void PerformWithoutConfirmation_MoneyOnlyAgreement_SkipsRepairAndClosesWhenPaidInFull()
    {
        // R16: an agreement without a repair obligation does not pass through the repair sub-process.
        var d = MoneyOnly();
        Assert.Equal(["AgreementReached", "FundsSettlement"], d.VisitedFrom("AgreementReached"));
        Assert.Equal(1_000_000m, d.Case.Data["owedTotal"]);
        Assert.Equal(false, d.Case.Data["settled"]);

        d.CollectionDesignated().Paid(AgreedItems).Fire("ReviewClosure", Department).Fire("CloseCase", Department);

        Assert.True(d.Engine.IsClosed(d.Case));
        Assert.Equal(true, d.Case.Data["settled"]);
        Assert.Equal(0m, d.Case.Data["outstandingTotal"]);
        // R26/R30 (seed lines 58, 64-65): neither leniency nor disclosure is a precondition for closing.
        Assert.False(d.Case.Data.TryGetValue("leniencyRecorded", out var l) && l is not null);
        Assert.False(d.Case.Data.TryGetValue("disclosed", out var x) && x is not null);
    }

    [Fact]
    public void ReviewClosure_PartialPayment_IsRefusedAndDefaultLeadsToPaymentOrder()
    {
        // Issue 12 error 6 (R16, seed line 39): money still owed never closes; it goes to a payment order (N5) or enforcement.
        var d = MoneyOnly().CollectionDesignated().Paid(("cleanUpAndRepair", 600_000m));
        Assert.Equal(400_000m, d.Case.Data["outstandingTotal"]);
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("ReviewClosure", Department)).Kind);
        Assert.Equal(RefusalKind.NotPermittedInState, Assert.Single(d.Refused("CloseCase", Department)).Kind);

        d.Fire("DeclareDefault", Department).Attach("paymentOrderApplication").Fire("ApplyPaymentOrder", Department);

        Assert.Equal(["FundsSettlement", "NonPerformance", "PaymentOrderApplied"], d.VisitedFrom("FundsSettlement"));
        Assert.False(d.Engine.IsClosed(d.Case));
    }

    [Fact]
    public void DeclareDefault_WhenSettled_IsRefused()
    {
        var d = MoneyOnly().CollectionDesignated().Paid(AgreedItems);
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(d.Refused("DeclareDefault", Department)).Kind);
    }

    [Fact]
    public void RecordLeniency_AfterVoluntaryFullPerformance_IsRecordedAndDisclosureStaysOptional()
    {
        // Issue 12 error 7 (R26 seed line 58, R30 seed lines 64-65).
        var d = MoneyOnly().CollectionDesignated().Paid(AgreedItems).Fire("ReviewClosure", Department)
            .Fire("RecordLeniency", Department).Fire("CloseCase", Department);

        Assert.Equal(true, d.Case.Data["leniencyRecorded"]);
        Assert.False(d.Case.Data.TryGetValue("disclosed", out var x) && x is not null);
        Assert.True(d.Engine.IsClosed(d.Case));
    }

    [Fact]
    public void RecordPayment_ByAnotherDepartment_IsRefused()
    {
        // Issue 12 error 8 (R27, seed line 60): the department the rights holder designates collects.
        var d = MoneyOnly().Attach("paymentVoucher");
        var undesignated = d.RefusedAs("RecordPayment", Collector, LedgerData("paid", ("cleanUpAndRepair", 1m)));
        // Nothing is designated yet: no treasury to pay into, and no department may collect.
        Assert.Contains(undesignated, r => r.Kind == RefusalKind.MissingData && r.Subject == "treasury");

        d.CollectionDesignated(department: "ecologyBureau");
        var other = d.RefusedAs("RecordPayment", Collector, LedgerData("paid", ("cleanUpAndRepair", 1m)));
        Assert.Contains("only the designated department 'ecologyBureau'", Assert.Single(other).Message, StringComparison.Ordinal);

        d.FireAs("RecordPayment", new Actor("clerk", "ecologyBureau", "ecologyBureau"), LedgerData("paid", ("cleanUpAndRepair", 1m)));
        Assert.Equal(1m, d.Case.Data["paidTotal"]);
    }

    [Fact]
    public void DesignateCollection_CaseSpanningCounties_PaysIntoTheTreasuryWhereTheDamageOccurred()
    {
        // R27 (seed line 60): spanning counties of the city, the money goes to the treasury where the damage occurred.
        var d = MoneyOnly();
        var wrong = d.Refused("DesignateCollection", RightsHolder,
            ("collectingDepartment", "financeBureau"), ("treasury", "nantong"), ("spansCounties", true), ("damageLocation", "haimen"));
        Assert.Equal(RefusalKind.GuardFailed, Assert.Single(wrong).Kind);

        d.Fire("DesignateCollection", RightsHolder,
            ("collectingDepartment", "financeBureau"), ("treasury", "haimen"), ("spansCounties", true), ("damageLocation", "haimen"));
        Assert.Equal("haimen", d.Case.Data["treasury"]);
    }

    [Fact]
    public void RecordCredit_CostAlreadyBorne_ReducesWhatIsOwed()
    {
        // N9: costs the obligor already bore, with their basis and document, are credited against the debt.
        var d = MoneyOnly().CollectionDesignated().Attach("costReceipt")
            .Fire("RecordCredit", Department, LedgerData(Item("credited", "cleanUpAndRepair", 150_000m, ("basis", "已垫付应急处置费用"), ("document", "costReceipt"))));
        Assert.Equal(850_000m, d.Case.Data["outstandingTotal"]);

        d.Paid(("cleanUpAndRepair", 450_000m), ("serviceFunctionLoss", 300_000m), ("investigationAndAppraisal", 100_000m))
            .Fire("ReviewClosure", Department).Fire("CloseCase", Department);
        Assert.True(d.Engine.IsClosed(d.Case));
        Assert.Equal(850_000m, d.Case.Data["paidTotal"]);
    }

    [Fact]
    public void RecordCredit_WithoutBasisOrAttachedDocument_IsRefusedWithEveryReason()
    {
        var d = MoneyOnly();
        var refusals = d.Refused("RecordCredit", Department,
            LedgerData(Item("credited", "cleanUpAndRepair", 1m), Item("credited", "cleanUpAndRepair", 1m, ("basis", "b"), ("document", "costReceipt"))));

        Assert.All(refusals, r => Assert.Equal(RefusalKind.LedgerRefused, r.Kind));
        Assert.Equal(
            ["ledger[0].basis is required for a credit (why the cost the obligor bore counts, N9)",
             "ledger[0].document is required for a credit (the document type that proves the cost, N9)",
             "ledger[1].document 'costReceipt' is not attached to the case"],
            refusals.Select(r => r.Message));
    }

    [Fact]
    public void RecordPayment_BadItems_AreRefusedWithEveryReasonAndTheCaseUnchanged()
    {
        // Money is never negative (issue 12 error 13); an unknown head, a kind the trigger does not record, a
        // non-number and an unknown party are each named.
        var d = MoneyOnly().CollectionDesignated().Attach("paymentVoucher");
        var refusals = d.RefusedAs("RecordPayment", Collector, LedgerData(
            Item("paid", "cleanUpAndRepair", -5m),
            Item("paid", "cleanUpAndRepair", 0m),
            Item("paid", "noSuchHead", 1m),
            Item("agreed", "cleanUpAndRepair", 1m),
            Item("paid", "cleanUpAndRepair", 1m, ("party", "nobody")),
            new Dictionary<string, object?> { ["kind"] = "paid", ["head"] = "permanentLoss", ["amount"] = "lots", ["colour"] = "red" }));

        Assert.All(refusals, r => Assert.Equal(RefusalKind.LedgerRefused, r.Kind));
        var messages = refusals.Select(r => r.Message).ToArray();
        Assert.Contains("ledger[0].amount -5 must be greater than zero (money is never negative)", messages);
        Assert.Contains("ledger[1].amount 0 must be greater than zero (money is never negative)", messages);
        Assert.Contains(messages, m => m.StartsWith("ledger[2].head 'noSuchHead' is not a head of damage", StringComparison.Ordinal));
        Assert.Contains("ledger[3].kind 'agreed' is not recorded by this trigger (it records: paid)", messages);
        Assert.Contains("ledger[4].party 'nobody' is not an obligor of the case", messages);
        Assert.Contains("ledger[5].amount must be a number (yuan)", messages);
        Assert.Contains(messages, m => m.StartsWith("ledger[5].colour is not a member", StringComparison.Ordinal));
        Assert.Equal(7, messages.Length);
        Assert.Equal(["ledger[0].amount", "ledger[1].amount", "ledger[2].head", "ledger[3].kind", "ledger[4].party", "ledger[5].colour", "ledger[5].amount"],
            refusals.Select(r => r.Subject));
    }

    [Fact]
    public void RecordPayment_BeyondWhatIsOwedUnderAHead_IsRefusedAsOverpayment()
    {
        var d = MoneyOnly().CollectionDesignated().Paid(("investigationAndAppraisal", 60_000m)).Attach("paymentVoucher");
        var refusal = Assert.Single(d.RefusedAs("RecordPayment", Collector, LedgerData("paid", ("investigationAndAppraisal", 50_000m))));
        Assert.Equal(RefusalKind.LedgerRefused, refusal.Kind);
        Assert.Equal("ledger: overpayment under 'investigationAndAppraisal': owed 100000, paid, credited, performed in kind or escrowed 110000", refusal.Message);
        // A head the agreement does not name owes nothing.
        Assert.Contains("overpayment under 'permanentLoss'", Assert.Single(d.RefusedAs("RecordPayment", Collector, LedgerData("paid", ("permanentLoss", 1m)))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordInKind_AgreementPerformedWhollyInKind_ClosesWithoutAPayment()
    {
        // Capability "in-kind settlement" (R24): replanting and restocking, valued, settle the heads they perform.
        var d = MoneyOnly().Attach("inKindAcceptance").Fire("RecordInKind", Department, LedgerData("inKind", AgreedItems))
            .Fire("ReviewClosure", Department).Fire("CloseCase", Department);

        Assert.True(d.Engine.IsClosed(d.Case));
        Assert.Equal(1_000_000m, d.Case.Data["inKindTotal"]);
        Assert.DoesNotContain(d.Case.Ledger, e => e.Kind == LedgerKind.Paid);
    }

    [Fact]
    public void DepositInEscrow_DischargesAndIsLaterReleasedToAMatchedProject()
    {
        // N10: money deposited with a notary discharges; it is released later to a matched repair project, never beyond the deposit.
        var d = MoneyOnly().CollectionDesignated().Paid(("serviceFunctionLoss", 300_000m), ("investigationAndAppraisal", 100_000m))
            .Attach("escrowCertificate").Fire("DepositInEscrow", Department, LedgerData("escrowed", ("cleanUpAndRepair", 600_000m)))
            .Fire("ReviewClosure", Department);
        Assert.Equal(600_000m, d.Case.Data["escrowedTotal"]);

        d.Attach("projectMatchDecision");
        var beyond = Assert.Single(d.Refused("ReleaseEscrow", Department, LedgerData(Item("released", "cleanUpAndRepair", 700_000m, ("project", "濠河湿地修复")))));
        Assert.Equal("ledger: release beyond escrow under 'cleanUpAndRepair': escrowed 600000, released 700000 (N10)", beyond.Message);
        Assert.Contains("project is required", Assert.Single(d.Refused("ReleaseEscrow", Department, LedgerData("released", ("cleanUpAndRepair", 1m)))).Message, StringComparison.Ordinal);

        d.Fire("ReleaseEscrow", Department, LedgerData(Item("released", "cleanUpAndRepair", 450_000m, ("project", "濠河湿地修复"))))
            .Fire("CloseCase", Department);

        var head = LedgerSummary.Compute(d.Case.Ledger).Of("cleanUpAndRepair");
        Assert.Equal((600_000m, 600_000m, 450_000m, 150_000m, 0m), (head.Owed, head.Escrowed, head.Released, head.HeldInEscrow, head.Outstanding));
        Assert.True(d.Engine.IsClosed(d.Case));
    }

    [Fact]
    public void DeliverJudgment_AwardedItems_GovernOverTheAgreement()
    {
        // N6/N9: once a judgment awards items, they are the debt (the agreement's no longer count).
        var d = NewClue().ToLitigationDecision().Attach("complaint")
            .Fire("FileLawsuit", RightsHolder, ("inKeyZone", true))
            .Attach("judgment")
            .Fire("DeliverJudgment", Court, ("awardedAmount", 800_000m), ("repairObligation", false),
                LedgerData("awarded", ("permanentLoss", 500_000m), ("punitiveDamages", 300_000m)));

        Assert.Equal(["Litigation", "FundsSettlement"], d.VisitedFrom("Litigation"));
        Assert.Equal(800_000m, d.Case.Data["owedTotal"]);
        Assert.True(LedgerSummary.Compute(d.Case.Ledger).AwardGoverns);
    }

    [Fact]
    public void NameParties_TwoJointObligors_EachDepositsOnlyAsItself()
    {
        // Several parties: joint liability, any joint obligor's deposit discharges; an obligor acts only as itself.
        var d = MoneyOnly().Fire("NameParties", Department, PartyData(
            Party("acme", "obligor", "某化工有限公司", ("joint", true)),
            Party("beta", "obligor", "某物流有限公司", ("joint", true))));
        Assert.Equal(2, d.Case.Parties.Count);
        d.Attach("escrowCertificate");

        var acme = new Actor("acme-legal", Obligor) { Party = "acme" };
        var noParty = d.RefusedAs("DepositInEscrow", new Actor("someone", Obligor), LedgerData("escrowed", ("cleanUpAndRepair", 1m)));
        Assert.Equal(RefusalKind.RoleNotAllowed, Assert.Single(noParty).Kind);
        var asOther = d.RefusedAs("DepositInEscrow", acme, LedgerData(Item("escrowed", "cleanUpAndRepair", 1m, ("party", "beta"))));
        Assert.Equal("ledger[0].party 'beta' is not the acting party 'acme'", Assert.Single(asOther).Message);
        var stranger = d.RefusedAs("DepositInEscrow", new Actor("x", Obligor) { Party = "gamma" }, LedgerData("escrowed", ("cleanUpAndRepair", 1m)));
        Assert.Equal(RefusalKind.RoleNotAllowed, stranger[0].Kind);

        d.FireAs("DepositInEscrow", acme, LedgerData("escrowed", AgreedItems));
        Assert.All(d.Case.Ledger.Where(e => e.Kind == LedgerKind.Escrowed), e => Assert.Equal("acme", e.Party));
        Assert.Equal(true, d.Case.Data["settled"]);
    }

    [Fact]
    public void NameParties_SeveralSharesAndLeads_AreChecked()
    {
        var d = MoneyOnly();
        var shares = d.Refused("NameParties", Department, PartyData(
            Party("a", "obligor", "甲", ("share", 0.7m)), Party("b", "obligor", "乙", ("share", 0.5m)), Party("c", "obligor", "丙", ("share", 0.2m), ("joint", true))));
        Assert.Equal(
            ["parties[2]: an obligor is liable either for a share (several) or jointly for the whole, not both",
             "the shares of the severally liable obligors sum to 1.2, more than the whole debt (1)"],
            shares.Select(r => r.Message));

        // R4: rights holders of different jurisdictions consult jointly with one lead.
        var noLead = d.Refused("NameParties", RightsHolder, PartyData(
            Party("nt", "rightsHolder", "南通市人民政府", ("jurisdiction", "nantong")), Party("yc", "rightsHolder", "盐城市人民政府", ("jurisdiction", "haimen"))));
        Assert.Equal("rights holders of different jurisdictions consult jointly with one lead (R4); name the lead", Assert.Single(noLead).Message);

        d.Fire("NameParties", RightsHolder, PartyData(
            Party("nt", "rightsHolder", "南通市人民政府", ("jurisdiction", "nantong"), ("lead", true)), Party("hm", "rightsHolder", "海门区人民政府", ("jurisdiction", "haimen"))));
        Assert.Equal(["nt"], d.Case.Parties.Where(p => p.Lead).Select(p => p.Id));

        d.Fire("NameParties", Department, PartyData(Party("a", "obligor", "甲", ("share", 0.6m)), Party("b", "obligor", "乙", ("share", 0.4m))))
            .Fire("NameParties", Department, PartyData(new Dictionary<string, object?> { ["id"] = "b", ["outcome"] = "defaulted" }));
        Assert.Equal("defaulted", d.Case.Parties.Single(p => p.Id == "b").Outcome);
        Assert.Equal(PartyKind.Obligor, d.Case.Parties.Single(p => p.Id == "a").Kind);
    }

    [Fact]
    public void SignAgreement_WithoutItemsOrWithItemsNotMatchingTheAmount_IsRefused()
    {
        // N9 / issue 12 "money as items": an agreement is itemised, and its items make up the amount agreed.
        var d = NewClue().Opened().Investigated().Appraised().ConsultationStarted().NoticeServed().Meeting().Attach("compensationAgreement");
        var bare = d.Refused("SignAgreement", Department, ("agreedAmount", 1_000_000m), ("agreementSignedOn", d.Today), ("repairObligation", true));
        var missing = Assert.Single(bare);
        Assert.Equal((RefusalKind.MissingData, "ledger"), (missing.Kind, missing.Subject));

        var mismatch = Assert.Single(d.Refused("SignAgreement", Department, ("agreedAmount", 1_000_000m), ("agreementSignedOn", d.Today), ("repairObligation", true),
            LedgerData("agreed", ("cleanUpAndRepair", 600_000m), ("permanentLoss", 300_000m))));
        Assert.Equal("ledger: the agreed items sum to 900000, but 'agreedAmount' is 1000000", mismatch.Message);
    }
}
