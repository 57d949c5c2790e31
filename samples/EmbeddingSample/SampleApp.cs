using EmbeddingSample.HostApi;
using EmbeddingSample.Receiving;
using EmbeddingSample.Webhooks;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;

namespace EmbeddingSample;

/// <summary>
/// A law-enforcement case system (综合行政执法) embedding the workflow host: it receives the host's webhooks on
/// <c>POST /hooks</c>, lists them on <c>GET /events</c>, and drives a clue to an opened case on <c>POST /drive</c>.
/// </summary>
internal static class SampleApp
{
    /// <summary>Serves the receiver and <c>/drive</c>; <c>drive [--via-hook]</c> instead drives one clue to an opened case and exits.</summary>
    public static async Task<int> Main(string[] args)
    {
        if (args is ["drive", .. var rest])
        {
            return await DriveOnceAsync(rest);
        }

        await Build(args).RunAsync();
        return 0;
    }

    private static async Task<int> DriveOnceAsync(string[] args)
    {
        var viaHook = args.Contains("--via-hook", StringComparer.Ordinal);
        await using var app = Build([.. args.Where(a => a != "--via-hook"), "--Sample:Subscribe=false"]);
        try
        {
            var result = await app.Services.GetRequiredService<ClueDriver>().DriveAsync(new DriveRequest(viaHook), CancellationToken.None);
            foreach (var step in result.Steps)
            {
                Console.WriteLine(step);
            }

            return 0;
        }
        catch (Exception error) when (error is HostCallException or HttpRequestException)
        {
            await Console.Error.WriteLineAsync(error.Message);
            return 1;
        }
    }

    /// <summary>The app; <paramref name="configure"/> lets tests swap the clock or the host's HTTP handler before it is built.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);

        // The default address as the lowest-priority source: --urls, ASPNETCORE_URLS and the settings files win over it.
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
        {
            InitialData = [new(WebHostDefaults.ServerUrlsKey, SampleOptions.DefaultUrls)],
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<SampleOptions>()
            .Bind(builder.Configuration.GetSection(SampleOptions.SectionName))
            .PostConfigure(o => o.PublicUrl ??= SampleOptions.ReachableUrl(builder.Configuration[WebHostDefaults.ServerUrlsKey]));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => new ReceivedEventStore(sp.GetRequiredService<IOptions<SampleOptions>>().Value.ReceivedFile));
        builder.Services.AddSingleton(sp =>
        {
            var secrets = new WebhookSecrets();
            if (sp.GetRequiredService<IOptions<SampleOptions>>().Value.WebhookSecret is { Length: > 0 } configured)
            {
                secrets.Add(configured);
            }

            return secrets;
        });
        builder.Services.AddHttpClient<WorkflowHostClient>((sp, http) =>
        {
            var host = sp.GetRequiredService<IOptions<SampleOptions>>().Value.HostUrl;
            http.BaseAddress = host.AbsoluteUri.EndsWith('/') ? host : new Uri(host.AbsoluteUri + "/");
            http.Timeout = TimeSpan.FromSeconds(30);
        });
        builder.Services.AddTransient<ClueDriver>();
        if (builder.Configuration.GetValue($"{SampleOptions.SectionName}:Subscribe", true))
        {
            builder.Services.AddHostedService<SubscriptionRegistrar>();
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapHookReceiver();
        app.MapPost("/drive", DriveAsync);
        return app;
    }

    private static async Task<IResult> DriveAsync(DriveRequest? request, ClueDriver driver, CancellationToken cancellationToken)
    {
        try
        {
            var result = await driver.DriveAsync(request ?? new DriveRequest(), cancellationToken);
            Console.WriteLine($"[drive] case {result.CaseId} opened: {string.Join(" / ", result.States)} (version {result.Version})");
            return TypedResults.Ok(result);
        }
        catch (HostCallException error)
        {
            return TypedResults.Problem(error.Problem, statusCode: StatusCodes.Status502BadGateway, title: $"The host answered {error.Status}");
        }
        catch (HttpRequestException error)
        {
            return TypedResults.Problem(error.Message, statusCode: StatusCodes.Status502BadGateway, title: "The host could not be reached");
        }
    }
}
