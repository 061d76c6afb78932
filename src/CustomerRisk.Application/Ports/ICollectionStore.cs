using CustomerRisk.Application.Collections;
using CustomerRisk.Domain;

namespace CustomerRisk.Application.Ports;

/// <summary>Collection actions and promises to pay. Behaviour rows passed along are written to the interactions
/// table (upserted by event_id) in the same transaction, so the behaviour indicators count them.</summary>
public interface ICollectionStore
{
    /// <summary>Saves an action (and its interaction, when any) and gives it back with its id. The interaction's
    /// event_id may contain <c>{id}</c>, replaced by the new id.</summary>
    /// <param name="action">The action; its id is ignored.</param>
    /// <param name="behaviour">The interaction row, or null.</param>
    /// <param name="audit">The audit record of the saved action, appended in the same transaction.</param>
    /// <param name="cancellationToken">Cancels before the commit.</param>
    Task<CollectionAction> SaveActionAsync(CollectionAction action, Interaction? behaviour, Func<CollectionAction, AuditEntry> audit,
        CancellationToken cancellationToken = default);

    /// <summary>Saves a new promise (and its interaction) and gives it back with its id; <c>{id}</c> as above. The
    /// audit record of the saved promise is appended in the same transaction.</summary>
    Task<PaymentPromise> SavePromiseAsync(PaymentPromise promise, Interaction? behaviour, Func<PaymentPromise, AuditEntry> audit,
        CancellationToken cancellationToken = default);

    /// <summary>Saves evaluated promises (status, paid amount, settled date), their interactions and the audit records
    /// of the settled ones together.</summary>
    Task SavePromiseOutcomesAsync(IReadOnlyList<PaymentPromise> promises, IReadOnlyList<Interaction> behaviour,
        IReadOnlyList<AuditEntry> audit, CancellationToken cancellationToken = default);

    /// <summary>Actions of a customer (or all), newest first.</summary>
    Task<IReadOnlyList<CollectionAction>> ReadActionsAsync(string? customerId, CancellationToken cancellationToken = default);

    /// <summary>Promises of a customer (or all) with a status (or any), by pay-by date.</summary>
    Task<IReadOnlyList<PaymentPromise>> ReadPromisesAsync(string? customerId, PromiseStatus? status, CancellationToken cancellationToken = default);

    /// <summary>The customer's payments dated from <paramref name="from"/> through <paramref name="to"/>, summed.</summary>
    Task<decimal> SumPaymentsAsync(string customerId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default);
}
