using System.Globalization;
using System.Threading.RateLimiting;
using EcoDamage.Workflow.Server.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// ASP.NET Core's rate limiter with one fixed one-minute window per partition: each authenticated caller (claim
/// <c>sub</c>), each anonymous client IP, and each client IP on the sign-in endpoints (strict). A refused request is
/// answered 429 ProblemDetails with <c>Retry-After</c> in seconds.
/// </summary>
internal static class RateLimitExtensions
{
    /// <summary>The type of the 429 problem.</summary>
    public const string TooManyRequestsType = "https://tools.ietf.org/html/rfc6585#section-4";

    /// <summary>Registers the limiter from <see cref="RateLimitSettings"/>.</summary>
    public static IServiceCollection AddRequestRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(RateLimitSettings.SectionName).Get<RateLimitSettings>() ?? new RateLimitSettings();
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? (int)Math.Ceiling(retryAfter.TotalSeconds) : 60;
                context.Response.Headers.RetryAfter = Math.Max(seconds, 1).ToString(CultureInfo.InvariantCulture);
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitExtensions).FullName!);
                HardeningLog.RateLimited(logger, context.Request.Method, context.Request.Path.Value ?? "/", PartitionKind(context));
                await TypedResults.Problem(
                        $"Too many requests; try again in {Math.Max(seconds, 1)} seconds.",
                        statusCode: StatusCodes.Status429TooManyRequests,
                        title: "Too Many Requests",
                        type: TooManyRequestsType)
                    .ExecuteAsync(context).ConfigureAwait(false);
            };
        });
        return services;
    }

    /// <summary>Adds the limiter; place it after authentication so that callers are known.</summary>
    public static WebApplication UseRequestRateLimits(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitSettings settings)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (context.Request.Path.StartsWithSegments("/api/auth", StringComparison.OrdinalIgnoreCase))
        {
            return Window("sign-in:" + ip, settings.SignInPerMinute);
        }

        var subject = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(CallerClaims.Subject)?.Value : null;
        return string.IsNullOrEmpty(subject)
            ? Window("anonymous:" + ip, settings.AnonymousPerMinute)
            : Window("caller:" + subject, settings.PerCallerPerMinute);
    }

    private static RateLimitPartition<string> Window(string key, int permits) =>
        permits <= 0
            ? RateLimitPartition.GetNoLimiter(key)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });

    private static string PartitionKind(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api/auth", StringComparison.OrdinalIgnoreCase) ? "sign-in"
        : context.User.Identity?.IsAuthenticated == true ? "caller" : "anonymous";
}
