using CustomerRisk.Domain;

namespace CustomerRisk.Policy;

/// <summary>A rating with its components, so a user sees why (spec/rating.md, <c>grade_components</c>).</summary>
/// <param name="Grade">The grade: A, B, C, D or N.</param>
/// <param name="Collection">The collection component, or null without data.</param>
/// <param name="Timeliness">The timeliness component, or null without data.</param>
/// <param name="Focus">The focus component, or null when product_focus is unknown.</param>
/// <param name="Vetoed">True when a component was D (一票否决).</param>
/// <param name="MeanScore">Mean of the present components (A=3, B=2, C=1); null for N and for a veto.</param>
public sealed record RatingResult(Grade Grade, Grade? Collection, Grade? Timeliness, Grade? Focus, bool Vetoed, decimal? MeanScore)
{
    /// <summary>The grade before the expert score moved it (equal to <see cref="Grade"/> when it did not).</summary>
    public Grade GradeBeforeExpert { get; init; } = Grade;

    /// <summary>Steps the expert score moved the grade: +1 up, −1 down, 0 none.</summary>
    public int ExpertStep { get; init; }
}
