using System.Diagnostics;
using EcoDamage.Workflow.Runtime.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>With <c>--breakdown</c>, times the handler's two storage calls (load, commit) to show where a command's time goes.</summary>
internal static class Breakdown
{
    public static double LoadMicros { get; set; }

    public static double CommitMicros { get; set; }

    public static long Loads { get; set; }

    public static long Commits { get; set; }

    public static IServiceCollection Wrap(IServiceCollection services)
    {
        Replace<ICaseStore>(services, inner => new TimedStore(inner));
        Replace<IUnitOfWork>(services, inner => new TimedUnitOfWork(inner));
        return services;
    }

    private static void Replace<T>(IServiceCollection services, Func<T, T> wrap)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.AddScoped(sp => wrap(original.ImplementationFactory is { } f
            ? (T)f(sp)
            : (T)ActivatorUtilities.CreateInstance(sp, original.ImplementationType!)));
    }

    private sealed class TimedStore(ICaseStore inner) : ICaseStore
    {
        public async Task<StoredCase?> LoadAsync(string caseId, CancellationToken cancellationToken = default)
        {
            var s = Stopwatch.GetTimestamp();
            var r = await inner.LoadAsync(caseId, cancellationToken);
            LoadMicros += Stopwatch.GetElapsedTime(s).TotalMicroseconds;
            Loads++;
            return r;
        }
    }

    private sealed class TimedUnitOfWork(IUnitOfWork inner) : IUnitOfWork
    {
        public async Task<CommitResult> CommitAsync(CaseChangeSet changes, CancellationToken cancellationToken = default)
        {
            var s = Stopwatch.GetTimestamp();
            var r = await inner.CommitAsync(changes, cancellationToken);
            CommitMicros += Stopwatch.GetElapsedTime(s).TotalMicroseconds;
            Commits++;
            return r;
        }
    }
}

/// <summary>Counts EF Core diagnostic events by name (with <c>--breakdown</c>), e.g. query compilations per command.</summary>
internal sealed class EfEventCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.EntityFrameworkCore")
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        lock (Counts)
        {
            Counts[value.Key] = Counts.GetValueOrDefault(value.Key) + 1;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
