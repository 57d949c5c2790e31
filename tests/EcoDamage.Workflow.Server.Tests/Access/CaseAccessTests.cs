using System.Net;
using System.Text.Json;
using EcoDamage.Workflow.Server.Tests.Cases;
using static EcoDamage.Workflow.Server.Tests.Access.AccessKeys;

namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>
/// Regression tests for the holes of issue 13 ("Security and access") on case reads and changes; each failed on the
/// code before the access checks (every authenticated caller read and changed every case).
/// </summary>
public sealed class CaseAccessTests(AccessServers servers) : IClassFixture<AccessServers>
{
    // Hole: "every authenticated identity — including a token for the obligor or for an unknown role — reads every case,
    // list, clue search, audit trail and deadline feed of every department and jurisdiction".
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Read_ObligorOrUnknownRole_SeesNoCaseByIdListSearchAuditOrFeed(string provider)
    {
        var api = new AccessClient(await servers.GetAsync(provider));
        var id = await api.RegisterAsync();
        // A role roles.yaml does not declare is refused outright by the caller gate, on every path.
        foreach (var path in new[] { $"/api/cases/{id}", $"/api/cases/{id}/audit", "/api/cases?pageSize=100", "/api/clues?q=化工企业", "/api/deadlines?pageSize=500" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync(UnknownRole, path)).Status);
        }

