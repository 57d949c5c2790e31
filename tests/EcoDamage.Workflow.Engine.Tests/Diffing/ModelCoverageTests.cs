using EcoDamage.Workflow.Engine.Definitions;
using EcoDamage.Workflow.Engine.Diffing;

namespace EcoDamage.Workflow.Engine.Tests.Diffing;

/// <summary>One edit per part of the model the differ reads, on the shipped claim: each reported exactly once, where it was made.</summary>
public sealed class ModelCoverageTests
{
    [Fact]
    public void Diff_OneEditPerModelPart_EachReportedAtItsPath()
    {
        var edited = DefinitionDifferTests.Edit(
            NextVersions.ClaimText,
            ("version: 2.0.0", "version: 2.0.1"),
            ("inputs: [damageFound, estimatedDamage]", "inputs: [damageFound]"),
            ("requires: { documents: [compensationOpinionLetter] }", "requires: { documents: [compensationOpinionLetter, appraisalOpinion] }"),
            ("description: { type: text, zh: 线索描述, en: Clue description }", "description: { type: text, personal: true, zh: 线索描述, en: Clue description }"),
            ("      - { id: unverifiable,", "      - { id: withdrawn, zh: 举报人撤回, en: Withdrawn by the informant }\n      - { id: unverifiable,"),
            ("referralLetter: { zh: 线索移送函, en: Referral letter, implements: [R6] }", "referralLetter: { zh: 线索移送函, en: Referral letter, implements: [R6], roles: [handlingDepartment] }"),
            ("actions: [ { notify: court }, { copyTo: procuratorate, implements: [R19] } ]", "actions: [ { notify: obligor }, { notify: court } ]"),
            ("                  escalate: handlingDepartment", "                  escalate: procuratorate"),
            ("period: 15d\n                from: document:paymentOrderAcceptance", "period: 10wd\n                from: document:paymentOrderAcceptance"),
            ("start:\n  roles: [handlingDepartment, ecologyBureau, procuratorate]", "start:\n  roles: [handlingDepartment, ecologyBureau]"),
            ("NotPerformed: { trigger: RepairNotPerformed, when: any }", "NotPerformed: { trigger: RepairNotPerformed, when: all }"),
            ("Completed: { trigger: RepairDone, when: all }", "Completed: { trigger: RepairDone, when: any }"),
            ("        en: Compulsory enforcement\n        owner: court", "        en: Compulsory enforcement\n        owner: handlingDepartment"));
        var other = NextVersions.Catalog(edited, NextVersions.ConsultationText).Find("claim", new SemanticVersion(2, 0, 1))!.Definition;

        var diff = DefinitionDiffer.Diff(NextVersions.Claim, other);

        Assert.Equal(
            [
                (ChangeKind.Changed, ChangeElement.DataField, "data/description/personal", "false", "true"),
                (ChangeKind.Added, ChangeElement.EnumValue, "data/dismissalGround/values/withdrawn", null, null),
                (ChangeKind.Added, ChangeElement.Role, "documents/referralLetter/roles/handlingDepartment", null, "handlingDepartment"),
                (ChangeKind.Removed, ChangeElement.Input, "triggers/OpenCase/inputs/estimatedDamage", "estimatedDamage", null),
                (ChangeKind.Added, ChangeElement.Requirement, "triggers/IssueOpinionLetter/requires/documents/appraisalOpinion", null, "appraisalOpinion"),
                (ChangeKind.Removed, ChangeElement.Role, "start/roles/procuratorate", "procuratorate", null),
                (ChangeKind.Removed, ChangeElement.Action, "states/LitigationDecision/on/FileLawsuit/actions/copyTo:procuratorate", "copyTo:procuratorate", null),
                (ChangeKind.Added, ChangeElement.Action, "states/LitigationDecision/on/FileLawsuit/actions/notify:obligor", null, "notify:obligor"),
                (ChangeKind.Changed, ChangeElement.Call, "states/Performance/call/outcomes/NotPerformed/when", "any", "all"),
                (ChangeKind.Changed, ChangeElement.Call, "states/Performance/call/outcomes/Completed/when", "all", "any"),
                // N5: 15 calendar days → 10 working days, and who the overdue order is escalated to.
                (ChangeKind.Changed, ChangeElement.Deadline, "states/PaymentOrderReview/deadlines/paymentOrderIssue/period", "15d", "10wd"),
                (ChangeKind.Changed, ChangeElement.Overdue, "states/PaymentOrderReview/deadlines/paymentOrderIssue/overdue/escalate", "handlingDepartment", "procuratorate"),
                (ChangeKind.Changed, ChangeElement.State, "states/Enforcement/owner", "court", "handlingDepartment"),
            ],
            diff.Changes.Select(c => (c.Kind, c.Element, c.Path, c.Before, c.After)).ToList());
        Assert.Equal(
            [
                "数据字段 description（线索描述）的个人信息标记由 false 改为 true",
                "数据字段 dismissalGround（线索不予处理的理由）新增取值 withdrawn（举报人撤回）",
                "文书 referralLetter（线索移送函）新增角色 handlingDepartment",
                "触发器 OpenCase（立案）删除输入字段 estimatedDamage",
                "触发器 IssueOpinionLetter（出具赔偿意见书并启动磋商）新增必备文书 appraisalOpinion",
                "案件发起删除角色 procuratorate",
                "状态 LitigationDecision（诉讼决定）的流转 FileLawsuit（提起生态环境损害赔偿诉讼）删除动作 copyTo:procuratorate",
                "状态 LitigationDecision（诉讼决定）的流转 FileLawsuit（提起生态环境损害赔偿诉讼）新增动作 notify:obligor",
                "状态 Performance（履行与修复）的子流程调用的子流程结果 NotPerformed的判定规则由 any 改为 all",
                "状态 Performance（履行与修复）的子流程调用的子流程结果 Completed的判定规则由 all 改为 any",
                "状态 PaymentOrderReview（支付令审查）的期限 paymentOrderIssue（受理后15日内发出支付令）的期间由 15d 改为 10wd",
                "状态 PaymentOrderReview（支付令审查）的期限 paymentOrderIssue（受理后15日内发出支付令）的逾期移交监督由 handlingDepartment 改为 procuratorate",
                "状态 Enforcement（强制执行）的负责角色由 court 改为 handlingDepartment",
            ],
            diff.Describe("zh"));
        Assert.Equal(
            "Escalation on overdue of deadline paymentOrderIssue (Order issued within 15 days of acceptance) of state PaymentOrderReview (Court reviewing the application) "
                + "changed from handlingDepartment to procuratorate",
            diff.Changes[11].Describe("en"));
        Assert.Equal("Role procuratorate removed from start", diff.Changes[5].Describe("en"));
    }
}
