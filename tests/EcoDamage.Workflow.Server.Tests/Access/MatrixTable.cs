using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace EcoDamage.Workflow.Server.Tests.Access;

/// <summary>
/// The expectations of the authorization matrix: one row per endpoint the host maps. An endpoint without a row fails
/// the matrix. To add one: <c>new("POST /api/things/{id}", MatrixRule.Act, c => Post(...))</c>; a row with no probe
/// (rules <see cref="MatrixRule.Pending"/>, or any rule the lead fills in later) is listed but not called.
/// </summary>
public static class MatrixTable
{
    /// <summary>A stale version: an allowed change stops at the version check (409) and changes nothing.</summary>
    private const string Stale = "\"999\"";

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Cases: reads, lists, changes.
        new("GET /api/cases", MatrixRule.List, c => Get("/api/cases?pageSize=100"), MustList: true),
        new("GET /api/cases/{id}", MatrixRule.Read, c => Get(c.Path())),
        new("POST /api/cases/{id}/triggers/{trigger}", MatrixRule.Act, c => Post(c.Path("/triggers/StartPreliminaryCheck"), new { data = new { } }, Stale)),
        new("POST /api/cases/{id}/documents", MatrixRule.Act, c => Document(c.Path("/documents"))),
        new("POST /api/cases/{id}/participants", MatrixRule.Act, c => Post(c.Path("/participants"), new { name = "矩阵", role = "expert" }, Stale)),
        new("GET /api/cases/{id}/audit", MatrixRule.Read, c => Get(c.Path("/audit"))),
        new("GET /api/cases/{id}/audit/verify", MatrixRule.Read, c => Get(c.Path("/audit/verify"))),
        new("POST /api/cases/{id}/split", MatrixRule.Act, c => Post(c.Path("/split"), new { obligors = new object[] { new { name = "甲", caseId = c.Other } } })),
        new("POST /api/cases/{id}/supplementary-claims", MatrixRule.Act, c => Post(c.Path("/supplementary-claims"), new { caseId = c.Other })),
        new("POST /api/cases/{id}/links", MatrixRule.ActInRole, c => Post(c.Path("/links"), new { caseId = c.Other, kind = "related" })),
        new("GET /api/cases/{id}/links", MatrixRule.Read, c => Get(c.Path("/links"))),
        new("GET /api/cases/{id}/reads", MatrixRule.Oversight, c => Get(c.Path("/reads"))),

        // Clues.
        new("POST /api/clues", MatrixRule.Register, c => Post("/api/clues", new
        {
            channel = "suddenIncident", domain = "environmentalPollution", jurisdiction = MatrixCaller.CaseJurisdiction, caseId = c.Id,
        })),
        new("GET /api/clues", MatrixRule.List, c => Get("/api/clues?pageSize=100"), MustList: true),
        new("POST /api/clues/{id}/referral", MatrixRule.Act, c => Post($"/api/clues/{c.Id}/referral", new { referredTo = MatrixCaller.OtherDepartment, referralReason = "矩阵" }, Stale)),

        // Deadline feeds.
        new("GET /api/deadlines", MatrixRule.List, c => Get("/api/deadlines?pageSize=500")),
        new("GET /api/deadlines/reminders", MatrixRule.List, c => Get($"/api/deadlines/reminders?department={MatrixCaller.CaseDepartment}")),
        new("GET /api/deadlines/escalations", MatrixRule.List, c => Get("/api/deadlines/escalations")),

