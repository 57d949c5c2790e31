using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;

namespace EcoDamage.Workflow.Server.Tests.Fuzz;

/// <summary>Seeded hostile requests for one endpoint: its route filled with plausible or hostile values, hostile query, headers and body.</summary>
internal sealed class FuzzRequests(int seed, string caseId)
{
    private static readonly string[] QueryNames =
        ["state", "department", "jurisdiction", "channel", "domain", "q", "overdue", "dueWithinDays", "page", "pageSize", "status", "limit", "role", "format", "lang"];

    private static readonly string[] BodyTypes = ["application/json", "application/json", "application/json", "text/plain", "application/xml", "application/yaml", "application/merge-patch+json"];

    private readonly Random _random = new(seed);

    public HttpRequestMessage Next(RouteEndpoint endpoint, string method)
    {
        var url = new StringBuilder();
        foreach (var segment in endpoint.RoutePattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                    Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => RouteValue(endpoint.RoutePattern.RawText ?? string.Empty, parameter.Name),
                    _ => string.Empty,
                });
            }
        }

        if (url.Length == 0)
        {
            url.Append('/');
        }

        var query = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => Pick(QueryNames) + "=" + Pick(HostileValues.Query)).ToList();
        var text = query.Count == 0 ? url.ToString() : url + "?" + string.Join('&', query);
        var request = new HttpRequestMessage(new HttpMethod(method), text);
        for (var i = _random.Next(0, 3); i > 0; i--)
        {
            request.Headers.TryAddWithoutValidation(Pick(HostileValues.HeaderNames), Pick(HostileValues.Header));
        }

        if (method is "POST" or "PUT" or "PATCH" or "DELETE")
        {
            request.Content = text.EndsWith("/documents", StringComparison.Ordinal) && _random.Next(4) > 0 ? Multipart() : Body();
        }

        return request;
    }

    private string RouteValue(string template, string name)
    {
        if (_random.Next(10) < 4)
        {
            return Pick(HostileValues.Route);
        }

        return name switch
        {
            "id" when template.StartsWith("/api/definitions", StringComparison.Ordinal) => Pick(["claim", "repair", "consultation"]),
            "id" when template.StartsWith("/api/webhooks", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            "id" or "caseId" => caseId,
            "version" => Pick(["2.0.0", "1.0.0", "9.9.9"]),
            "trigger" => Pick(["StartPreliminaryCheck", "DismissClue", "OpenCase", "Refer", "Nope"]),
            "system" => Pick(["lawEnforcement", "court", "finance", "nope"]),
            _ => "x",
        };
    }

    private HttpContent Body()
    {
        string body;
        switch (_random.Next(10))
        {
            case 0:
                body = Pick(["1", "\"s\"", "null", "[]", "true", "[{}]"]);
                break;
            case 1:
                body = string.Empty;
                break;
            case 2:
                var whole = Object(2);
                body = whole[.._random.Next(whole.Length)];
                break;
            case 3:
                var key = Pick(HostileValues.Keys);
                body = $"{{\"{key}\": {Pick(HostileValues.Json)}, \"{key}\": {Pick(HostileValues.Json)}}}";
                break;
            case 4:
                body = "{\"data\": " + HostileValues.Nested(_random.Next(30, 200)) + "}";
                break;
            case 5:
                body = "{\"description\": \"" + new string('y', 1_100_000) + "\"}";
                break;
            default:
                body = Object(_random.Next(1, 5));
                break;
        }

        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(Pick(BodyTypes));
        return content;
    }

    private string Object(int members)
    {
        var parts = new List<string>();
        for (var i = 0; i < members; i++)
        {
            var key = Pick(HostileValues.Keys);
            var value = key == "data" ? "{" + string.Join(", ", Enumerable.Range(0, _random.Next(1, 4)).Select(_ => $"\"{Pick(HostileValues.Keys)}\": {Pick(HostileValues.Json)}")) + "}" : Pick(HostileValues.Json);
            parts.Add($"\"{key}\": {value}");
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private MultipartFormDataContent Multipart()
    {
        var form = new MultipartFormDataContent();
        byte[] file = _random.Next(5) switch
        {
            0 => Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"),
            1 => [0x4D, 0x5A, 0x90, 0x00],
            2 => [],
            3 => new byte[4 * 1024 * 1024],
            _ => Encoding.ASCII.GetBytes($"%PDF-1.7\n% {_random.Next()}\n"),
        };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(Pick(["application/pdf", "text/html", "image/svg+xml", "application/octet-stream"]));
        if (_random.Next(6) > 0)
        {
            form.Add(part, "file", Pick(["report.pdf", "../../../etc/passwd", "a\u202Efdp.exe", new string('n', 2000) + ".pdf", "生态.pdf"]));
        }

        if (_random.Next(6) > 0)
        {
            form.Add(new StringContent(Pick(HostileValues.Form)), "type");
        }

        if (_random.Next(6) > 0)
        {
            form.Add(new StringContent(Pick(HostileValues.Form)), "servedOn");
        }

        return form;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
