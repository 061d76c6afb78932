namespace CustomerRisk.Application.Collections;

/// <summary>Whether a promise to pay was kept, as of a date, from the cash received.</summary>
/// <remarks>Every payment the customer made from the day of the promise through the promised date counts, whatever
/// invoice it names: a promise is about cash, and a customer who pays a different invoice still paid. Kept as soon as
/// that cash reaches the amount (even before the promised date); broken when T is after the promised date and it has
/// not; open otherwise. A settled promise is never evaluated again.</remarks>
public static class PromiseEvaluator
{
    /// <summary>The promise's status as of <paramref name="asOf"/>, given the cash received in its window.</summary>
    /// <param name="promise">The promise.</param>
    /// <param name="paidInWindow">Payments dated from PromisedOn through min(PayBy, T), summed; 0 or more.</param>
    /// <param name="asOf">The evaluation date.</param>
    public static PaymentPromise Evaluate(PaymentPromise promise, decimal paidInWindow, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(promise);
        ArgumentOutOfRangeException.ThrowIfNegative(paidInWindow);
        if (promise.Status != PromiseStatus.Open)
        {
            return promise;
        }

        if (paidInWindow >= promise.Amount)
        {
            return promise with { Status = PromiseStatus.Kept, PaidAmount = paidInWindow, SettledOn = asOf };
        }

        return asOf > promise.PayBy
            ? promise with { Status = PromiseStatus.Broken, PaidAmount = paidInWindow, SettledOn = asOf }
            : promise with { PaidAmount = paidInWindow };
    }

    /// <summary>The last day of cash that counts as of <paramref name="asOf"/>: min(PayBy, T).</summary>
    public static DateOnly WindowEnd(PaymentPromise promise, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(promise);
        return promise.PayBy < asOf ? promise.PayBy : asOf;
    }
}
