using System.Net.Http.Headers;
using System.Text;
using EcoDamage.Workflow.Server.Tests.Cases;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>Uploads: the type is read from the content (an allow-list), and a refused upload leaves no file behind.</summary>
public sealed class DocumentUploadTests(CaseServers servers) : IClassFixture<CaseServers>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    /// <summary>Regression (issue 13): a refused upload (404) still wrote its file.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task AttachDocument_UnknownCase_404AndNoFileLeft(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var before = await StoreSnapshot.TakeAsync(factory);

        using var response = await api.PostDocumentAsync(CaseClient.LawEnforcement, "NO-SUCH-CASE", "preliminaryCheckReport", "2026-03-02", Unique(Pdf));

        await ProblemAssert.IsAsync(response, 404);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));
    }

    /// <summary>Regression (issue 13): a refused upload (422) still wrote its file.</summary>
    [Theory]
    [MemberData(nameof(CaseDatabases.Providers), MemberType = typeof(CaseDatabases))]
    public async Task AttachDocument_RefusedByTheCase_422AndNoFileLeft(string provider)
    {
        var factory = await servers.GetAsync(provider);
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var before = await StoreSnapshot.TakeAsync(factory);

        using var response = await api.PostDocumentAsync(CaseClient.LawEnforcement, id, "noSuchDocumentType", "2026-03-02", Unique(Pdf));

        Assert.True((int)response.StatusCode is 404 or 409 or 422, $"{(int)response.StatusCode}");
        await ProblemAssert.IsAsync(response, (int)response.StatusCode);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));
    }

    public static TheoryData<string, byte[]> Refused => new()
    {
        { "HTML named .pdf", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>") },
        { "SVG", Encoding.UTF8.GetBytes("  <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>") },
        { "Windows executable", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00] },
        { "plain ZIP", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, (byte)'a', (byte)'.', (byte)'e', (byte)'x', (byte)'e'] },
        { "binary with NUL", [0x01, 0x02, 0x00, 0x41] },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task AttachDocument_TypeNotAllowed_415AndNothingStored(string name, byte[] content)
    {
        var factory = await servers.GetAsync("Sqlite");
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var before = await StoreSnapshot.TakeAsync(factory);

        using var response = await api.PostDocumentAsync(CaseClient.LawEnforcement, id, "preliminaryCheckReport", "2026-03-02", content);

        var problem = await ProblemAssert.IsAsync(response, 415);
        Assert.True(problem.GetProperty("detail").GetString()!.Length > 0, name);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));
    }

    [Fact]
    public async Task AttachDocument_PdfSentAsHtmlWithAPathForName_StoredByHashAsPdf()
    {
        var factory = await servers.GetAsync("Sqlite");
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Unique(Pdf));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        form.Add(file, "file", "../../../etc/passwd");
        form.Add(new StringContent("preliminaryCheckReport"), "type");
        form.Add(new StringContent("2026-03-02"), "servedOn");

        using var response = await api.As(CaseClient.LawEnforcement).PostAsync($"/api/cases/{id}/documents", form);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.DoesNotContain("text/html", body, StringComparison.Ordinal);
        Assert.DoesNotContain("../", body, StringComparison.Ordinal);
        var files = Directory.GetFiles(StoreSnapshot.DocumentsFolder(factory), "*", SearchOption.AllDirectories);
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{64}\\.bin$", Path.GetFileName(f)));
    }

    [Fact]
    public async Task AttachDocument_NulInType_400NamingIt()
    {
        var factory = await servers.GetAsync("Sqlite");
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var before = await StoreSnapshot.TakeAsync(factory);

        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Unique(Pdf)), "file", "report.pdf");
        form.Add(new StringContent("prelim\0inary"), "type");
        form.Add(new StringContent("2026-03-02"), "servedOn");

        using var response = await api.As(CaseClient.LawEnforcement).PostAsync($"/api/cases/{id}/documents", form);

        await ProblemAssert.NamesFieldAsync(response, "type");
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));
    }

    [Fact]
    public async Task AttachDocument_TooManyFormParts_400AndNothingStored()
    {
        var factory = await servers.GetAsync("Sqlite");
        var api = new CaseClient(factory);
        var id = (await api.RegisterClueAsync()).GetProperty("id").GetString()!;
        var before = await StoreSnapshot.TakeAsync(factory);
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(Unique(Pdf)), "file", "report.pdf");
        form.Add(new StringContent("preliminaryCheckReport"), "type");
        form.Add(new StringContent("2026-03-02"), "servedOn");
        for (var i = 0; i < 40; i++)
        {
            form.Add(new StringContent("x"), $"extra{i}");
        }

        using var response = await api.As(CaseClient.LawEnforcement).PostAsync($"/api/cases/{id}/documents", form);

        await ProblemAssert.IsAsync(response, 400);
        Assert.Equal(before, await StoreSnapshot.TakeAsync(factory));
    }

    private static byte[] Unique(byte[] content) => [.. content, .. Encoding.ASCII.GetBytes($"% {Guid.NewGuid():N}\n")];
}
