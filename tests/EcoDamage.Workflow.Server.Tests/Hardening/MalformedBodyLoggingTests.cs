using System.Text;
using EcoDamage.Workflow.Server.Tests.Cases;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EcoDamage.Workflow.Server.Tests.Hardening;

/// <summary>Regression (issue 13): every malformed JSON body logged an error with its stack trace (in Development, where binding throws).</summary>
public sealed class MalformedBodyLoggingTests
{
    public static TheoryData<string, string> Bodies => new()
    {
        { "cut short", "{\"data\": {" },
        { "wrong type for a member", "{\"data\": 5}" },
        { "an array", "[1, 2]" },
        { "duplicate", "{\"data\": {}, \"data\": {}}" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task FireTrigger_MalformedBodyInDevelopment_400AndNoErrorNorException(string name, string body)
    {
        var logs = new CollectingLoggerProvider();
        using var factory = new ServerFactory();
        using var development = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.ConfigureServices(services => services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug)));
        });
        using var client = development.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", CaseClient.LawEnforcement);
        (await client.GetAsync("/health/live")).Dispose(); // start-up's own lines are not this request's
        logs.Entries.Clear();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/api/cases/CASE-1/triggers/StartPreliminaryCheck", content);

        await ProblemAssert.IsAsync(response, 400);
        var bad = logs.Entries.Where(e => e.Level >= LogLevel.Warning || e.Exception is not null).Select(e => $"{e.Level} {e.Category}: {e.Message}").ToList();
        Assert.True(bad.Count == 0, $"{name}: {string.Join('\n', bad)}");
    }
}
