using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diffing;
using EcoDamage.Workflow.TestUtils;

namespace EcoDamage.Workflow.Engine.Tests.Diffing;

public sealed class DefinitionDifferTests
{
    private static readonly SemanticVersion Next = new(2, 1, 0);

    private static WorkflowDefinition ClaimNext => NextVersions.Catalog(NextVersions.ClaimNext, NextVersions.ConsultationText).Find("claim", Next)!.Definition;

    private static (ChangeKind, ChangeElement, string, string?, string?) Row(DefinitionChange c) => (c.Kind, c.Element, c.Path, c.Before, c.After);

    [Fact]
    public void Diff_ClaimNextVersion_ReportsEachChangeExactly()
    {
        var diff = DefinitionDiffer.Diff(NextVersions.Claim, ClaimNext);

        Assert.Equal("claim@2.0.0", diff.From);
        Assert.Equal("claim@2.1.0", diff.To);
        Assert.Equal(
            [
                (ChangeKind.Changed, ChangeElement.EffectivePeriod, "effective/from", "2023-05-01", "2027-01-01"),
                (ChangeKind.Removed, ChangeElement.EffectivePeriod, "effective/to", "2028-04-30", null),
                // R13/N8 (seed: 简易评估认定程序): the simplified-procedure ceiling.
                (ChangeKind.Changed, ChangeElement.Parameter, "parameters/simplifiedThreshold/value", "500000", "1000000"),
                (ChangeKind.Added, ChangeElement.Role, "triggers/Archive/roles/ecologyBureau", null, "ecologyBureau"),
                (ChangeKind.Removed, ChangeElement.Role, "triggers/DeliverAppraisal/roles/expert", "expert", null),
                (ChangeKind.Added, ChangeElement.State, "states/ClueArchived", null, null),
                (ChangeKind.Added, ChangeElement.Transition, "states/ClueScreening/on/Archive", null, "→ ClueArchived"),
                (ChangeKind.Added, ChangeElement.Reminder, "states/PreliminaryCheckPeriod/deadlines/preliminaryCheck/remind/3d", null, "3d"),
                (ChangeKind.Changed, ChangeElement.Guard, "states/DamageAssessment/on/UseSimplifiedProcedure/guard",
                    "estimatedDamage < param.simplifiedThreshold && factsSimple && liabilityUndisputed && damageSmall",
                    "estimatedDamage <= param.simplifiedThreshold && factsSimple && liabilityUndisputed && damageSmall"),
                // N5: the court's 15 days to issue a payment order.
                (ChangeKind.Removed, ChangeElement.Deadline, "states/PaymentOrderReview/deadlines/paymentOrderIssue", "15d from document:paymentOrderAcceptance", null),
            ],
            diff.Changes.Select(Row).ToList());
    }

