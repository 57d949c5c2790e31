using static EcoDamage.Workflow.Engine.Tests.Validation.DefinitionFixture;

namespace EcoDamage.Workflow.Engine.Tests.Validation;

/// <summary>Deadlines declared on transitions are checked like state deadlines, in their target state.</summary>
public sealed class TransitionDeadlineRuleTests
{
    private const string SubmitLine = "      Submit: Review\n";

    [Fact]
    public void Load_TransitionDeadlineWithoutOverdueAction_ReportsWF040AtTheDeadline()
    {
        var definition = With(SubmitLine, """
                  Submit:
                    to: Review
                    deadlines:
                      answer: { zh: 答复, en: Answer, period: 5d }

            """);

        AssertProblems(
            Load(definition).Problems,
            ("WF040", 27, 11, "deadline 'answer' has no overdue action (escalate, fire or both)"));
    }

    [Fact]
    public void Load_TransitionDeadlineFiringTriggerItsTargetHandles_Loads()
    {
        var definition = With(SubmitLine, """
                  Submit:
                    to: Review
                    deadlines:
                      answer: { zh: 答复, en: Answer, period: 5d, overdue: { fire: Expire } }

            """);

        Assert.True(Load(definition).Success);
    }

    [Fact]
    public void Load_TransitionDeadlineFiringTriggerItsTargetIgnores_ReportsWF042()
    {
        var definition = With(SubmitLine, """
                  Submit:
                    to: Review
                    deadlines:
                      answer: { zh: 答复, en: Answer, period: 5d, overdue: { fire: Submit } }

            """);

        AssertProblems(
            Load(definition).Problems,
            ("WF044", 27, 70, "deadline 'answer' fires 'Submit', whose roles do not include 'system'"),
            ("WF042", 27, 70, "deadline 'answer' fires 'Submit', which state 'Review' does not handle"));
    }

    [Fact]
    public void Load_DeadlineIdUsedTwiceInTheDefinition_ReportsWF010AtTheSecond()
    {
        var definition = With(SubmitLine, """
                  Submit:
                    to: Review
                    deadlines:
                      review: { zh: 答复, en: Answer, period: 5d, overdue: { fire: Expire } }

            """);

        AssertProblems(
            Load(definition).Problems,
            ("WF010", 33, 7, "deadline id 'review' is declared more than once in the definition"));
    }
}
