using EcoDamage.Workflow.Engine.Catalog;
using EcoDamage.Workflow.Engine.Execution;
using EcoDamage.Workflow.Engine.Tests.Validation;
using NodaTime;

namespace EcoDamage.Workflow.Engine.Tests.Instances;

/// <summary>
/// A parent 'plan' that records a collection 'tasks' and runs the child 'task' once per task (any Failed → SomeFailed,
/// all Done → AllDone), and the child with a due-date deadline that reminds, escalates and fires Fail when overdue.
/// </summary>
internal static class InstanceFixture
{
    public const string Plan = """
        id: plan
        version: 1.0.0
        zh: 计划
        en: Plan
        effective: { from: 2024-01-01 }
        calendar: cn-mainland
        data:
          kind: { type: enum, zh: 类别, en: Kind, values: [a, b] }
        collections:
          tasks:
            zh: 任务
            en: Tasks
            item: { title: text, dueOn: date, kind: kind, weight: integer }
        triggers:
          Plan: { zh: 计划, en: Plan, roles: [clerk], collect: [tasks] }
          AllDone: { zh: 全部完成, en: All done, roles: [system] }
          SomeFailed: { zh: 有失败, en: Some failed, roles: [system] }
          Cancel: { zh: 撤销, en: Cancel, roles: [clerk] }
        initial: Planning
        states:
          Planning:
            zh: 计划中
            en: Planning
            on:
              Plan: Working
          Working:
            zh: 执行
            en: Working
            call:
              workflow: task
              forEach: tasks
              outcomes:
                Failed: { trigger: SomeFailed, when: any }
                Done: { trigger: AllDone, when: all }
            on:
              AllDone: Finished
              SomeFailed: Failed
              Cancel: Failed
          Finished: { zh: 完成, en: Finished, terminal: true }
          Failed: { zh: 失败, en: Failed, terminal: true }
        """;

    public const string TaskText = """
        id: task
        version: 1.0.0
        zh: 任务
        en: Task
        effective: { from: 2024-01-01 }
        calendar: cn-mainland
        data:
          title: { type: text, zh: 标题, en: Title }
          dueOn: { type: date, zh: 期限, en: Due on }
          kind: { type: enum, zh: 类别, en: Kind, values: [a, b, c] }
          note: { type: text, zh: 备注, en: Note }
        triggers:
          Begin: { zh: 开始, en: Begin, roles: [clerk], inputs: [note] }
          Finish: { zh: 完成, en: Finish, roles: [clerk] }
          Fail: { zh: 失败, en: Fail, roles: [clerk, system] }
        initial: Open
        states:
          Open:
            zh: 待办
            en: Open
            on:
              Begin: Doing
          Doing:
            zh: 办理
            en: Doing
            deadlines:
              term:
                zh: 期限
                en: Term
                due: field:dueOn
                remind: [3d]
                remindRole: clerk
                overdue: { fire: Fail, escalate: clerk }
            on:
              Finish: Done
              Fail: Failed
          Done: { zh: 完成, en: Done, terminal: true }
          Failed: { zh: 失败, en: Failed, terminal: true }
        """;

    public static readonly Actor Clerk = new("u1", "clerk");

    public static readonly Instant Monday = Instant.FromUtc(2024, 3, 4, 2, 0);

    private static readonly Lazy<WorkflowCatalog> LazyCatalog = new(() =>
    {
        var result = Load(Plan, TaskText);
        Assert.True(result.Success, string.Join("\n", result.Problems));
        return result.Catalog!;
    });

    public static WorkflowEngine Runner { get; } = new(LazyCatalog.Value);

    public static CatalogLoadResult Load(string plan, string task) =>
        WorkflowCatalog.Load([
            new CatalogFile("roles.yaml", DefinitionFixture.Roles),
            new CatalogFile("calendars/cn-mainland.yaml", DefinitionFixture.Calendar),
            new CatalogFile("task.workflow.yaml", task),
            new CatalogFile("plan.workflow.yaml", plan),
        ]);

    public static IReadOnlyDictionary<string, object?> Tasks(params (string Title, string DueOn)[] tasks) =>
        new Dictionary<string, object?>
        {
            ["tasks"] = RecordList.From(tasks.Select(t => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["title"] = t.Title, ["dueOn"] = t.DueOn, ["kind"] = "a",
            })),
        };

    /// <summary>A plan case in Working with one branch per task.</summary>
    public static CaseInstance Planned(params (string Title, string DueOn)[] tasks)
    {
        var started = Runner.Start("plan", null, "p-1", Clerk, Monday);
        Assert.True(started.Accepted);
        return Accept(Runner.Fire(started.Case, new FireRequest("Plan", Clerk, Monday, Tasks(tasks))));
    }

    public static CaseInstance Accept(FireResult result)
    {
        Assert.True(result.Accepted, string.Join("; ", result.Refusals.Select(r => $"{r.Kind}: {r.Message}")));
        return result.Case;
    }

    public static FireResult Fire(CaseInstance @case, string trigger, string? branch = null, Instant? at = null) =>
        Runner.Fire(@case, new FireRequest(trigger, Clerk, at ?? Monday) { Branch = branch });
}
