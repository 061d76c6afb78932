namespace CustomerRisk.Application.Users;

/// <summary>A user request that cannot be carried out as asked (a bad name, role or password, a taken name, an
/// unknown user). Nothing was changed. The command line exits with code 2; the server answers 400.</summary>
public sealed class UserRequestException : Exception
{
    public UserRequestException(string message)
        : base(message)
    {
    }

    public UserRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
