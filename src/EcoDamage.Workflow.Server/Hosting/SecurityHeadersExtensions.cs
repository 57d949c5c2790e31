using Microsoft.AspNetCore.HttpOverrides;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>
/// Browser-facing defences: <see cref="SecurityHeaders"/> on every response, CORS closed unless
/// <c>Security:Cors:Origins</c> names origins, and HSTS outside Development on requests that came over TLS (directly
/// or, from a proxy on this machine, with <c>X-Forwarded-Proto: https</c>).
/// </summary>
internal static class SecurityHeadersExtensions
{
    /// <summary>The CORS policy built from <see cref="CorsSettings"/>.</summary>
    public const string CorsPolicy = "ConfiguredOrigins";

    /// <summary>Registers CORS (the configured origins only) and HSTS (one year, subdomains included).</summary>
    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(CorsSettings.SectionName).Get<CorsSettings>() ?? new CorsSettings();
        services.AddCors(options => options.AddPolicy(CorsPolicy, policy =>
        {
            if (settings.Origins.Length > 0)
            {
                policy.WithOrigins(settings.Origins).AllowAnyHeader().AllowAnyMethod();
            }
        }));
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });
        services.Configure<ForwardedHeadersOptions>(options => options.ForwardedHeaders = ForwardedHeaders.XForwardedProto);
        return services;
    }

    /// <summary>Adds the headers, HSTS (outside Development) and CORS; place it first, before the error handlers.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                SecurityHeaders.Apply((HttpContext)state);
                return Task.CompletedTask;
            }, context);
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseCors(CorsPolicy);
        return app;
    }
}
