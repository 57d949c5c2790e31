using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>The OpenAPI document generated from the endpoints and its reference page.</summary>
internal static class ApiDocumentsExtensions
{
    /// <summary>The API-key scheme's name in the document (header <c>X-Api-Key</c>, one key per embedding system).</summary>
    public const string ApiKeyScheme = "ApiKey";

    /// <summary>The bearer scheme's name in the document (signed tokens for people).</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>Registers the <c>v1</c> OpenAPI document with its security schemes.</summary>
    public static IServiceCollection AddApiDocuments(this IServiceCollection services)
    {
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-Api-Key",
                    Description = "An embedding system's key (law enforcement, hotline, court, finance, procuratorate).",
                };
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A signed token for a person, with sub, role and department claims.",
                };
                return Task.CompletedTask;
            });
            // Operations that require a caller accept either scheme (two requirement objects: one or the other).
            options.AddOperationTransformer((operation, context, _) =>
            {
                var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                {
                    operation.Security =
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                    ];
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary>Maps <c>/openapi/v1.json</c> and the Scalar reference page at <c>/scalar</c>.</summary>
    public static IEndpointRouteBuilder MapApiDocuments(this IEndpointRouteBuilder app)
    {
        // One document under its fixed address: any other name is an ordinary 404 ProblemDetails, not the plain-text
        // answer of the {documentName} route.
        app.MapOpenApi("/openapi/v1.json");
        app.MapScalarApiReference();
        return app;
    }
}
