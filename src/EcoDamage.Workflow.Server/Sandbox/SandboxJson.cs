using System.Text.Json;

namespace EcoDamage.Workflow.Server.Sandbox;

/// <summary>The JSON of the sandbox's health answers (web defaults: camelCase).</summary>
internal static class SandboxJson
{
    /// <summary>The options.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
