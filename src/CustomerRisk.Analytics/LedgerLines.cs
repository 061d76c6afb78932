using CustomerRisk.Domain;

namespace CustomerRisk.Analytics;

/// <summary>An invoice as the indicators need it. Money in the portfolio currency.</summary>
/// <param name="IssueDate">The date the invoice was issued.</param>
/// <param name="DueDate">The date it falls due; not before the issue date.</param>
/// <param name="Amount">Invoice amount, greater than 0.</param>
public readonly record struct InvoiceLine(DateOnly IssueDate, DateOnly DueDate, decimal Amount);

/// <summary>A payment as the indicators need it.</summary>
/// <param name="PaymentDate">The date the cash was received.</param>
/// <param name="Amount">Amount received, greater than 0.</param>
/// <param name="InvoiceIndex">Index into <see cref="CustomerLedger.Invoices"/> of the invoice the payment names, or
/// -1 when it names none (or names an invoice the customer does not have): then it is applied oldest-first.</param>
public readonly record struct PaymentLine(DateOnly PaymentDate, decimal Amount, int InvoiceIndex);

/// <summary>A claim (money conceded) as the indicators need it.</summary>
/// <param name="ClaimDate">The date of the claim.</param>
/// <param name="Amount">Amount conceded, greater than 0.</param>
public readonly record struct ClaimLine(DateOnly ClaimDate, decimal Amount);

/// <summary>A sales order as the indicators need it.</summary>
/// <param name="OrderDate">The date the order was taken.</param>
/// <param name="Amount">Order amount.</param>
/// <param name="Status">Only open orders count in exposure.</param>
public readonly record struct OrderLine(DateOnly OrderDate, decimal Amount, OrderStatus Status);

/// <summary>A behaviour record as the indicators need it.</summary>
/// <param name="Date">The date of the event.</param>
/// <param name="Type">What happened.</param>
public readonly record struct InteractionLine(DateOnly Date, InteractionType Type);
