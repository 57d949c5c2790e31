using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Tests.Validation;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Schedules;

/// <summary>
/// A small definition with both kinds of schedule: <c>plan</c> (a deadline per item, met by <c>Pay</c>, completed
/// into Visiting, a missed item fires Missed) and <c>visits</c> (at least <c>param.perMonth</c> per calendar month).
/// Line numbers in the rule tests refer to <see cref="Definition"/>.
/// </summary>
internal static class ScheduleFixture
{
    public const string Definition = """
        id: mini
        version: 1.0.0
        zh: 最小流程
        en: Minimal
        effective: { from: 2024-01-01 }
        calendar: cn-mainland
        parameters:
          perMonth: { type: integer, value: 2, zh: 每月次数, en: Per month }
        data:
          amount: { type: money, zh: 金额, en: Amount }
          number: { type: integer, zh: 期次, en: Number }
          planned: { type: money, zh: 计划总额, en: Planned, derived: { schedule: plan, sum: amount } }
          visitedHours: { type: decimal, zh: 走访时数, en: Hours visited, derived: { schedule: visits, sum: hours } }
        triggers:
          Arrange: { zh: 约定, en: Arrange, roles: [clerk], schedule: [plan] }
          Pay: { zh: 缴纳, en: Pay, roles: [clerk], inputs: [number, amount], meets: { schedule: plan, item: number, amount: amount } }
          Missed: { zh: 逾期, en: Missed, roles: [system] }
          Paid: { zh: 缴清, en: Paid, roles: [system] }
          Log: { zh: 登记, en: Log, roles: [clerk], schedule: [visits] }
          Stop: { zh: 停止, en: Stop, roles: [clerk] }
        initial: Draft
        states:
          Draft:
            zh: 草稿
            en: Draft
            owner: clerk
            on:
              Arrange: Paying
          Paying:
            zh: 缴纳
            en: Paying
            owner: clerk
            schedules:
              plan:
                zh: 计划
                en: Plan
                item: { due: date, amount: money }
                deadline: { remind: [3d], overdue: { fire: Missed, escalate: clerk } }
                completed: { fire: Paid }
            on:
              Pay: { implements: [R25] }
              Missed: Done
              Paid: Visiting
          Visiting:
            zh: 走访
            en: Visiting
            owner: clerk
            schedules:
              visits:
                zh: 走访
                en: Visits
                item: { date: date, hours: decimal }
                monthly: { minimum: param.perMonth, date: date }
                deadline: { holidayRule: none, remind: [5d], overdue: { escalate: clerk } }
            on:
              Log: { implements: [R24] }
              Stop: Done
          Done:
            zh: 完成
            en: Done
            terminal: true
        """;

    public static readonly Actor Clerk = new("c1", "clerk");

    public static readonly DateTimeZone Zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly Lazy<WorkflowEngine> Shared = new(() => new WorkflowEngine(Catalog(Definition)));

    public static WorkflowEngine MiniEngine => Shared.Value;

    public static WorkflowCatalog Catalog(string definition)
    {
        var loaded = DefinitionFixture.Load(definition);
        return loaded.Catalog ?? throw new InvalidOperationException(string.Join('\n', loaded.Problems));
    }

    /// <summary>An instant from a local date and time in Asia/Shanghai.</summary>
    public static Instant At(int year, int month, int day, int hour = 0) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneStrictly(Zone).ToInstant();

    /// <summary>A record list of (due, amount) plan items.</summary>
    public static RecordList Plan(params (string Due, decimal Amount)[] items) =>
        RecordList.From(items.Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["due"] = i.Due, ["amount"] = i.Amount }));

    /// <summary>A record list of (date, hours) visits.</summary>
    public static RecordList Visits(params (string Date, decimal Hours)[] items) =>
        RecordList.From(items.Select(i => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["date"] = i.Date, ["hours"] = i.Hours }));

    public static FireResult Fire(CaseInstance @case, string trigger, Instant at, params (string Key, object? Value)[] data) =>
        MiniEngine.Fire(@case, new FireRequest(trigger, Clerk, at, data.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal)));

    /// <summary>A case in Paying with the plan recorded at <paramref name="at"/>.</summary>
    public static FireResult Arranged(Instant at, RecordList plan)
    {
        var started = MiniEngine.Start("mini", null, "S-1", Clerk, at).Case;
        return Fire(started, "Arrange", at, ("plan", plan));
    }
}
