namespace CustomerRisk.Application.Customers;

/// <summary>One page of the customer list and how many customers match in all.</summary>
public sealed record CustomerPage(IReadOnlyList<CustomerListItem> Items, int Total, int Page, int PageSize);
