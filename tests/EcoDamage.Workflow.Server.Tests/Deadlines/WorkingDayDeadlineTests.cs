using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Runtime.Commands;
using EcoDamage.Workflow.Runtime.Deadlines;
using EcoDamage.Workflow.TestUtils;
using Microsoft.Extensions.DependencyInjection;

namespace EcoDamage.Workflow.Server.Tests.Deadlines;

/// <summary>
/// A working-day period across the National Day holiday week (国庆节 2026-10-01…07, make-up workday Saturday 10-10):
/// no shipped definition counts working days, so a small one is added to a copy of <c>workflows/</c>.
/// </summary>
public sealed class WorkingDayDeadlineTests : IDisposable
{
    private const string Definition = """
        id: wdcheck
        version: 1.0.0
        zh: 工作日核查（测试）
        en: Working-day check (test)
        effective: { from: 2024-01-01 }
        calendar: cn-mainland
        triggers:
          Finish: { zh: 完成, en: Finish, roles: [handlingDepartment] }
        initial: Checking
        states:
          Checking:
            zh: 核查
            en: Checking
            owner: handlingDepartment
            deadlines:
              check:
                zh: 核查期限（20个工作日）
                en: Check period (20 working days)
                period: 20wd
                remind: [5wd, 1wd]
                overdue:
                  escalate: procuratorate
                  basis: { zh: 测试依据, en: Test basis }
            on:
              Finish: Done
          Done:
            zh: 完成
            en: Done
            terminal: true
        """;

    private readonly string _workflows = Path.Combine(Path.GetTempPath(), "ecodamage-wd-workflows", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task WorkingDays_AcrossTheNationalDayWeek_RemindedAndEscalatedOnWorkingDaysOnly()
    {
        Copy(RepositoryPaths.Workflows, _workflows);
        await File.WriteAllTextAsync(Path.Combine(_workflows, "wdcheck.workflow.yaml"), Definition);
        using var host = new DeadlineHost(workflows: _workflows);
        host.Factory.Clock.SetUtcNow(DeadlineHost.At(2026, 9, 21, 10)); // Monday
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<CaseCommandHandler>().HandleAsync(
                new StartCase("wdcheck", null, new Dictionary<string, object?>(), new Actor("u1", Roles.Department), null, "wd-1"));
            Assert.Equal(OutcomeKind.Accepted, outcome.Kind);
        }

        // 20 working days from 09-21: the Mid-Autumn day 09-25 and the week 10-01…07 are skipped, Saturday 10-10 counts:
        // the last day is Monday 10-26 (20 weekdays would have ended on 10-19).
        var deadline = await host.DeadlineAsync("wd-1", "check", DeadlineHost.Auditor); // no listing: no owner but the auditor
        Assert.Equal("2026-10-26", deadline.GetProperty("lastDay").GetString());
        var events = new List<(DateTimeOffset At, DeadlineTickSummary Summary)>();
        for (var at = DeadlineHost.At(2026, 9, 22); at <= DeadlineHost.At(2026, 10, 30); at = at.AddHours(6))
        {
            var summary = await host.SweepAtAsync(at);
            if (summary.Cases > 0)
            {
                events.Add((at, summary));
            }
        }

        // 5 working days before due: 10-20 (10-20…26 leave 20, 21, 22, 23, 26); 1 working day: 10-26; overdue 10-27 00:00.
        Assert.Equal(
            [(DeadlineHost.At(2026, 10, 20), 1, 0), (DeadlineHost.At(2026, 10, 26), 1, 0), (DeadlineHost.At(2026, 10, 27), 0, 1)],
            events.Select(e => (e.At, e.Summary.Reminders, e.Summary.Escalations)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_workflows))
        {
            Directory.Delete(_workflows, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}
