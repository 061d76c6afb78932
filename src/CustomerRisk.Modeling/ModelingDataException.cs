namespace CustomerRisk.Modeling;

/// <summary>
/// The input cannot be used to train or score a model: a malformed file, a target that is not binary, a column that
/// carries no information, too few rows. The message says what is wrong and where, in words a user can act on.
/// </summary>
public sealed class ModelingDataException : Exception
{
    /// <summary>Creates the exception with a message naming the problem.</summary>
    /// <param name="message">What is wrong with the input, naming the column or line.</param>
    public ModelingDataException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the error that revealed it.</summary>
    /// <param name="message">What is wrong with the input.</param>
    /// <param name="innerException">The underlying error.</param>
    public ModelingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
