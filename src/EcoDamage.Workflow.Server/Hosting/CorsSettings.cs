namespace EcoDamage.Workflow.Server.Hosting;

/// <summary>Which browser origins may call the API across origins, bound from <c>Security:Cors</c>.</summary>
internal sealed class CorsSettings
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Security:Cors";

    /// <summary>Origins allowed (scheme, host and port, e.g. <c>https://console.example.gov.cn</c>).</summary>
    /// <value>Default: none, so no cross-origin request is allowed (CORS closed).</value>
    public string[] Origins { get; set; } = [];
}
