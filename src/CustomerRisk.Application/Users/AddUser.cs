using System.Text.RegularExpressions;
using CustomerRisk.Application.Ports;

namespace CustomerRisk.Application.Users;

/// <summary>Add a user.</summary>
/// <param name="UserName">1–64 letters, digits and . _ - @.</param>
/// <param name="Role">A role code (admin, credit_manager, analyst, collector, sales).</param>
/// <param name="SalesOwner">Required for sales (the customers.sales_owner they see), refused for other roles.</param>
/// <param name="Password">At least 12 characters.</param>
/// <param name="Actor">Who adds the user (the signed-in admin); null on the command line (<see cref="UserAudit.CommandLine"/>).</param>
public sealed record AddUserRequest(string UserName, string Role, string? SalesOwner, string Password, string? Actor = null);

/// <summary>The add-user use case, shared by `crisk users add` and POST /api/users; the user and its <c>user.add</c>
/// audit record (never the password or its hash) are stored together.</summary>
public static partial class AddUser
{
    /// <exception cref="UserRequestException">A bad name, role, owner or password, or a taken name.</exception>
    public static async Task<UserAccount> HandleAsync(AddUserRequest request, IUserStore store, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        CheckName(request.UserName);
        var (role, owner) = RoleAndOwner(request.Role, request.SalesOwner);
        if (PasswordHashing.Weakness(request.Password) is { } weakness)
        {
            throw new UserRequestException(weakness);
        }

        var user = new UserAccount
        {
            UserName = request.UserName,
            PasswordHash = PasswordHashing.Hash(request.Password),
            Role = role,
            SalesOwner = owner,
            CreatedAt = clock.GetUtcNow(),
        };
        if (!await store.AddAsync(user, UserAudit.Added(user, request.Actor), cancellationToken).ConfigureAwait(false))
        {
            throw new UserRequestException($"A user named '{request.UserName}' exists already.");
        }

        return user;
    }

    /// <summary>Parses a role code and checks the sales owner that goes with it: required for sales (trimmed, at most
    /// 200 characters), refused for every other role.</summary>
    /// <exception cref="UserRequestException">An unknown role, or an owner missing or not allowed.</exception>
    public static (UserRole Role, string? SalesOwner) RoleAndOwner(string? roleCode, string? salesOwner)
    {
        if (!UserRoles.TryParse(roleCode, out var role))
        {
            throw new UserRequestException($"Unknown role '{roleCode}': use one of {string.Join(", ", UserRoles.AllCodes)}.");
        }

        var owner = string.IsNullOrWhiteSpace(salesOwner) ? null : salesOwner.Trim();
        if (role == UserRole.Sales && owner is null)
        {
            throw new UserRequestException("A sales user needs --owner: the sales_owner name whose customers they see.");
        }

        if (role != UserRole.Sales && owner is not null)
        {
            throw new UserRequestException("Only a sales user has an owner; other roles see every customer.");
        }

        if (owner is { Length: > 200 })
        {
            throw new UserRequestException("The owner name has more than 200 characters.");
        }

        return (role, owner);
    }

    /// <summary>Throws when the name is not 1–64 letters, digits and . _ - @.</summary>
    public static void CheckName(string? userName)
    {
        if (userName is null || !NamePattern().IsMatch(userName))
        {
            throw new UserRequestException("A user name has 1–64 characters: letters, digits and . _ - @.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
