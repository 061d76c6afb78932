using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>What the periodic-review schedule reads.</summary>
/// <param name="Grade">The grade now.</param>
/// <param name="PreviousGrade">The grade at the previous assessment, when any.</param>
/// <param name="LastReview">The date of the last review, when ever reviewed.</param>
/// <param name="CustomerSince">The date the relationship began, when known.</param>
/// <param name="HasExtremeAlert">Whether the customer has an open alert of severity extreme.</param>
public sealed record ReviewInputs(Grade Grade, Grade? PreviousGrade, DateOnly? LastReview, DateOnly? CustomerSince, bool HasExtremeAlert);