        // Not case-bound.
        new("GET /api/definitions", MatrixRule.Authenticated, c => Get("/api/definitions")),
        new("GET /api/definitions/{id}", MatrixRule.Authenticated, c => Get("/api/definitions/claim")),
        new("GET /api/definitions/{id}/versions/{version}", MatrixRule.Authenticated, c => Get("/api/definitions/claim/versions/2.0.0")),
        new("GET /api/definitions/{id}/diagram", MatrixRule.Authenticated, c => Get("/api/definitions/claim/diagram")),
        new("GET /api/definitions/{id}/versions/{version}/diagram", MatrixRule.Authenticated, c => Get("/api/definitions/claim/versions/2.0.0/diagram")),
        new("GET /api/definitions/scenarios", MatrixRule.Authenticated, c => Get("/api/definitions/scenarios")),
        new("GET /api/definitions/{id}/diff", MatrixRule.Authenticated, c => Get("/api/definitions/claim/diff?from=2.0.0&to=2.0.0")),
        new("GET /api/reference", MatrixRule.Authenticated, c => Get("/api/reference")),
        new("GET /api/whoami", MatrixRule.Authenticated, c => Get("/api/whoami")),
        new("GET /health/live", MatrixRule.Anonymous, c => Get("/health/live")),
        new("GET /health/ready", MatrixRule.Anonymous, c => Get("/health/ready")),
        new("GET /openapi/v1.json", MatrixRule.Anonymous, c => Get("/openapi/v1.json")),
        new("GET /scalar/{documentName?}", MatrixRule.Anonymous, c => Get("/scalar/v1")),
        new("GET /scalar/scalar.js", MatrixRule.Anonymous),
        new("GET /scalar/scalar.aspnetcore.js", MatrixRule.Anonymous),
        new("GET /scalar/favicon.svg", MatrixRule.Anonymous),

        // Definition validation is the administrator's; deadline extensions change the case.
        new("POST /api/definitions/validate", MatrixRule.Admin, c => Text("/api/definitions/validate", "id: matrix\n")),
        // Issue 14: the definition store's administration (unknown drafts and versions, so nothing changes).
        new("GET /api/definitions/drafts", MatrixRule.Admin, c => Get("/api/definitions/drafts")),
        new("POST /api/definitions/drafts", MatrixRule.Admin, c => Post("/api/definitions/drafts", new { })),
        new("GET /api/definitions/drafts/{draftId}", MatrixRule.Admin, c => Get("/api/definitions/drafts/matrix-nodraft")),
        new("PUT /api/definitions/drafts/{draftId}", MatrixRule.Admin, c => new HttpRequestMessage(HttpMethod.Put, "/api/definitions/drafts/matrix-nodraft") { Content = new StringContent("id: matrix\n", Encoding.UTF8, "application/yaml") }),
        new("DELETE /api/definitions/drafts/{draftId}", MatrixRule.Admin, c => new HttpRequestMessage(HttpMethod.Delete, "/api/definitions/drafts/matrix-nodraft")),
        new("GET /api/definitions/drafts/{draftId}/diff", MatrixRule.Admin, c => Get("/api/definitions/drafts/matrix-nodraft/diff")),
        new("POST /api/definitions/drafts/{draftId}/simulations", MatrixRule.Admin, c => Post("/api/definitions/drafts/matrix-nodraft/simulations", new { scenarios = Array.Empty<string>() })),
        new("POST /api/definitions/drafts/{draftId}/publish", MatrixRule.Admin, c => Post("/api/definitions/drafts/matrix-nodraft/publish", new { reason = "matrix" })),
        new("POST /api/definitions/{id}/versions/{version}/withdraw", MatrixRule.Admin, c => Post("/api/definitions/claim/versions/9.9.9/withdraw", new { reason = "matrix" })),
        new("PUT /api/definitions/{id}/versions/{version}", MatrixRule.Admin, c => new HttpRequestMessage(HttpMethod.Put, "/api/definitions/claim/versions/2.0.0") { Content = new StringContent("id: matrix\n", Encoding.UTF8, "application/yaml") }),
        new("GET /api/admin/audit", MatrixRule.Oversight, c => Get("/api/admin/audit")),
        new("GET /api/admin/audit/verify", MatrixRule.Oversight, c => Get("/api/admin/audit/verify")),
        new("GET /api/catalog/documents", MatrixRule.Authenticated, c => Get("/api/catalog/documents")),
        new("GET /api/catalog/documents/{**path}", MatrixRule.Authenticated, c => Get("/api/catalog/documents/calendars/cn-mainland.yaml")),
        new("POST /api/definitions/simulations", MatrixRule.Admin, c => Post("/api/definitions/simulations", new { scenarios = Array.Empty<string>() })),
        new("POST /api/cases/{id}/deadline-extensions", MatrixRule.Act,
            c => Post(c.Path("/deadline-extensions"), new { deadline = "preliminaryCheck", reason = "矩阵", period = "10d" }, Stale)),
        new("POST /api/cases/{id}/deadline-extensions/approval", MatrixRule.Act,
            c => Post(c.Path("/deadline-extensions/approval"), new { deadline = "preliminaryCheck" }, Stale)),

