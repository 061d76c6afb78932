using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CustomerRisk.Application.Users;

/// <summary>Password hashes: PBKDF2 with HMAC-SHA256, a random 16-byte salt per user and 600,000 iterations (OWASP's
/// 2023 figure for PBKDF2-SHA256), stored as <c>pbkdf2-sha256$ITERATIONS$SALT$HASH</c> (salt and hash in base64).
/// The iteration count is stored with the hash, so it can be raised later without invalidating old hashes.</summary>
public static class PasswordHashing
{
    /// <summary>Iterations of new hashes.</summary>
    public const int Iterations = 600_000;

    /// <summary>Fewest iterations a stored hash may claim; a weaker hash never verifies.</summary>
    public const int MinimumIterations = 600_000;

    /// <summary>Shortest password accepted, in characters.</summary>
    public const int MinimumLength = 12;

    /// <summary>Longest password accepted, in characters (a cap, so hashing cannot be made expensive).</summary>
    public const int MaximumLength = 1024;

    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    // Hashed when a user name is unknown, so that the answer takes as long as for a known one.
    private static readonly string s_decoy = Hash("decoy-password-for-unknown-users");

    /// <summary>Hashes a password with a new random salt.</summary>
    public static string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="password"/> matches <paramref name="stored"/>; compared in constant time.
    /// A malformed stored value or one with fewer than <see cref="MinimumIterations"/> never matches.</summary>
    public static bool Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (password.Length > MaximumLength || !TryParse(stored, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    /// <summary>Spends the time of one verification and returns false: for a user name that does not exist.</summary>
    public static bool VerifyDecoy(string password) => Verify(password.Length > MaximumLength ? string.Empty : password, s_decoy) && false;

    /// <summary>Null when the password is acceptable, else the reason.</summary>
    public static string? Weakness(string? password) => password switch
    {
        null or "" => "The password is empty.",
        { Length: < MinimumLength } => $"The password must have at least {MinimumLength} characters.",
        { Length: > MaximumLength } => $"The password must have at most {MaximumLength} characters.",
        _ when string.IsNullOrWhiteSpace(password) => "The password is only spaces.",
        _ => null,
    };

    private static bool TryParse(string? stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored?.Split('$');
        if (parts is not { Length: 4 } || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out iterations)
            || iterations < MinimumIterations)
        {
            return false;
        }

        try
        {
            salt = Convert.FromBase64String(parts[2]);
            hash = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            return false;
        }

        return salt.Length >= SaltBytes && hash.Length == HashBytes;
    }
}
