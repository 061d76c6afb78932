using System.Globalization;
using CustomerRisk.Domain;

namespace CustomerRisk.Storage.Schema;

/// <summary>The imported tables. Column names are the import format's (spec/data-formats.md), except interactions'
/// <c>event_date</c> and expert scores' <c>score_date</c> (<c>date</c> is a keyword in SQL).</summary>
internal static class Shapes
{
    private static Column Text(string name, bool required = false) => new(name, ColumnKind.Text, required);

    private static Column Int(string name) => new(name, ColumnKind.Integer, true);

    private static Column Date(string name, bool required = true) => new(name, ColumnKind.Date, required);

    private static Column Money(string name, bool required = true) => new(name, ColumnKind.Money, required);

    private static Column Code(string name, bool required = false) => new(name, ColumnKind.Code, required);

    public static readonly TableShape<Customer> Customers = new()
    {
        Table = "customers",
        SurrogateKey = "customer_key",
        HasCustomerKey = false,
        Key = ["customer_id"],
        Columns =
        [
            Text("customer_id", true), Text("name", true), Text("industry"), Text("region"), Text("sales_owner"),
            Money("annual_revenue", false), Money("credit_limit", false), Int("payment_terms_days"),
            Code("product_focus"), Date("customer_since", false),
        ],
        CustomerId = r => r.CustomerId,
        DescribeKey = r => $"customer {r.CustomerId}",
        Write = (r, s) =>
        {
            s.Text(r.CustomerId);
            s.Text(r.Name);
            s.Text(r.Industry);
            s.Text(r.Region);
            s.Text(r.SalesOwner);
            s.Money(r.AnnualRevenue);
            s.Money(r.CreditLimit);
            s.Integer(r.PaymentTermsDays);
            s.Text(r.ProductFocus is { } focus ? StoredCodes.Of(focus) : null);
            s.Date(r.CustomerSince);
        },
    };

    public static readonly TableShape<Invoice> Invoices = new()
    {
        Table = "invoices",
        SurrogateKey = "invoice_key",
        HasCustomerKey = true,
        Key = ["invoice_id"],
        Columns =
        [
            Text("invoice_id", true), Text("customer_id", true), Date("issue_date"), Date("due_date"), Money("amount"),
            Text("currency"),
        ],
        CustomerId = r => r.CustomerId,
        DescribeKey = r => $"invoice {r.InvoiceId}",
        Write = (r, s) =>
        {
            s.Text(r.InvoiceId);
            s.Text(r.CustomerId);
            s.Date(r.IssueDate);
            s.Date(r.DueDate);
            s.Money(r.Amount);
            s.Text(r.Currency);
        },
    };

    public static readonly TableShape<Payment> Payments = new()
    {
        Table = "payments",
        SurrogateKey = "payment_key",
        HasCustomerKey = true,
        Key = ["payment_id"],
        Columns =
        [
            Text("payment_id", true), Text("customer_id", true), Date("payment_date"), Money("amount"),
            Text("invoice_id"),
        ],
        CustomerId = r => r.CustomerId,
        DescribeKey = r => $"payment {r.PaymentId}",
        Write = (r, s) =>
        {
            s.Text(r.PaymentId);
            s.Text(r.CustomerId);
            s.Date(r.PaymentDate);
            s.Money(r.Amount);
            s.Text(r.InvoiceId);
        },
    };

    public static readonly TableShape<Claim> Claims = new()
    {
        Table = "claims",
        SurrogateKey = "claim_key",
        HasCustomerKey = true,
        Key = ["claim_id"],
        Columns =
        [
            Text("claim_id", true), Text("customer_id", true), Date("claim_date"), Money("amount"), Text("invoice_id"),
            Code("reason"),
        ],
        CustomerId = r => r.CustomerId,
        DescribeKey = r => $"claim {r.ClaimId}",
        Write = (r, s) =>
        {
            s.Text(r.ClaimId);
            s.Text(r.CustomerId);
            s.Date(r.ClaimDate);
            s.Money(r.Amount);
            s.Text(r.InvoiceId);
            s.Text(r.Reason is { } reason ? StoredCodes.Of(reason) : null);
        },
    };

    public static readonly TableShape<SalesOrder> Orders = new()
    {
        Table = "sales_orders",
        SurrogateKey = "order_key",
        HasCustomerKey = true,
        Key = ["order_id"],
        Columns =
        [
            Text("order_id", true), Text("customer_id", true), Date("order_date"), Money("amount"), Code("status", true),
        ],
        CustomerId = r => r.CustomerId,
        DescribeKey = r => $"order {r.OrderId}",
        Write = (r, s) =>
        {
            s.Text(r.OrderId);
            s.Text(r.CustomerId);
            s.Date(r.OrderDate);
            s.Money(r.Amount);
            s.Text(StoredCodes.Of(r.Status));
        },
    };

    public static readonly TableShape<Interaction> Interactions = new()
    {
        Table = "interactions",
        SurrogateKey = "event_key",
        HasCustomerKey = true,
        Key = ["event_id"],
        Columns =
        [
            Text("event_id", true), Text("customer_id", true), Date("event_date"), Code("type", true),
            Money("amount", false), Text("note"),
        ],
        CustomerId = r => r.CustomerId,
        DescribeKey = r => $"interaction {r.EventId}",
        Write = (r, s) =>
        {
            s.Text(r.EventId);
            s.Text(r.CustomerId);
            s.Date(r.Date);
            s.Text(StoredCodes.Of(r.Type));
            s.Money(r.Amount);
            s.Text(r.Note);
        },
    };

    public static readonly TableShape<FinancialStatement> Financials = new()
    {
        Table = "financials",
        SurrogateKey = "financial_key",
        HasCustomerKey = true,
        Key = ["customer_id", "period_end"],
        Columns =
        [
            Text("customer_id", true), Date("period_end"), Money("revenue", false), Money("net_income", false),
            Money("total_assets", false), Money("total_liabilities", false), Money("current_assets", false),
            Money("current_liabilities", false), Money("operating_cash_flow", false),
        ],
        CustomerId = r => r.CustomerId,
        DescribeKey = r => $"financial statement {r.CustomerId} {r.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
        Write = (r, s) =>
        {
            s.Text(r.CustomerId);
            s.Date(r.PeriodEnd);
            s.Money(r.Revenue);
            s.Money(r.NetIncome);
            s.Money(r.TotalAssets);
            s.Money(r.TotalLiabilities);
            s.Money(r.CurrentAssets);
            s.Money(r.CurrentLiabilities);
            s.Money(r.OperatingCashFlow);
        },
    };

    public static readonly TableShape<ExpertScore> ExpertScores = new()
    {
        Table = "expert_scores",
        SurrogateKey = "expert_score_key",
        HasCustomerKey = true,
        Key = ["customer_id", "round", "expert_id", "criterion"],
        Columns =
        [
            Text("customer_id", true), Int("round"), Text("expert_id", true), Code("criterion", true),
            Date("score_date"), Int("score"),
        ],
        CustomerId = r => r.CustomerId,
        DescribeKey = r => $"expert score {r.CustomerId} round {r.Round} {r.ExpertId} {StoredCodes.Of(r.Criterion)}",
        Write = (r, s) =>
        {
            s.Text(r.CustomerId);
            s.Integer(r.Round);
            s.Text(r.ExpertId);
            s.Text(StoredCodes.Of(r.Criterion));
            s.Date(r.Date);
            s.Integer(r.Score);
        },
    };
}