        // Signed inbound hooks: an API key is not a signature.
        new("POST /api/hooks/{system}/clues", MatrixRule.Signed, c => Post("/api/hooks/lawEnforcement/clues", new { channel = "other" })),
        new("POST /api/hooks/{system}/cases/{caseId}/events/{trigger}", MatrixRule.Signed,
            c => Post($"/api/hooks/lawEnforcement/cases/{c.Id}/events/StartPreliminaryCheck", new { data = new { } })),

        // Webhooks: a caller sees and manages only its own subscriptions; the administrator all.
        new("GET /api/webhooks/event-types", MatrixRule.Authenticated, c => Get("/api/webhooks/event-types")),
        new("GET /api/webhooks/subscriptions", MatrixRule.Authenticated, c => Get("/api/webhooks/subscriptions")),
        new("POST /api/webhooks/subscriptions", MatrixRule.Pending), // changes a subscription: WebhookOwnershipTests probe it per caller
        new("GET /api/webhooks/subscriptions/{id}", MatrixRule.OwnedByOther, c => Get($"/api/webhooks/subscriptions/{c.Subscription}")),
        new("PUT /api/webhooks/subscriptions/{id}", MatrixRule.Pending), // changes a subscription: WebhookOwnershipTests probe it per caller
        new("DELETE /api/webhooks/subscriptions/{id}", MatrixRule.Authenticated, c => new HttpRequestMessage(HttpMethod.Delete, $"/api/webhooks/subscriptions/{Guid.Empty}")),
        new("POST /api/webhooks/subscriptions/{id}/pause", MatrixRule.Pending), // changes a subscription: WebhookOwnershipTests probe it per caller
        new("POST /api/webhooks/subscriptions/{id}/resume", MatrixRule.OwnedByOther, c => Post($"/api/webhooks/subscriptions/{c.Subscription}/resume", new { })),
        new("GET /api/webhooks/subscriptions/{id}/deliveries", MatrixRule.OwnedByOther, c => Get($"/api/webhooks/subscriptions/{c.Subscription}/deliveries")),
        new("POST /api/webhooks/subscriptions/{id}/replay", MatrixRule.Pending), // changes a subscription: WebhookOwnershipTests probe it per caller
        new("GET /api/webhooks/deliveries/{id}", MatrixRule.Authenticated, c => Get($"/api/webhooks/deliveries/{Guid.Empty}")),
        new("POST /api/webhooks/deliveries/{id}/replay", MatrixRule.Authenticated, c => Post($"/api/webhooks/deliveries/{Guid.Empty}/replay", new { })),

        // Sign-in: anonymous; the probe's empty credentials are wrong for every caller.
        new("POST /api/auth/token", MatrixRule.SignIn, c => Post("/api/auth/token", new { })),
        new("POST /api/auth/login", MatrixRule.SignIn, c => Post("/api/auth/login", new { })),
        new("POST /api/auth/logout", MatrixRule.Authenticated, c => Post("/api/auth/logout", new { })),
        new("GET /api/auth/antiforgery", MatrixRule.Authenticated, c => Get("/api/auth/antiforgery")),
        new("POST /api/auth/password", MatrixRule.AccountOnly, c => Post("/api/auth/password", new { currentPassword = "x", newPassword = "y" })),