    [Fact]
    public void Describe_ClaimNextVersion_OneSentencePerChangeInChineseAndEnglish()
    {
        var diff = DefinitionDiffer.Diff(NextVersions.Claim, ClaimNext);

        Assert.Equal(
            [
                "定义 claim（生态环境损害赔偿案件）的施行起始日由 2023-05-01 改为 2027-01-01",
                "定义 claim（生态环境损害赔偿案件）的施行截止日（原为 2028-04-30）已删除",
                "参数 simplifiedThreshold（简易评估认定程序金额上限）由 500000 改为 1000000",
                "触发器 Archive（归档）新增角色 ecologyBureau",
                "触发器 DeliverAppraisal（出具鉴定评估意见）删除角色 expert",
                "新增状态 ClueArchived（线索已归档）",
                "状态 ClueScreening（线索筛查）新增流转 Archive（归档）：→ ClueArchived",
                "状态 PreliminaryCheckPeriod（初步核查期间）的期限 preliminaryCheck（初步核查期限）新增提前提醒 3d",
                "状态 DamageAssessment（损害鉴定评估方式选择）的流转 UseSimplifiedProcedure（适用简易评估认定程序）的条件由 "
                    + "estimatedDamage < param.simplifiedThreshold && factsSimple && liabilityUndisputed && damageSmall 改为 "
                    + "estimatedDamage <= param.simplifiedThreshold && factsSimple && liabilityUndisputed && damageSmall",
                "状态 PaymentOrderReview（支付令审查）删除期限 paymentOrderIssue（受理后15日内发出支付令）：15d from document:paymentOrderAcceptance",
            ],
            diff.Describe("zh"));
        Assert.Equal("Parameter simplifiedThreshold (Simplified-procedure ceiling) changed from 500000 to 1000000", diff.Changes[2].Describe("en"));
        Assert.Equal("Role ecologyBureau added to trigger Archive", diff.Changes[3].Describe("en"));
        Assert.Equal("Role expert removed from trigger DeliverAppraisal (Deliver the appraisal opinion)", diff.Changes[4].Describe("en"));
        Assert.Equal("State ClueArchived (Clue archived) added", diff.Changes[5].Describe("en"));
        Assert.Equal("Last day in force of definition claim (Eco-environmental damage compensation claim) removed (was 2028-04-30)", diff.Changes[1].Describe("EN"));
        Assert.Equal(
            "Deadline paymentOrderIssue (Order issued within 15 days of acceptance) removed from state PaymentOrderReview (Court reviewing the application): "
                + "15d from document:paymentOrderAcceptance",
            diff.Changes[9].Describe("en"));
    }

    [Fact]
    public void Diff_ConsultationPeriodLengthened_ReportsPeriodAndLabels()
    {
        var next = NextVersions.Catalog(NextVersions.ClaimText, NextVersions.ConsultationNext).Find("consultation", Next)!.Definition;

        var diff = DefinitionDiffer.Diff(NextVersions.Consultation, next);

        // N3 (seed: 磋商原则上不超过90日): the consultation period.
        Assert.Equal(
            [
                (ChangeKind.Changed, ChangeElement.EffectivePeriod, "effective/from", "2023-05-01", "2027-01-01"),
                (ChangeKind.Removed, ChangeElement.EffectivePeriod, "effective/to", "2028-04-30", null),
                (ChangeKind.Changed, ChangeElement.Deadline, "states/Negotiating/deadlines/consultationPeriod/zh", "磋商期限（90日）", "磋商期限（120日）"),
                (ChangeKind.Changed, ChangeElement.Deadline, "states/Negotiating/deadlines/consultationPeriod/en", "Consultation period (90 days)", "Consultation period (120 days)"),
                (ChangeKind.Changed, ChangeElement.Deadline, "states/Negotiating/deadlines/consultationPeriod/period", "90d", "120d"),
            ],
            diff.Changes.Select(Row).ToList());
        Assert.Equal("状态 Negotiating（磋商中）的期限 consultationPeriod（磋商期限）的期间由 90d 改为 120d", diff.Changes[4].Describe("zh"));
        Assert.Equal("Period of deadline consultationPeriod (Consultation period) of state Negotiating changed from 90d to 120d", diff.Changes[4].Describe("en"));
    }

    [Theory]
    [InlineData("claim")]
    [InlineData("consultation")]
    [InlineData("repair")]
    public void Diff_SameDefinition_IsEmpty(string id)
    {
        var definition = ShippedCatalog.Catalog.Latest(id)!.Definition;

        Assert.True(DefinitionDiffer.Diff(definition, definition).IsEmpty);
    }

