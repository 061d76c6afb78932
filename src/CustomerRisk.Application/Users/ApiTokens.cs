using System.Security.Cryptography;
using System.Text;

namespace CustomerRisk.Application.Users;

/// <summary>API tokens: <c>crisk_</c> followed by 32 random bytes in base64url (43 characters). The token is shown
/// once; only its SHA-256 is stored (a token has 256 bits of entropy, so a fast hash is enough: unlike a password it
/// cannot be guessed from a dictionary).</summary>
public static class ApiTokens
{
    /// <summary>What every token starts with, so that a leaked token is recognisable (and can be scanned for).</summary>
    public const string Prefix = "crisk_";

    /// <summary>A new random token.</summary>
    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The SHA-256 of a token, 64 lower-case hex digits.</summary>
    public static string HashOf(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>How many hex digits of the SHA-256 make a token's public id.</summary>
    public const int IdLength = 12;

    /// <summary>The public id of a token from its SHA-256: its first <see cref="IdLength"/> hex digits.</summary>
    public static string IdOf(string tokenHash)
    {
        ArgumentNullException.ThrowIfNull(tokenHash);
        return tokenHash.Length <= IdLength ? tokenHash : tokenHash[..IdLength];
    }

    /// <summary>True when the text has the shape of a token id (12 lower-case hex digits).</summary>
    public static bool LooksLikeId(string? text) =>
        text is { Length: IdLength } && text.AsSpan().IndexOfAnyExcept("0123456789abcdef") < 0;

    /// <summary>True when the text has the shape of a token (checked before any store look-up).</summary>
    public static bool LooksLikeToken(string? text) =>
        text is { Length: 49 } && text.StartsWith(Prefix, StringComparison.Ordinal)
        && text.AsSpan(Prefix.Length).IndexOfAnyExcept("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") < 0;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
