using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.Server.Tests.Cases;
using EcoDamage.Workflow.Server.Tests.Hardening;
using static EcoDamage.Workflow.Server.Tests.Cases.CaseClient;

namespace EcoDamage.Workflow.Server.Tests.Sandbox;

/// <summary>
/// Issue 14, "A sandbox with a virtual clock": a host in sandbox mode escalates an unchecked referral once when its clock
/// is advanced 31 days, through the real deadline sweep; the endpoint exists only in that mode and only for the administrator.
/// </summary>
public sealed class SandboxClockTests
{
    /// <summary>
    /// R7 (seed line 25): the receiving department checks a referred clue within 30 days; R9 (seed line 27): when it does
    /// not, the procuratorate supervises (workflows/claim.workflow.yaml, deadline <c>preliminaryCheck</c>, escalate: procuratorate).
    /// Referred on Monday 2026-03-02 10:00: day 30 is 04-01, due 04-02 00:00; reminders at 03-26 00:00 (7d) and 04-01 00:00 (1d).
    /// </summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Advance31Days_UncheckedReferral_EscalatedToTheProcuratorateOnce(string provider)
    {
        await using var host = await SandboxHost.StartAsync(provider);
        var id = await ReferAsync(host.Api);

        var moved = await host.MovedAsync(new { advance = "P31D" });

        Assert.Equal("Virtual", moved.GetProperty("mode").GetString());
        var previous = moved.GetProperty("previous").GetDateTimeOffset();
        var now = moved.GetProperty("now").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(31), now - previous);
        Assert.InRange(previous, Beijing(2026, 3, 2, 10), Beijing(2026, 3, 2, 10).AddMinutes(5)); // the clock runs with real time
        var swept = moved.GetProperty("deadlines");
        Assert.Equal((1, 2, 1, 1, 0, 0), (swept.GetProperty("cases").GetInt32(), swept.GetProperty("reminders").GetInt32(), swept.GetProperty("overdue").GetInt32(),
            swept.GetProperty("escalations").GetInt32(), swept.GetProperty("conflicts").GetInt32(), swept.GetProperty("failures").GetInt32()));

