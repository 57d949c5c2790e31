using System.Net;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Ledger;

/// <summary>Money as items, several parties and escrow over HTTP on the shipped definitions (issue 12: errors 6, 7, 8 and its capabilities).</summary>
public sealed class LedgerApiTests(CaseServers servers) : IClassFixture<CaseServers>
{
    private static readonly object[] AgreedItems =
    [
        new { kind = "agreed", head = "cleanUpAndRepair", amount = 600_000m },
        new { kind = "agreed", head = "serviceFunctionLoss", amount = 300_000m },
        new { kind = "agreed", head = "investigationAndAppraisal", amount = 100_000m },
    ];

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task ItemisedAgreementWithCredit_ClosesOnlyWhenSettled(string provider)
    {
        var (api, id) = await AgreementAsync(provider, repair: false, extra: new { kind = "credited", head = "cleanUpAndRepair", amount = 150_000m, basis = "赔偿义务人已支付应急处置费用", document = "costReceipt" });
        await api.FireAsync(LawEnforcement, id, "PerformWithoutConfirmation");
        await DesignateAsync(api, id);
        await api.AttachAsync(id, "paymentVoucher");
        await api.FireAsync(Finance, id, "RecordPayment", new { ledger = new[] { new { kind = "paid", head = "cleanUpAndRepair", amount = 450_000m, treasury = "chongchuan" } } });

        // R16 (issue 12 error 6): ¥400,000 still owed: no closure.
        var early = await api.TryFireAsync(LawEnforcement, id, "ReviewClosure");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.Status);
        var view = await api.GetAsync(id);
        var ledger = view.GetProperty("ledger");
        Assert.False(ledger.GetProperty("settled").GetBoolean());
        Assert.Equal(400_000m, ledger.GetProperty("totals").GetProperty("outstanding").GetDecimal());
        var head = ledger.GetProperty("heads").EnumerateArray().First(h => h.GetProperty("head").GetString() == "cleanUpAndRepair");
        Assert.Equal(("清除污染和修复生态环境费用", 600_000m, 150_000m, 450_000m, 0m),
            (head.GetProperty("zh").GetString(), head.GetProperty("owed").GetDecimal(), head.GetProperty("credited").GetDecimal(),
             head.GetProperty("paid").GetDecimal(), head.GetProperty("outstanding").GetDecimal()));

        await api.FireAsync(Finance, id, "RecordPayment", new
        {
            ledger = new[]
            {
                new { kind = "paid", head = "serviceFunctionLoss", amount = 300_000m, treasury = "chongchuan" },
                new { kind = "paid", head = "investigationAndAppraisal", amount = 100_000m, treasury = "chongchuan" },
            },
        });
        await api.FireAsync(LawEnforcement, id, "ReviewClosure");
        var closed = await api.FireAsync(LawEnforcement, id, "CloseCase");

