namespace EcoDamage.Workflow.Server.Deadlines;

/// <summary>Who approves deadline extensions and how far one may reach (section <c>Deadlines:Extensions</c>).</summary>
internal sealed class DeadlineExtensionOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Deadlines:Extensions";

    /// <summary>The roles that approve an extension (within the cases they act on, and never their own request).</summary>
    /// <value>Null by default: <see cref="Approvers"/> is then <c>rightsHolder</c> and <c>ecologyBureau</c>.</value>
    /// <remarks>Null rather than the defaults: configuration binding appends to an array it finds.</remarks>
    public string[]? ApproverRoles { get; set; }

    /// <summary>The approving roles in force: <see cref="ApproverRoles"/>, or the defaults.</summary>
    public IReadOnlyCollection<string> Approvers => ApproverRoles is { Length: > 0 } roles ? roles : ["rightsHolder", "ecologyBureau"];

    /// <summary>How far beyond the current last day a new one may lie, an ISO 8601 period.</summary>
    /// <value><c>P1Y</c> (one year) by default.</value>
    public string MaxExtension { get; set; } = "P1Y";

    /// <summary>The parsed <see cref="MaxExtension"/>, or null when it is not a positive date period.</summary>
    public NodaTime.Period? MaxExtensionPeriod =>
        NodaTime.Text.PeriodPattern.NormalizingIso.Parse(MaxExtension ?? string.Empty) is { Success: true } parsed
        && parsed.Value.HasDateComponent && !parsed.Value.HasTimeComponent
        && parsed.Value.Years >= 0 && parsed.Value.Months >= 0 && parsed.Value.Weeks >= 0 && parsed.Value.Days >= 0
        && parsed.Value.Years <= 100
            ? parsed.Value
            : null;
}
