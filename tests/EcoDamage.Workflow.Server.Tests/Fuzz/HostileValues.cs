namespace EcoDamage.Workflow.Server.Tests.Fuzz;

/// <summary>The hostile pieces the fuzz combines: JSON values, URL (query and route) values, header values and body keys.</summary>
internal static class HostileValues
{
    /// <summary>JSON value texts.</summary>
    public static readonly string[] Json =
    [
        "\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00\"", "\"\\ud800\\ud800\"", "\"9999-12-31\"", "\"0001-01-01\"", "\"10000-01-01\"",
        "\"2025-02-30\"", "\"-0001-01-01\"", "\"9999-12-31T23:59:59Z\"", "1e309", "-1e309", "18446744073709551616", "-9223372036854775809",
        "1e-400", "0.00000000000000000000000000000001", "79228162514264337593543950336", "true", "false", "null", "[]", "{}", "[1,2,3]",
        "{\"x\":{\"y\":1}}", "[{\"amount\":1e309}]", "[{\"a\":\"\\u0000\"}]", Nested(40), "\"" + new string('x', 20_000) + "\"", "\"P9999Y\"",
        "\"99999999 days\"", "\"http://169.254.169.254/latest\"", "\"file:///etc/passwd\"", "\"生态环境损害\"", "\"\\u202e\"", "\"\"", "\" \"", "-1", "0",
        "2147483648", "\"StartPreliminaryCheck\"", "\"ecologyBureau\"", "\"nantong\"", "\"handlingDepartment\"",
    ];

    /// <summary>Member names of the request bodies (and some that are none).</summary>
    public static readonly string[] Keys =
    [
        "data", "channel", "domain", "jurisdiction", "description", "sourceReference", "url", "secret", "events", "eventTypes", "caseIds",
        "deadline", "period", "lastDay", "reason", "role", "party", "name", "partyId", "kind", "targetCaseId", "obligors", "amount",
        "referredTo", "referralReason", "active", "filter", "damageFound", "estimatedDamage", "assessedDamage", "ledger", "a\\u0000b", "\\ud800", "",
    ];

    /// <summary>Query values, already URL-encoded.</summary>
    public static readonly string[] Query =
    [
        "%00", "a%00b", "%ED%A0%80", "%C0%AF", "9999-12-31", "0001-01-01", "2025-13-45", "-1", "0", "2147483648", "18446744073709551616",
        "1e309", "NaN", "true", "", "%20", new string('q', 5000), "%E7%94%9F%E6%80%81", "'%20OR%201=1--", "*", "..%2F..%2F",
    ];

    /// <summary>Route values, already URL-encoded (no NUL: hosts refuse it in the path before the application).</summary>
    public static readonly string[] Route =
    [
        "x", "..%2F..%2Fetc%2Fpasswd", new string('r', 3000), "9999-12-31", "-1", "18446744073709551616", "1e309", "%E2%80%AE", "CASE-404",
        "%20", "'%3B%20DROP%20TABLE%20Cases", "%E7%94%9F%E6%80%81", "%ED%A0%80", "0.0.0", "999999999.0.0", "00000000-0000-0000-0000-000000000000",
    ];

    /// <summary>Header values (sent without validation).</summary>
    public static readonly string[] Header =
    [
        "\"99999999999999999999\"", "W/\"1\"", "*", "\"-1\"", new string('h', 16_000), "a\u0000b", "key-\u00e9", "", " ", "9999-12-31",
    ];

    /// <summary>Headers the endpoints read as values.</summary>
    public static readonly string[] HeaderNames = ["Idempotency-Key", "If-Match", "X-Party", "Accept", "X-Request-Id", "webhook-id", "webhook-timestamp", "webhook-signature"];

    /// <summary>Form values for document uploads.</summary>
    public static readonly string[] Form = ["preliminaryCheckReport", "nope", "a\0b", "\ud800", "9999-12-31", "0001-01-01", "2025-13-45", "", new string('f', 5000)];

    /// <summary><paramref name="depth"/> nested arrays.</summary>
    public static string Nested(int depth) => new string('[', depth) + new string(']', depth);
}
