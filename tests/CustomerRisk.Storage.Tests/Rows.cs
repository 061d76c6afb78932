using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Tests;

/// <summary>Small builders for the rows the tests import.</summary>
public static class Rows
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static Customer Customer(string id, string name = "Acme") => new() { CustomerId = id, Name = name };

    public static Invoice Invoice(string id, string customer, string issue, string due, decimal amount) => new()
    {
        InvoiceId = id, CustomerId = customer, IssueDate = D(issue), DueDate = D(due), Amount = amount,
    };

    public static Payment Payment(string id, string customer, string date, decimal amount, string? invoice = null) => new()
    {
        PaymentId = id, CustomerId = customer, PaymentDate = D(date), Amount = amount, InvoiceId = invoice,
    };
}
