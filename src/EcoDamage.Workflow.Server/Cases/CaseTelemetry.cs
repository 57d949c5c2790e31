using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace EcoDamage.Workflow.Server.Cases;

/// <summary>
/// Traces and metrics of case commands (System.Diagnostics): an activity per command and counters of
/// accepted transitions and of refusals/conflicts, for an OpenTelemetry exporter to pick up by name.
/// </summary>
internal sealed class CaseTelemetry : IDisposable
{
    /// <summary>The ActivitySource and Meter name.</summary>
    public const string Name = "EcoDamage.Workflow.Cases";

    private static readonly ActivitySource Source = new(Name);
    private readonly Meter _meter;
    private readonly Counter<long> _commands;
    private readonly Histogram<double> _duration;

    public CaseTelemetry(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _commands = _meter.CreateCounter<long>("ecodamage.case.commands", description: "Case commands by command, trigger and outcome.");
        _duration = _meter.CreateHistogram<double>("ecodamage.case.command.duration", unit: "ms", description: "Time to handle a case command.");
    }

    /// <summary>Starts the activity of one command.</summary>
    public static Activity? Start(string command, string caseId, string trigger)
    {
        var activity = Source.StartActivity($"case {command}");
        activity?.SetTag("ecodamage.case.id", caseId);
        activity?.SetTag("ecodamage.trigger", trigger);
        return activity;
    }

    /// <summary>Records a handled command.</summary>
    public void Record(Activity? activity, string command, string trigger, string outcome, TimeSpan elapsed)
    {
        activity?.SetTag("ecodamage.outcome", outcome);
        var tags = new TagList { { "command", command }, { "trigger", trigger }, { "outcome", outcome } };
        _commands.Add(1, tags);
        _duration.Record(elapsed.TotalMilliseconds, tags);
    }

    public void Dispose() => _meter.Dispose();
}