        // Administration: users, API keys, inbound hook secrets (unknown ids: nothing changes); the security log.
        new("POST /api/admin/users", MatrixRule.Admin, c => Post("/api/admin/users", new { })),
        new("GET /api/admin/users", MatrixRule.Admin, c => Get("/api/admin/users")),
        new("GET /api/admin/users/{userName}", MatrixRule.Admin, c => Get("/api/admin/users/matrix-nobody")),
        new("PATCH /api/admin/users/{userName}", MatrixRule.Admin, c => new HttpRequestMessage(HttpMethod.Patch, "/api/admin/users/matrix-nobody") { Content = JsonContent.Create(new { displayName = "x" }) }),
        new("POST /api/admin/users/{userName}/disable", MatrixRule.Admin, c => Post("/api/admin/users/matrix-nobody/disable", new { })),
        new("POST /api/admin/users/{userName}/enable", MatrixRule.Admin, c => Post("/api/admin/users/matrix-nobody/enable", new { })),
        new("POST /api/admin/users/{userName}/unlock", MatrixRule.Admin, c => Post("/api/admin/users/matrix-nobody/unlock", new { })),
        new("POST /api/admin/users/{userName}/reset-password", MatrixRule.Admin, c => Post("/api/admin/users/matrix-nobody/reset-password", new { })),
        new("GET /api/admin/security-events", MatrixRule.Oversight, c => Get("/api/admin/security-events")),
        new("POST /api/admin/api-keys", MatrixRule.Admin, c => Post("/api/admin/api-keys", new { })),
        new("GET /api/admin/api-keys", MatrixRule.Admin, c => Get("/api/admin/api-keys")),
        new("GET /api/admin/api-keys/{id}", MatrixRule.Admin, c => Get("/api/admin/api-keys/0000000000000000")),
        new("POST /api/admin/api-keys/{id}/rotate", MatrixRule.Admin, c => Post("/api/admin/api-keys/0000000000000000/rotate", new { })),
        new("POST /api/admin/api-keys/{id}/revoke", MatrixRule.Admin, c => Post("/api/admin/api-keys/0000000000000000/revoke", new { })),
        new("GET /api/admin/api-keys/{id}/events", MatrixRule.Admin, c => Get("/api/admin/api-keys/0000000000000000/events")),
        new("POST /api/admin/hook-secrets/{system}", MatrixRule.Admin, c => Post("/api/admin/hook-secrets/matrix-nosystem", new { })),
        new("GET /api/admin/hook-secrets/{system}", MatrixRule.Admin, c => Get("/api/admin/hook-secrets/matrix-nosystem")),
        new("POST /api/admin/hook-secrets/{system}/{id}/revoke", MatrixRule.Admin, c => Post("/api/admin/hook-secrets/matrix-nosystem/x/revoke", new { })),
        new("GET /api/admin/hook-secrets/{system}/{id}/events", MatrixRule.Admin, c => Get("/api/admin/hook-secrets/matrix-nosystem/x/events")),

        // Issue 14, sandbox mode only (the matrix host runs with Clock:Mode=Virtual): an empty body moves nothing (400).
        new("POST /api/sandbox/clock", MatrixRule.Admin, c => Post("/api/sandbox/clock", new { })),
        // Migrations of running cases (issue 14; unknown ids and an empty plan: nothing changes).
        new("POST /api/admin/migrations", MatrixRule.Admin, c => Post("/api/admin/migrations", new { })),
        new("GET /api/admin/migrations", MatrixRule.Admin, c => Get("/api/admin/migrations")),
        new("GET /api/admin/migrations/{id}", MatrixRule.Admin, c => Get("/api/admin/migrations/matrix-nomigration")),
        new("POST /api/admin/migrations/{id}/dry-run", MatrixRule.Admin, c => Post("/api/admin/migrations/matrix-nomigration/dry-run", new { })),
        new("POST /api/admin/migrations/{id}/execute", MatrixRule.Admin, c => Post("/api/admin/migrations/matrix-nomigration/execute", new { })),
    ];

    public static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    private static HttpRequestMessage Text(string path, string yaml) =>
        new(HttpMethod.Post, path) { Content = new StringContent(yaml, Encoding.UTF8, "application/yaml") };

    public static HttpRequestMessage Post(string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    private static HttpRequestMessage Document(string path)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("matrix"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "report.pdf");
        form.Add(new StringContent("preliminaryCheckReport"), "type");
        form.Add(new StringContent("2026-03-02"), "servedOn");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = form };
        request.Headers.TryAddWithoutValidation("If-Match", Stale);
        return request;
    }
}
