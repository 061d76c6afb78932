namespace CustomerRisk.Application.Ports;

/// <summary>The state of the database a kept work queue is computed from (<see cref="IWorkQueueStore.ReadStateAsync"/>).</summary>
/// <param name="DataVersion">Committed imports and assessment runs ("imports:runs"): any change recomputes the whole list.</param>
/// <param name="AlertsVersion">The set of open or acknowledged extreme alerts (their count and ids): any change
/// recomputes the whole list (an assessment run synchronises the alerts after it commits).</param>
/// <param name="DecisionSeq">The newest audit record of a decision that changes one customer's row; the customers
/// decided on since the kept list are computed again.</param>
public sealed record WorkQueueState(string DataVersion, string AlertsVersion, long DecisionSeq);