    [Fact]
    public void Diff_ReorderedReformattedYaml_IsEmpty()
    {
        var text = NextVersions.ClaimText;
        var reordered = Edit(
            text,
            ("version: 2.0.0", "version: 2.0.1"),
            // Parameters swapped, roles and actions reordered, two states swapped, comments dropped.
            (Block(text, "  simplifiedThreshold:\n", "  punitiveCap:\n") + Block(text, "  punitiveCap:\n", "\ndata:\n"),
                Block(text, "  punitiveCap:\n", "\ndata:\n") + Block(text, "  simplifiedThreshold:\n", "  punitiveCap:\n")),
            ("StartPreliminaryCheck: { zh: 启动初步核查, en: Start the preliminary check, roles: [handlingDepartment, ecologyBureau]",
                "StartPreliminaryCheck: { zh: 启动初步核查, en: Start the preliminary check, roles: [ecologyBureau, handlingDepartment]"),
            ("onEntry: [ { copyTo: procuratorate, implements: [R9] }, { shareStatus: referringDepartment, implements: [R8] } ]",
                "onEntry:\n      - { shareStatus: referringDepartment, implements: [R8] }\n      - { copyTo: procuratorate, implements: [R9] }"),
            (Block(text, "  ClueDismissed:\n", "  NotStartedArchived:\n") + Block(text, "  NotStartedArchived:\n", "  Terminated:\n"),
                Block(text, "  NotStartedArchived:\n", "  Terminated:\n") + Block(text, "  ClueDismissed:\n", "  NotStartedArchived:\n")),
            ("# Registering a clue (线索登记) starts the case", "#"),
            // Guards written differently, reading the same tokens.
            ("guard: \"!spansCounties || treasury == damageLocation\"", "guard: \"not spansCounties  or treasury==damageLocation\""),
            ("guard: damageFound\n", "guard: \"  damageFound \"\n"));
        var other = NextVersions.Catalog(reordered, NextVersions.ConsultationText).Find("claim", new SemanticVersion(2, 0, 1))!.Definition;

        var diff = DefinitionDiffer.Diff(NextVersions.Claim, other);

        Assert.Empty(diff.Changes);
    }

    [Fact]
    public void Diff_RenamedState_IsARemovalAndAnAddition()
    {
        var renamed = Edit(NextVersions.ClaimText, ("version: 2.0.0", "version: 2.0.1"), ("ClueDismissed", "ClueRejected"));
        var other = NextVersions.Catalog(renamed, NextVersions.ConsultationText).Find("claim", new SemanticVersion(2, 0, 1))!.Definition;

        var diff = DefinitionDiffer.Diff(NextVersions.Claim, other);

        Assert.Equal(
            [
                (ChangeKind.Removed, ChangeElement.State, "states/ClueDismissed", null, null),
                (ChangeKind.Added, ChangeElement.State, "states/ClueRejected", null, null),
                (ChangeKind.Changed, ChangeElement.Transition, "states/ClueScreening/on/DismissClue/1/to", "ClueDismissed", "ClueRejected"),
                (ChangeKind.Changed, ChangeElement.Transition, "states/ClueScreening/on/DismissClue/2/to", "ClueDismissed", "ClueRejected"),
            ],
            diff.Changes.Select(Row).ToList());
        Assert.Equal("删除状态 ClueDismissed（线索不予处理）", diff.Changes[0].Describe("zh"));
        Assert.Equal(
            "Target state of transition DismissClue #2 (Dismiss the clue) of state ClueScreening (Clue screening) changed from ClueDismissed to ClueRejected",
            diff.Changes[3].Describe("en"));
    }

    [Theory]
    [InlineData("a&&b", "a && b")]
    [InlineData("a and (b or not c)", "a && (b || !c)")]
    [InlineData("x in [\"a\",'b']", "x in ['a', 'b']")]
    [InlineData("!has(x) && n > -1.50", "!has(x) && n > -1.5")]
    [InlineData("param.maxMeetings   <=meetingCount", "param.maxMeetings <= meetingCount")]
    public void Normalise_SameTokens_OneSpelling(string guard, string expected) =>
        Assert.Equal(expected, GuardText.Normalise(guard));

    internal static string Edit(string text, params (string Old, string New)[] edits)
    {
        foreach (var (old, now) in edits)
        {
            Assert.True(text.Contains(old, StringComparison.Ordinal), $"edit target not found: {old}");
            text = text.Replace(old, now, StringComparison.Ordinal);
        }

        return text;
    }

    private static string Block(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
