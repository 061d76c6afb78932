namespace CustomerRisk.Application.Demo;

/// <summary>The files the demo writes and their headers: exactly the columns of spec/data-formats.md.</summary>
internal static class DemoFiles
{
    public const int Customers = 0;
    public const int Invoices = 1;
    public const int Payments = 2;
    public const int Claims = 3;
    public const int Orders = 4;
    public const int Interactions = 5;
    public const int Financials = 6;
    public const int ExpertScores = 7;
    public const int Count = 8;

    public static readonly string[] Names =
    [
        "customers.csv", "invoices.csv", "payments.csv", "claims.csv", "orders.csv", "interactions.csv",
        "financials.csv", "expert_scores.csv",
    ];

    public static readonly string[][] Headers =
    [
        ["customer_id", "name", "industry", "region", "sales_owner", "annual_revenue", "credit_limit",
            "payment_terms_days", "product_focus", "customer_since"],
        ["invoice_id", "customer_id", "issue_date", "due_date", "amount", "currency"],
        ["payment_id", "customer_id", "payment_date", "amount", "invoice_id"],
        ["claim_id", "customer_id", "claim_date", "amount", "invoice_id", "reason"],
        ["order_id", "customer_id", "order_date", "amount", "status"],
        ["event_id", "customer_id", "date", "type", "amount", "note"],
        ["customer_id", "period_end", "revenue", "net_income", "total_assets", "total_liabilities",
            "current_assets", "current_liabilities", "operating_cash_flow"],
        ["customer_id", "round", "expert_id", "date", "criterion", "score"],
    ];
}
