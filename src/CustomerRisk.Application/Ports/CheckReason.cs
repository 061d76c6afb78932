namespace CustomerRisk.Application.Ports;

/// <summary>One reason of an order decision, as spec/cli.md prints it.</summary>
/// <param name="Rule">The rule id (<c>block_over_limit</c>, <c>review_grade</c>, …).</param>
/// <param name="Detail">The reason in words with its numbers.</param>
public sealed record CheckReason(string Rule, string Detail);
