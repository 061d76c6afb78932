namespace CustomerRisk.Application.Users;

/// <summary>A user request that cannot be carried out as asked (a bad name, role or password, a taken name, an
/// unknown user, the last admin). Nothing was changed. The command line exits with code 2; the server answers 400,
/// or 404 and 409 as <see cref="Failure"/> says.</summary>
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

    public UserRequestException(string message, UserRequestFailure failure)
        : base(message)
    {
        Failure = failure;
    }

    /// <summary>Why the request was refused; <see cref="UserRequestFailure.Invalid"/> unless said otherwise.</summary>
    public UserRequestFailure Failure { get; }
}
