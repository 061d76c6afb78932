namespace CustomerRisk.Server.Apis;

/// <summary>A page of a list: its rows, the number of rows in the whole list, the page (from 1) and its size.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
