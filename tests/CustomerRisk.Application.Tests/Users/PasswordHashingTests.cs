using System.Globalization;
using CustomerRisk.Application.Users;

namespace CustomerRisk.Application.Tests.Users;

/// <summary>PBKDF2-SHA256 password hashes: format, salt, iterations, and what never verifies.</summary>
public sealed class PasswordHashingTests
{
    private const string Password = "correct horse battery";
    private static readonly string Stored = PasswordHashing.Hash(Password);

    [Fact]
    public void Hash_HasTheSchemeIterationsSaltAndA32ByteHash()
    {
        var parts = Stored.Split('$');

        Assert.Equal("pbkdf2-sha256", parts[0]);
        Assert.Equal(600_000, int.Parse(parts[1], CultureInfo.InvariantCulture));
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
    }

    [Fact]
    public void Hash_OfTheSamePasswordTwice_DiffersByItsSalt()
    {
        Assert.NotEqual(Stored, PasswordHashing.Hash(Password));
    }

    [Fact]
    public void Verify_AcceptsThePassword_AndRefusesAnyOther()
    {
        Assert.True(PasswordHashing.Verify(Password, Stored));
        Assert.False(PasswordHashing.Verify(Password + " ", Stored));
        Assert.False(PasswordHashing.Verify("Correct horse battery", Stored));
    }

    [Fact]
    public void Verify_RefusesAHashWithFewerThan600000Iterations_EvenWhenThePasswordMatches()
    {
        var salt = new byte[16];
        var weak = System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(Password), salt, 599_999,
            System.Security.Cryptography.HashAlgorithmName.SHA256, 32);

        Assert.False(PasswordHashing.Verify(Password, $"pbkdf2-sha256$599999${Convert.ToBase64String(salt)}${Convert.ToBase64String(weak)}"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("pbkdf2-sha256$600000$not base64$AAAA")]
    [InlineData("pbkdf2-sha256$abc$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")]
    [InlineData("md5$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("pbkdf2-sha256$600000$AAAAAAAAAAAAAAAAAAAAAA==$AAAA")]
    public void Verify_OfAMalformedStoredValue_IsFalseNotAnError(string stored)
    {
        Assert.False(PasswordHashing.Verify(Password, stored));
    }

    [Theory]
    [InlineData(null, "The password is empty.")]
    [InlineData("", "The password is empty.")]
    [InlineData("elevenchars", "at least 12")]
    [InlineData("            ", "only spaces")]
    public void Weakness_NamesWhatIsWrong(string? password, string reason)
    {
        Assert.Contains(reason, PasswordHashing.Weakness(password), StringComparison.Ordinal);
    }

    [Fact]
    public void Weakness_AtTheLimits()
    {
        Assert.Null(PasswordHashing.Weakness("twelve chars"));
        Assert.Null(PasswordHashing.Weakness(new string('x', 1024)));
        Assert.NotNull(PasswordHashing.Weakness(new string('x', 1025)));
    }
}
