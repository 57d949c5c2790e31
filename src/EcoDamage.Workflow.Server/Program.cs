using EcoDamage.Workflow.Server.Access;
using EcoDamage.Workflow.Server.Apis;
using EcoDamage.Workflow.Server.Cases;
using EcoDamage.Workflow.Server.Deadlines;
using EcoDamage.Workflow.Server.Definitions;
using EcoDamage.Workflow.Server.Hosting;
using EcoDamage.Workflow.Server.Identity;
using EcoDamage.Workflow.Server.Inbound;
using EcoDamage.Workflow.Server.Sandbox;
using EcoDamage.Workflow.Server.Security;
using EcoDamage.Workflow.Server.Security.ApiKeys;

var builder = WebApplication.CreateBuilder(args);
builder.AddHostDefaults();
if (StartupFailure.CheckSettings(builder.Configuration) is { } wrongSetting)
{
    return StartupFailureExtensions.ReportStartupFailure(wrongSetting);
}

if (ClockSettings.Check(builder.Configuration, builder.Environment) is { } wrongClock)
{
    return StartupFailureExtensions.ReportStartupFailure(wrongClock);
}

builder.Services.AddStartupConcurrency();
builder.Services.AddSandboxClock(builder.Configuration, builder.Environment);
builder.Services.AddClock();
builder.Services.AddHttpErrors();
builder.Services.AddWorkflowDefinitions(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddCases(builder.Configuration);
builder.Services.AddCaseAccess();
builder.Services.AddMessaging(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddDeadlines(builder.Configuration);
builder.Services.AddCallerAuthentication(builder.Configuration);
builder.Services.AddInboundHooks(builder.Configuration);
builder.Services.AddApiDocuments();
builder.Services.AddTelemetry(builder.Configuration);
// People's bearer tokens and the default scheme choosing between them and API keys; after the API-key scheme.
builder.Services.AddWorkflowPeopleTokens(builder.Configuration);
// People's accounts, cookie session, OpenID Connect and the default scheme's selector; after the bearer scheme.
builder.Services.AddPeopleIdentity(builder.Configuration);
builder.Services.AddSecurityHeaders(builder.Configuration);
builder.Services.AddRequestRateLimits(builder.Configuration);
builder.Services.AddFormLimits();
builder.Services.AddCaseMigrations();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseHttpErrors();
app.UseCommandBodyLimit();
app.UseAuthentication();
app.UseRequestRateLimits();
app.UseCallerGate();
app.UseAuthorization();
app.UseRequestGuards();
app.MapHealthApi();
app.MapDefinitionsApi();
app.MapDefinitionDraftsApi();
app.MapDefinitionDraftToolsApi();
app.MapDefinitionPublicationApi();
app.MapAdministrationTrailApi();
app.MapCatalogDocumentsApi();
app.MapDefinitionSimulationApi();
app.MapDefinitionDiffApi();
app.MapReferenceApi();
app.MapWhoAmIApi();
app.MapIdentityApis();
app.MapCluesApi();
app.MapCasesApi();
app.MapCaseLinksApi();
app.MapCaseReadsApi();
app.MapInboundHooksApi();
app.MapWebhooksApi();
app.MapDeadlinesApi();
app.MapApiKeysApi();
app.MapHookSecretsApi();
app.MapSandboxApi();
app.MapMigrationsApi();
app.MapApiDocuments();

return await app.RunReportingStartupFailuresAsync();

/// <summary>The host's entry point; public so that tests can start it through <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
