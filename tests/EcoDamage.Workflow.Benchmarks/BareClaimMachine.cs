using EcoDamage.Workflow.Engine.Definitions;
using Stateless;

namespace EcoDamage.Workflow.Benchmarks;

/// <summary>States of the claim definition, as an enum for the bare Stateless baseline.</summary>
public enum ClaimState
{
    ClueScreening, Referred, PreliminaryCheck, NotStarted, UnderSupervision, Claim, Investigation, DamageAssessment,
    SimplifiedAssessment, Appraisal, ConsultationPreparation, Consultation, AgreementReached, JudicialConfirmation,
    CourtNotice, AwaitingRuling, LitigationDecision, Litigation, Performance, NonPerformance, PaymentOrder,
    PaymentOrderReview, DebtorPeriod, Enforcement, FundsSettlement, ClosureReview, ClueDismissed, NotStartedArchived,
    Terminated, PublicInterestLitigationRequested, DismissedByCourt, Closed,
    PreliminaryCheckPeriod, AwaitingPublication, PaymentOrderApplied,
    PayingInstalments,
}

/// <summary>Triggers of the claim definition, as an enum for the bare Stateless baseline.</summary>
public enum ClaimTrigger
{
    StartPreliminaryCheck, DismissClue, Refer, AcceptReferral, OpenCase, DecideNotToStart, UrgeToStart, OrderToStart,
    ConfirmNotStarting, Archive, CompleteInvestigation, UseSimplifiedProcedure, CommissionAppraisal, DeliverAppraisal,
    ClaimPunitiveDamages, IssueOpinionLetter, ConsultationAgreed, ConsultationFailed, ApplyJudicialConfirmation,
    NoticePeriodEnded, RuleAgreementValid, RuleAgreementInvalid, PerformWithoutConfirmation, FileLawsuit,
    RequestPublicInterestLitigation, DeliverJudgment, DismissLawsuit, RepairDone, RepairNotPerformed, ApplyEnforcement,
    ApplyPaymentOrder, IssuePaymentOrder, DebtorObjects, PaymentOrderEffective, EnforcementCompleted, RecordPayment,
    CloseCase, Terminate,
    DeclineReferral, ReturnReferral, PublishNotice, AcceptPaymentOrderApplication, DebtorPaid,
    ArrangeInstalments, PayInstalment, InstalmentsCompleted, InstalmentMissed,
    DeclareDefault, DesignateCollection, RecordCredit, RecordInKind, DepositInEscrow, ReleaseEscrow, NameParties,
    ReviewClosure, RecordLeniency, Disclose,
}

/// <summary>
/// The baseline: one <see cref="StateMachine{TState,TTrigger}"/> over enums, configured once with the
/// claim definition's structure (every state, substate, initial sub-state and transition, in the
/// same Permit/PermitReentry/InternalTransition forms the engine uses), guards as simple bool
/// lambdas, entry/exit recorded in lists, and the firing mode the engine's pooled machines use.
/// </summary>
public sealed class BareClaimMachine
{
    private readonly StateMachine<ClaimState, ClaimTrigger> _machine;
    private ClaimState _state;

    public BareClaimMachine(WorkflowDefinition claim, ClaimState initial)
    {
        Initial = initial;
        _state = initial;
        _machine = new StateMachine<ClaimState, ClaimTrigger>(() => _state, s => _state = s, FiringMode.Queued);
        Configure(claim.States, null);
    }

    public ClaimState Initial { get; }

    public ClaimState State => _state;

    /// <summary>What every declared guard returns (the path's guards all hold).</summary>
    public bool GuardsHold { get; set; } = true;

    public List<ClaimState> Entered { get; } = [];

    public List<ClaimState> Exited { get; } = [];

    /// <summary>The measured operation: from the initial state, fires the triggers in order.</summary>
    public ClaimState Run(ClaimTrigger[] triggers)
    {
        _state = Initial;
        for (var i = 0; i < triggers.Length; i++)
        {
            Entered.Clear();
            Exited.Clear();
            _machine.Fire(triggers[i]);
        }

        return _state;
    }

    private void Configure(IReadOnlyList<StateDefinition> states, ClaimState? parent)
    {
        foreach (var state in states)
        {
            var id = Enum.Parse<ClaimState>(state.Id);
            var cfg = _machine.Configure(id);
            if (parent is { } p)
            {
                cfg.SubstateOf(p);
            }

            if (state.Substates.Count > 0 && state.Initial is { } initial)
            {
                cfg.InitialTransition(Enum.Parse<ClaimState>(initial.Text));
            }

            cfg.OnEntry(() => Entered.Add(id));
            cfg.OnExit(() => Exited.Add(id));
            foreach (var t in state.Transitions)
            {
                var trigger = Enum.Parse<ClaimTrigger>(t.Trigger.Text);
                Func<bool> guard = t.Guard is null ? () => true : () => GuardsHold;
                if (t.Target is null)
                {
                    cfg.InternalTransitionIf(trigger, _ => guard(), () => { });
                }
                else if (t.Target.Value.Text == state.Id)
                {
                    cfg.PermitReentryIf(trigger, guard);
                }
                else
                {
                    cfg.PermitIf(trigger, Enum.Parse<ClaimState>(t.Target.Value.Text), guard);
                }
            }

            Configure(state.Substates, id);
        }
    }
}
