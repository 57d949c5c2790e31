using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using EcoDamage.Workflow.Messaging.Webhooks;
using EcoDamage.Workflow.Server.Inbound;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Inbound;

/// <summary>The host on a fresh database with four inbound-hook systems (and API keys for every role of a claim), and a signing client.</summary>
public sealed class HookServer : IDisposable
{
    public const string LawEnforcementSecret = "whsec_IfK92LLyPSZZs8j62f9mdkxO6Xr0Vldvgk2MjGcVUrg=";
    public const string CourtSecret = "whsec_Agqqf9NDmzNiWpfyhLWI5ntWTYFMfLvh8uIoyuHo52I=";
    public const string HotlineSecret = "whsec_1XQxfO7G7V5C7cQ/Ol3r0toQxvVDKBRSna8+iMICYjU=";
    public const string FinanceSecret = "whsec_H0/z+f7513qQkPNpktvHFwpfofD66vnGazJa/LJ+HXE=";

    /// <summary>A second configured secret of the finance system (<c>Secrets:0</c>), valid beside <see cref="FinanceSecret"/>.</summary>
    public const string FinanceNextSecret = "whsec_n3xT6XvQ0eJbP4yJxYt1q9c8m7Wk2Lr5Zs0Ua1Hd3Fg=";

    /// <summary>A configured key of the <c>administrator</c> role (manages keys and hook secrets).</summary>
    public const string AdministratorKey = "test-administrator-key";

    /// <summary>A configured key given only by its SHA-256 (<c>KeyHash</c>).</summary>
    public const string HashedKey = "test-hashed-key";

    /// <summary>A configured key whose role <c>roles.yaml</c> does not declare.</summary>
    public const string UndeclaredRoleKey = "test-undeclared-role-key";

    public HookServer(string? postgresConnection = null)
    {
        Factory = new ServerFactory();
        Factory.Clock.SetUtcNow(CaseServers.Monday);
        if (postgresConnection is not null)
        {
            Factory.Settings["Storage:Provider"] = "PostgreSql";
            Factory.Settings["Storage:ConnectionString"] = postgresConnection;
        }

        Add("lawEnforcement", LawEnforcementSecret, "law-enforcement-hooks", "handlingDepartment", "ecologyBureau");
        Add("court", CourtSecret, "court-hooks", "court", "intermediateCourt");
        Add("hotline", HotlineSecret, "12345-hotline-hooks", "handlingDepartment", "ecologyBureau");
        Add("finance", FinanceSecret, "finance-hooks", "financeBureau", "financeBureau");
        Factory.Settings["Hooks:Inbound:Systems:finance:Secrets:0"] = FinanceNextSecret;
        Factory.Settings["Security:ApiKeys:administrator:Key"] = AdministratorKey;
        Factory.Settings["Security:ApiKeys:administrator:System"] = "admin-console";
        Factory.Settings["Security:ApiKeys:administrator:Role"] = "administrator";
        Factory.Settings["Security:ApiKeys:hashed:KeyHash"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(HashedKey)));
        Factory.Settings["Security:ApiKeys:hashed:System"] = "hashed-key-system";
        Factory.Settings["Security:ApiKeys:hashed:Role"] = "handlingDepartment";
        Factory.Settings["Security:ApiKeys:hashed:Department"] = "ecologyBureau";
        Factory.Settings["Security:ApiKeys:hashed:Jurisdiction"] = "nantong";
        Factory.Settings["Security:ApiKeys:ghost:Key"] = UndeclaredRoleKey;
        Factory.Settings["Security:ApiKeys:ghost:System"] = "ghost-system";
        Factory.Settings["Security:ApiKeys:ghost:Role"] = "ghost";
        // Roles the embedding systems of appsettings.Testing.json do not cover, for a claim's full course.
        foreach (var (name, role) in new[] { ("appraiser", "appraisalInstitution"), ("obligor", "obligor"), ("evaluator", "evaluator"), ("rightsHolder", "rightsHolder") })
        {
            Factory.Settings[$"Security:ApiKeys:{name}:Key"] = $"test-{name}-key";
            Factory.Settings[$"Security:ApiKeys:{name}:System"] = $"{name}-system";
            Factory.Settings[$"Security:ApiKeys:{name}:Role"] = role;
            Factory.Settings[$"Security:ApiKeys:{name}:Jurisdiction"] = "nantong"; // issue 13: see CaseServers
            Factory.Settings[$"Security:ApiKeys:{name}:Party"] = name;
        }

        Api = new CaseClient(Factory);
        _ = Factory.Server;
    }

    public ServerFactory Factory { get; }

    public CaseClient Api { get; }

    public long Now => Factory.Clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// Posts <paramref name="body"/> to <paramref name="path"/> signed as the host requires (method, path, Idempotency-Key and body:
    /// <see cref="InboundHookSignature"/>), with optional tampering after signing.
    /// </summary>
    public async Task<HttpResponseMessage> PostSignedAsync(
        string path, string secret, string body, string? id = null, long? timestamp = null, Action<HttpRequestMessage>? tamper = null,
        string contentType = "application/json", string? idempotencyKey = null)
    {
        id ??= "msg_" + Guid.NewGuid().ToString("N");
        var at = timestamp ?? Now;
        var bytes = Encoding.UTF8.GetBytes(body);
        Assert.True(StandardWebhookSignature.TryDecodeSecret(secret, out var key));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(StandardWebhookSignature.IdHeader, id);
        request.Headers.Add(StandardWebhookSignature.TimestampHeader, at.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(StandardWebhookSignature.SignatureHeader, InboundHookSignature.Sign(key, id, at, "POST", path, idempotencyKey, bytes));
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        tamper?.Invoke(request);
        return await Factory.CreateClient().SendAsync(request);
    }

    /// <summary>Registers a clue through the law-enforcement hook and answers the new case's id.</summary>
    public async Task<string> RegisterClueAsync()
    {
        using var response = await PostSignedAsync("/api/hooks/lawEnforcement/clues", LawEnforcementSecret, HookRequests.Clue());
        return (await HookRequests.Body(response, System.Net.HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    public void Dispose() => Factory.Dispose();

    private void Add(string name, string secret, string system, string role, string? department)
    {
        Factory.Settings[$"Hooks:Inbound:Systems:{name}:Secret"] = secret;
        Factory.Settings[$"Hooks:Inbound:Systems:{name}:System"] = system;
        Factory.Settings[$"Hooks:Inbound:Systems:{name}:Role"] = role;
        Factory.Settings[$"Hooks:Inbound:Systems:{name}:Jurisdiction"] = "nantong"; // issue 13: a system acts for its jurisdiction (R4)
        if (department is not null)
        {
            Factory.Settings[$"Hooks:Inbound:Systems:{name}:Department"] = department;
        }
    }
}
