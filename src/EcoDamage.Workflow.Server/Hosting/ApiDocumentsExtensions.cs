using Scalar.AspNetCore;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>The OpenAPI document generated from the endpoints and its reference page.</summary>
internal static class ApiDocumentsExtensions
{
    /// <summary>Registers the <c>v1</c> OpenAPI document.</summary>
    public static IServiceCollection AddApiDocuments(this IServiceCollection services)
    {
        services.AddOpenApi();
        return services;
    }

    /// <summary>Maps <c>/openapi/v1.json</c> and the Scalar reference page at <c>/scalar</c>.</summary>
    public static IEndpointRouteBuilder MapApiDocuments(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