        Assert.Equal(["Closed"], States(closed));
        Assert.True(closed.GetProperty("ledger").GetProperty("settled").GetBoolean());
        Assert.Equal(7, closed.GetProperty("ledger").GetProperty("entries").GetArrayLength()); // 3 agreed, 1 credited, 3 paid
        Assert.Equal(850_000m, Where(closed, "treasury", "chongchuan"));
        Assert.Equal(150_000m, Where(closed, "credited", null));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task MoneyOnlyAgreement_PartlyPaid_GoesByPaymentOrderAndNoLeniencyAfterEnforcement(string provider)
    {
        var (api, id) = await AgreementAsync(provider, repair: false);
        var performed = await api.FireAsync(LawEnforcement, id, "PerformWithoutConfirmation");
        Assert.Equal(["FundsSettlement"], States(performed)); // no repair sub-process for a money-only agreement
        await DesignateAsync(api, id);
        await api.AttachAsync(id, "paymentVoucher");
        await api.FireAsync(Finance, id, "RecordPayment", new { ledger = new[] { new { kind = "paid", head = "cleanUpAndRepair", amount = 600_000m } } });

        // Issue 12 error 6: partial payment → payment order (N5), never closure.
        await api.FireAsync(LawEnforcement, id, "DeclareDefault");
        await api.AttachAsync(id, "paymentOrderApplication");
        await api.FireAsync(LawEnforcement, id, "ApplyPaymentOrder");
        await api.AttachAsync(id, "paymentOrderAcceptance");
        await api.FireAsync(Court, id, "AcceptPaymentOrderApplication");
        await api.AttachAsync(id, "paymentOrder");
        await api.FireAsync(Court, id, "IssuePaymentOrder");
        // N5 (error 12): the order takes effect only once the debtor's 15 days from service have run.
        (await servers.GetAsync(provider)).Clock.Advance(TimeSpan.FromDays(16));
        await api.FireAsync(Court, id, "PaymentOrderEffective");
        await api.FireAsync(Court, id, "EnforcementCompleted");
        await api.FireAsync(Finance, id, "RecordPayment", new
        {
            ledger = new[]
            {
                new { kind = "paid", head = "serviceFunctionLoss", amount = 300_000m },
                new { kind = "paid", head = "investigationAndAppraisal", amount = 100_000m },
            },
        });
        await api.FireAsync(LawEnforcement, id, "ReviewClosure");

        // Issue 12 error 7 (R26, seed line 58): performance obtained by enforcement earns no leniency; closing needs none.
        var leniency = await api.TryFireAsync(LawEnforcement, id, "RecordLeniency");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, leniency.Status);
        var closed = await api.FireAsync(LawEnforcement, id, "CloseCase");
        Assert.Equal(["Closed"], States(closed));
        Assert.True(closed.GetProperty("data").GetProperty("enforced").GetBoolean());
        Assert.False(closed.GetProperty("data").TryGetProperty("leniencyRecorded", out _));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task InKindSettlement_NeedsNoPaymentAndCloses(string provider)
    {
        var (api, id) = await AgreementAsync(provider, repair: false);
        await api.FireAsync(LawEnforcement, id, "PerformWithoutConfirmation");
        await api.AttachAsync(id, "inKindAcceptance");
        await api.FireAsync(LawEnforcement, id, "RecordInKind", new { ledger = AgreedItems.Select(Kind("inKind")).ToArray() });
        await api.FireAsync(LawEnforcement, id, "ReviewClosure");
        var closed = await api.FireAsync(LawEnforcement, id, "CloseCase");

        Assert.Equal(["Closed"], States(closed));
        Assert.Equal(1_000_000m, Where(closed, "inKind", null));
        Assert.Equal(0m, closed.GetProperty("ledger").GetProperty("totals").GetProperty("paid").GetDecimal());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task TwoJointObligors_EachActsOnlyAsItself(string provider)
    {
        var (api, id) = await AgreementAsync(provider, repair: false);
        await api.FireAsync(LawEnforcement, id, "PerformWithoutConfirmation");
        await api.FireAsync(LawEnforcement, id, "NameParties", new
        {
            parties = new[]
            {
                new { id = "acme", kind = "obligor", name = "某化工有限公司", joint = true },
                new { id = "beta", kind = "obligor", name = "某物流有限公司", joint = true },
            },
        });
        await api.AttachAsync(id, "escrowCertificate");
        var deposit = new { ledger = new[] { new { kind = "escrowed", head = "cleanUpAndRepair", amount = 600_000m, party = "acme" } } };

        // Issue 13: an obligor's key names the party it acts as (X-Party cannot change it); a stranger does not see the case.
        var anonymous = await api.TryFireAsync(Obligor, id, "DepositInEscrow", deposit, party: "acme");
        var asBeta = await api.TryFireAsync(ObligorBeta, id, "DepositInEscrow", deposit, party: "acme");
        var asStranger = await api.TryFireAsync(ObligorGamma, id, "DepositInEscrow", deposit);
        Assert.Equal((HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.NotFound), (anonymous.Status, asBeta.Status, asStranger.Status));
        Assert.Equal("RoleNotAllowed", anonymous.Body.GetProperty("refusals")[0].GetProperty("kind").GetString());
        Assert.Contains(asBeta.Body.GetProperty("refusals").EnumerateArray(), r => r.GetProperty("message").GetString() == "ledger[0].party 'acme' is not the acting party 'beta'");

        var acme = await api.TryFireAsync(ObligorAcme, id, "DepositInEscrow", deposit);
        Assert.Equal(HttpStatusCode.OK, acme.Status);
        var view = await api.TryFireAsync(ObligorBeta, id, "DepositInEscrow",
            new { ledger = new[] { new { kind = "escrowed", head = "serviceFunctionLoss", amount = 300_000m }, new { kind = "escrowed", head = "investigationAndAppraisal", amount = 100_000m } } },
            party: "beta");
        Assert.Equal(HttpStatusCode.OK, view.Status);

        // Joint liability: either obligor's deposits discharge the whole debt for both.
        var parties = view.Body.GetProperty("parties").EnumerateArray().ToArray();
        Assert.Equal(["acme", "beta"], parties.Select(p => p.GetProperty("id").GetString()));
        Assert.All(parties, p => Assert.Equal((1_000_000m, 0m, "performed"), (p.GetProperty("owed").GetDecimal(), p.GetProperty("outstanding").GetDecimal(), p.GetProperty("outcome").GetString())));
        Assert.True(view.Body.GetProperty("ledger").GetProperty("settled").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task CrossJurisdictionClaim_HasOneLeadRightsHolder(string provider)
    {
        var (api, id) = await AgreementAsync(provider, repair: false);
        var noLead = await api.TryFireAsync(RightsHolder, id, "NameParties", new
        {
            parties = new[]
            {
                new { id = "nantong", kind = "rightsHolder", name = "南通市人民政府", jurisdiction = "nantong" },
                new { id = "haimen", kind = "rightsHolder", name = "海门区人民政府", jurisdiction = "haimen" },
            },
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noLead.Status);
        Assert.Equal("LedgerRefused", noLead.Body.GetProperty("refusals")[0].GetProperty("kind").GetString());

        var named = await api.FireAsync(RightsHolder, id, "NameParties", new
        {
            parties = new object[]
            {
                new { id = "nantong", kind = "rightsHolder", name = "南通市人民政府", jurisdiction = "nantong", lead = true },
                new { id = "haimen", kind = "rightsHolder", name = "海门区人民政府", jurisdiction = "haimen" },
            },
        });

        var holders = named.GetProperty("parties").EnumerateArray().ToArray();
        Assert.Equal([("nantong", true), ("haimen", false)], holders.Select(p => (p.GetProperty("id").GetString(), p.GetProperty("lead").GetBoolean())));
        Assert.All(holders, p => Assert.Equal("rightsHolder", p.GetProperty("kind").GetString()));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Escrow_ReleasedToAProject_TheLedgerShowsWhereTheMoneyIs(string provider)
    {
        var (api, id) = await AgreementAsync(provider, repair: false);
        await api.FireAsync(LawEnforcement, id, "PerformWithoutConfirmation");
        await api.AttachAsync(id, "escrowCertificate");
        await api.FireAsync(LawEnforcement, id, "DepositInEscrow", new { ledger = AgreedItems.Select(Kind("escrowed")).ToArray() });
        await api.FireAsync(LawEnforcement, id, "ReviewClosure"); // escrow discharges (N10)
        await api.AttachAsync(id, "projectMatchDecision");

        var beyond = await api.TryFireAsync(LawEnforcement, id, "ReleaseEscrow", new { ledger = new[] { new { kind = "released", head = "serviceFunctionLoss", amount = 300_001m, project = "濠河湿地修复" } } });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, beyond.Status);
        var released = await api.FireAsync(LawEnforcement, id, "ReleaseEscrow", new { ledger = new[] { new { kind = "released", head = "cleanUpAndRepair", amount = 450_000m, project = "濠河湿地修复" } } });

        Assert.Equal(450_000m, Where(released, "project", "濠河湿地修复"));
        Assert.Equal(550_000m, Where(released, "escrow", null));
        var closed = await api.FireAsync(LawEnforcement, id, "CloseCase");
        Assert.Equal(["Closed"], States(closed));
    }

    /// <summary>A case with an itemised agreement signed (¥1,000,000 over three heads), in AgreementReached.</summary>
    private async Task<(CaseClient Api, string Id)> AgreementAsync(string provider, bool repair, object? extra = null)
    {
        var factory = await servers.GetAsync(provider);
        if (factory.Clock.GetUtcNow() < CaseServers.Monday)
        {
            factory.Clock.SetUtcNow(CaseServers.Monday); // a test before may have moved the shared clock on (a payment order's period)
        }

        var api = new CaseClient(factory);
        var id = await api.ToConsultationAsync();
        await api.AttachAsync(id, "writtenNotice", "compensationAgreement", "costReceipt");
        await api.FireAsync(LawEnforcement, id, "ServeWrittenNotice", new { noticeServedOn = "2026-03-02" });
        var items = extra is null ? AgreedItems : [.. AgreedItems, extra];
        var agreed = await api.FireAsync(LawEnforcement, id, "SignAgreement",
            new { agreedAmount = 1_000_000m, agreementSignedOn = "2026-03-02", repairObligation = repair, ledger = items });
        Assert.Equal(["AgreementReached"], States(agreed));
        return (api, id);
    }

    private static Task<JsonElement> DesignateAsync(CaseClient api, string id) =>
        api.FireAsync(RightsHolder, id, "DesignateCollection", new { collectingDepartment = "financeBureau", treasury = "chongchuan", spansCounties = false });

    private static Func<object, object> Kind(string kind) => item =>
    {
        var e = JsonSerializer.SerializeToElement(item);
        return new { kind, head = e.GetProperty("head").GetString(), amount = e.GetProperty("amount").GetDecimal() };
    };

    private static decimal Where(JsonElement view, string kind, string? place) => view.GetProperty("ledger").GetProperty("whereabouts").EnumerateArray()
        .Where(w => w.GetProperty("kind").GetString() == kind && (place is null || w.GetProperty("place").GetString() == place))
        .Sum(w => w.GetProperty("amount").GetDecimal());

    private static string[] States(JsonElement view) => view.GetProperty("states").EnumerateArray().Select(s => s.GetString()!).ToArray();
}