        foreach (var key in new[] { ObligorWithoutParty, Administrator })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(key, $"/api/cases/{id}")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(key, $"/api/cases/{id}/audit")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(key, $"/api/cases/{id}/audit/verify")).Status);
            Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(key, $"/api/cases/{id}/links")).Status);
            foreach (var list in new[] { "/api/cases?pageSize=100", "/api/clues?pageSize=100", "/api/clues?q=化工企业", "/api/deadlines?pageSize=500", "/api/deadlines/escalations" })
            {
                var (status, body) = await api.GetAsync(key, list);
                Assert.Equal(HttpStatusCode.OK, status);
                Assert.DoesNotContain(id, body, StringComparison.Ordinal);
            }
        }

        // The X-Party header names the party a caller acts as; it never widens what the caller reads.
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(ObligorWithoutParty, $"/api/cases/{id}", party: "acme")).Status);
        // The auditor reads everything.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Auditor, $"/api/cases/{id}")).Status);
    }

    // Hole: "a handling department of one district can dismiss or terminate another department's case".
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Fire_DistrictDepartment_CannotDismissAnotherDistrictsOrDepartmentsCase(string provider)
    {
        var api = new AccessClient(await servers.GetAsync(provider));
        var id = await api.RegisterAsync("chongchuan");
        var before = await api.StateAsync(id);
        var dismissal = new { data = new { dismissalGround = "noDamage" } };

        var otherDistrict = await api.PostAsync(TongzhouEcology, $"/api/cases/{id}/triggers/DismissClue", dismissal);
        var otherDepartment = await api.PostAsync(ChongchuanResources, $"/api/cases/{id}/triggers/DismissClue", dismissal);
        var auditor = await api.PostAsync(Auditor, $"/api/cases/{id}/triggers/DismissClue", dismissal);

        Assert.Equal(HttpStatusCode.NotFound, otherDistrict.Status);
        Assert.Equal(HttpStatusCode.NotFound, otherDepartment.Status);
        Assert.Equal(HttpStatusCode.Forbidden, auditor.Status);
        Assert.Contains("\"status\":403", auditor.Body, StringComparison.Ordinal);
        Assert.Equal(before, await api.StateAsync(id));
        // The district's own ecology bureau acts on it.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(ChongchuanEcology, $"/api/cases/{id}/triggers/StartPreliminaryCheck", new { data = new { } })).Status);
    }

    // Hole: "any role can attach the official documents a trigger requires (the obligor attached the preliminary-check
    // report and the case-opening decision, and the department's OpenCase then passed on them)".
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Attach_ObligorOfTheCase_CannotAttachTheDepartmentsOfficialDocuments(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new AccessClient(factory);
        var id = await api.RegisterAsync();
        await api.Cases.FireAsync(CaseClient.LawEnforcement, id, "StartPreliminaryCheck");
        await api.GrantAsync(id, "acme"); // the obligor reads and acts on its own case
        var before = await api.StateAsync(id);

        foreach (var type in new[] { "preliminaryCheckReport", "caseOpeningDecision" })
        {
            using var response = await api.Cases.PostDocumentAsync(ObligorAcme, id, type, "2026-03-02", "伪造"u8.ToArray());
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, body);
            Assert.Contains("may not attach", body, StringComparison.Ordinal);
        }

        Assert.Equal(before, await api.StateAsync(id));
        var open = await api.Cases.TryFireAsync(CaseClient.LawEnforcement, id, "OpenCase", new { damageFound = true });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, open.Status);
        Assert.Contains("MissingDocument", open.Body.GetRawText(), StringComparison.Ordinal);
    }

    // Hole: participants "added by anyone".
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task AddParticipant_CallerOutsideTheCaseOrReadOnly_RefusedAndNothingChanged(string provider)
    {
        var api = new AccessClient(await servers.GetAsync(provider));
        var id = await api.RegisterAsync();
        var before = await api.StateAsync(id);
        var participant = new { name = "李四", role = "expert" };

        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync(TongzhouEcology, $"/api/cases/{id}/participants", participant)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsync(ObligorWithoutParty, $"/api/cases/{id}/participants", participant)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync(UnknownRole, $"/api/cases/{id}/participants", participant)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync(Auditor, $"/api/cases/{id}/participants", participant)).Status);
        Assert.Equal(before, await api.StateAsync(id));
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(ChongchuanEcology, $"/api/cases/{id}/participants", participant)).Status);
    }

    // The procuratorate reads its jurisdiction's cases and urges; it fires no other trigger of the claim.
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Fire_Procuratorate_EveryOtherTriggerOfTheClaimRefusedAndNothingChanged(string provider)
    {
        var api = new AccessClient(await servers.GetAsync(provider));
        var id = await api.RegisterAsync();
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(CaseClient.Procuratorate, $"/api/cases/{id}")).Status);
        using var definition = JsonDocument.Parse((await api.GetAsync(CaseClient.LawEnforcement, "/api/definitions/claim")).Body);
        var triggers = Triggers(definition.RootElement).Where(t => !t.Roles.Contains("procuratorate")).Select(t => t.Id).ToArray();
        Assert.True(triggers.Length > 40, $"only {triggers.Length} triggers read from the definition");
        var before = await api.StateAsync(id);

        var accepted = new List<string>();
        var roleRefusals = 0;
        foreach (var trigger in triggers)
        {
            var (status, body) = await api.PostAsync(CaseClient.Procuratorate, $"/api/cases/{id}/triggers/{trigger}", new { data = new { } });
            if (status == HttpStatusCode.OK)
            {
                accepted.Add(trigger);
            }

            roleRefusals += body.Contains("RoleNotAllowed", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.Empty(accepted);
        Assert.Equal(before, await api.StateAsync(id));
        // The triggers the clue's state handles (start the check, dismiss, refer…) are refused for the role itself.
        Assert.True(roleRefusals >= 3, $"{roleRefusals} refusals named the role");
    }

    // R8: a referred case becomes visible to the receiving department and stays visible to the referring one.
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Refer_ReceivingDepartmentSeesTheCase_ReferringDepartmentKeepsSeeingIt(string provider)
    {
        var api = new AccessClient(await servers.GetAsync(provider));
        var id = await api.RegisterAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(ChongchuanResources, $"/api/cases/{id}")).Status);

        using (var letter = await api.Cases.PostDocumentAsync(ChongchuanEcology, id, "referralLetter", "2026-03-02", "移送函"u8.ToArray()))
        {
            Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        }

        var referred = await api.PostAsync(ChongchuanEcology, $"/api/clues/{id}/referral", new { referredTo = "naturalResourcesBureau", referralReason = "属于林业资源损害" });
        Assert.True(referred.Status == HttpStatusCode.OK, referred.Body);

        foreach (var key in new[] { ChongchuanResources, ChongchuanEcology })
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(key, $"/api/cases/{id}")).Status);
            Assert.Contains(id, (await api.GetAsync(key, "/api/cases?pageSize=100")).Body, StringComparison.Ordinal);
            Assert.Contains(id, (await api.GetAsync(key, "/api/clues?pageSize=100")).Body, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(TongzhouEcology, $"/api/cases/{id}")).Status);
        Assert.DoesNotContain(id, (await api.GetAsync(TongzhouEcology, "/api/cases?pageSize=100")).Body, StringComparison.Ordinal);
    }

    // A party-scoped role (an appraisal institution) sees only the cases it takes part in, through its participant account.
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task Read_AppraisalInstitution_SeesOnlyTheCasesGrantingItsAccount(string provider)
    {
        var api = new AccessClient(await servers.GetAsync(provider));
        var mine = await api.RegisterAsync();
        var other = await api.RegisterAsync();
        await api.GrantAsync(mine, "appraiser-account");

        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(Appraiser, $"/api/cases/{mine}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(Appraiser, $"/api/cases/{other}")).Status);
        var list = (await api.GetAsync(Appraiser, "/api/cases?pageSize=100")).Body;
        Assert.Contains(mine, list, StringComparison.Ordinal);
        Assert.DoesNotContain(other, list, StringComparison.Ordinal);
    }

    // A clue starts a case in the jurisdiction it names: only a caller acting there registers it (R4).
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task RegisterClue_OutsideTheCallersJurisdiction_Forbidden(string provider)
    {
        var api = new AccessClient(await servers.GetAsync(provider));
        var clue = new { channel = "suddenIncident", domain = "environmentalPollution", jurisdiction = "chongchuan", description = "越权登记" };
        var before = (await api.GetAsync(Auditor, "/api/cases?pageSize=1")).Body;

        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync(TongzhouEcology, "/api/clues", clue)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync(Auditor, "/api/clues", clue)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync(ObligorAcme, "/api/clues", clue)).Status);
        Assert.Equal(JsonDocument.Parse(before).RootElement.GetProperty("total").GetInt32(),
            JsonDocument.Parse((await api.GetAsync(Auditor, "/api/cases?pageSize=1")).Body).RootElement.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(ChongchuanEcology, "/api/clues", clue)).Status);
    }

    private static IEnumerable<(string Id, string[] Roles)> Triggers(JsonElement definition)
    {
        // The definition as JSON mirrors its file: triggers by id, each with its roles.
        foreach (var t in definition.GetProperty("triggers").EnumerateObject())
        {
            var roles = t.Value.TryGetProperty("roles", out var list) ? list.EnumerateArray().Select(r => r.GetString()!).ToArray() : [];
            yield return (t.Name, roles);
        }
    }
}