        var audit = await DeadlineAuditAsync(host.Api, id);
        Assert.Equal([DeadlineAuditKinds.Reminder, DeadlineAuditKinds.Reminder, DeadlineAuditKinds.Escalated], audit.Select(e => e.GetProperty("kind").GetString()));
        var escalation = audit[2].GetProperty("dataDiff");
        Assert.Equal("procuratorate", escalation.GetProperty("escalatedTo").GetString());
        Assert.Equal("2026-04-01T16:00:00Z", escalation.GetProperty("due").GetString()); // 04-02 00:00 in Beijing
        Assert.True(escalation.GetProperty("late").GetBoolean()); // handled at 04-02 10:00, ten hours after due
        Assert.Equal(now, audit[2].GetProperty("at").GetDateTimeOffset(), TimeSpan.FromMinutes(1));
        var @case = await host.Api.GetAsync(id);
        Assert.Equal("Overdue", @case.GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "preliminaryCheck").GetProperty("status").GetString());
        Assert.Contains("procuratorate", @case.GetProperty("supervision").EnumerateArray().Select(s => s.GetString()));

        // Later moves find nothing more due: escalated once.
        var again = await host.MovedAsync(new { advance = "P1D" });
        Assert.Equal(0, again.GetProperty("deadlines").GetProperty("cases").GetInt32());
        var later = await host.MovedAsync(new { set = "2026-05-01T09:00:00+08:00" });
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero), later.GetProperty("now").GetDateTimeOffset());
        Assert.Equal(0, later.GetProperty("deadlines").GetProperty("cases").GetInt32());
        Assert.Single(await DeadlineAuditAsync(host.Api, id), e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Escalated);
        Assert.True((await host.Api.VerifyAsync(id)).GetProperty("intact").GetBoolean());
    }

    /// <summary>The Quartz job sweeps too (every 500 ms): the endpoint's sweep and the job's never escalate twice.</summary>
    [Fact]
    public async Task Advance_WithTheQuartzJobRunning_EscalatedOnce()
    {
        await using var host = await SandboxHost.StartAsync("Sqlite", quartz: true);
        var id = await ReferAsync(host.Api);

        var moved = await host.MovedAsync(new { advance = "P31D" });
        for (var i = 0; i < 10; i++)
        {
            await host.MovedAsync(new { advance = "PT1S" });
        }

        var swept = moved.GetProperty("deadlines");
        Assert.Equal(1, swept.GetProperty("cases").GetInt32() + swept.GetProperty("conflicts").GetInt32()); // written here, or by the job
        var audit = await DeadlineAuditAsync(host.Api, id);
        Assert.Single(audit, e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Escalated);
        Assert.Equal(2, audit.Count(e => e.GetProperty("kind").GetString() == DeadlineAuditKinds.Reminder));
        Assert.True((await host.Api.VerifyAsync(id)).GetProperty("intact").GetBoolean());
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Move_BadBodies_400NamingTheField_ClockUnmoved(string provider)
    {
        await using var host = await SandboxHost.StartAsync(provider);
        var before = (await HealthAsync(host)).GetProperty("clock").GetProperty("now").GetDateTimeOffset();
        (object Body, string Field)[] bad =
        [
            (new { }, "set"),
            (new { set = "2027-03-01T09:00:00+08:00", advance = "P1D" }, "advance"),
            (new { advance = "-P1D" }, "advance"),
            (new { advance = "P-1D" }, "advance"),
            (new { advance = "31 days" }, "advance"),
            (new { advance = "P100000Y" }, "advance"),
            (new { advance = "P6980Y" }, "advance"),
            (new { set = "2027-03-01" }, "set"),
            (new { set = "2027-03-01T09:00:00" }, "set"),
            (new { set = "9999-12-31T00:00:00Z" }, "set"),
        ];
        foreach (var (body, field) in bad)
        {
            using var response = await host.MoveAsync(body);
            await ProblemAssert.NamesFieldAsync(response, field);
        }

        using (var client = host.Api.As(SandboxHost.Administrator))
        using (var notJson = await client.PostAsync("/api/sandbox/clock", new StringContent("{\"advance\":", System.Text.Encoding.UTF8, "application/json")))
        {
            await ProblemAssert.IsAsync(notJson, 400);
        }

        var after = (await HealthAsync(host)).GetProperty("clock").GetProperty("now").GetDateTimeOffset();
        Assert.InRange(after - before, TimeSpan.Zero, TimeSpan.FromMinutes(5));
    }

    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Set_EarlierThanNow_409TimeNeverGoesBack(string provider)
    {
        await using var host = await SandboxHost.StartAsync(provider);
        await host.MovedAsync(new { set = "2026-06-01T00:00:00+08:00" });

        using var back = await host.MoveAsync(new { set = "2026-05-31T23:59:00+08:00" });

        await ProblemAssert.IsAsync(back, 409);
        Assert.Contains("never goes back", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var now = (await HealthAsync(host)).GetProperty("clock").GetProperty("now").GetDateTimeOffset();
        Assert.InRange(now, Beijing(2026, 6, 1, 0), Beijing(2026, 6, 1, 0).AddMinutes(5));
    }

    [Fact]
    public async Task Move_NotAdministrator_403_Anonymous_401()
    {
        await using var host = await SandboxHost.StartAsync("Sqlite");

        foreach (var key in new[] { LawEnforcement, Procuratorate, Court })
        {
            using var refused = await host.MoveAsync(new { advance = "P31D" }, key);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var anonymous = await host.MoveAsync(new { advance = "P31D" }, key: null);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var now = (await HealthAsync(host)).GetProperty("clock").GetProperty("now").GetDateTimeOffset();
        Assert.InRange(now, Beijing(2026, 3, 2, 10), Beijing(2026, 3, 2, 10).AddMinutes(5));
    }

    [Fact]
    public async Task Health_VirtualMode_SaysTheClockIsVirtualAndItsTime()
    {
        await using var host = await SandboxHost.StartAsync("Sqlite");
        await host.MovedAsync(new { set = "2027-03-01T09:00:00+08:00" });

        foreach (var path in new[] { "/health/live", "/health/ready" })
        {
            using var client = host.Factory.CreateClient();
            var health = await client.GetFromJsonAsync<JsonElement>(path);
            Assert.Equal("Healthy", health.GetProperty("status").GetString());
            Assert.Equal("Virtual", health.GetProperty("clock").GetProperty("mode").GetString());
            Assert.InRange(health.GetProperty("clock").GetProperty("now").GetDateTimeOffset(), Beijing(2027, 3, 1, 9), Beijing(2027, 3, 1, 9).AddMinutes(5));
        }
    }

    [Fact]
    public async Task SystemMode_TheEndpointDoesNotExist_404_HealthUnchanged()
    {
        using var factory = new ServerFactory();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", SandboxHost.Administrator);

        using var response = await client.PostAsJsonAsync("/api/sandbox/clock", new { advance = "P31D" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Healthy", await client.GetStringAsync("/health/live"));
    }

    [Fact]
    public void Start_VirtualClockInProduction_RefusedNamingTheSetting()
    {
        using var factory = new ServerFactory { FakeClock = false };
        factory.Settings["Clock:Mode"] = "Virtual";
        factory.Settings["environment"] = "Production";

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Clock:Mode: Virtual is refused in the Production environment", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Clock:Mode", "Sandbox", "Clock:Mode: 'Sandbox' is not System or Virtual")]
    [InlineData("Clock:Start", "tomorrow", "Clock:Start: 'tomorrow' is not an ISO-8601 date and time")]
    public void Start_WrongClockSetting_RefusedNamingIt(string setting, string value, string message)
    {
        using var factory = new ServerFactory { FakeClock = false };
        factory.Settings["Clock:Mode"] = "Virtual";
        factory.Settings[setting] = value;

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Registers a clue and refers it (R6, the referral letter attached): the 30-day check period opens in Referred.</summary>
    private static async Task<string> ReferAsync(CaseClient api)
    {
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        await api.AttachAsync(id, "referralLetter");
        using var client = api.As(LawEnforcement);
        using var referral = await client.PostAsJsonAsync($"/api/clues/{id}/referral", new { referredTo = "waterBureau", referralReason = "属水利部门职责" });
        Assert.Equal(HttpStatusCode.OK, referral.StatusCode);
        var deadline = (await api.GetAsync(id)).GetProperty("deadlines").EnumerateArray().Single(d => d.GetProperty("id").GetString() == "preliminaryCheck");
        Assert.Equal("2026-04-01", deadline.GetProperty("lastDay").GetString());
        return id;
    }

    private static async Task<JsonElement[]> DeadlineAuditAsync(CaseClient api, string caseId) =>
        (await api.AuditAsync(caseId)).EnumerateArray().Where(e => e.GetProperty("actorId").GetString() == DeadlineActor.Id).ToArray();

    private static async Task<JsonElement> HealthAsync(SandboxHost host)
    {
        using var client = host.Factory.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>("/health/live");
    }

    private static DateTimeOffset Beijing(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.FromHours(8));
}
