using CustomerRisk.Application.Users;

namespace CustomerRisk.Application.Tests.Users;

/// <summary>API tokens: 32 random bytes after a recognisable prefix; only the SHA-256 is ever stored.</summary>
public sealed class ApiTokensTests
{
    [Fact]
    public void NewToken_IsThePrefixAnd43Base64UrlCharacters_AndNeverRepeats()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => ApiTokens.NewToken()).ToArray();

        Assert.All(tokens, token => Assert.True(ApiTokens.LooksLikeToken(token), token));
        Assert.All(tokens, token => Assert.Equal(49, token.Length));
        Assert.Equal(tokens.Length, tokens.Distinct().Count());
    }

    [Fact]
    public void HashOf_IsTheLowerCaseHexSha256()
    {
        // SHA-256("abc") from FIPS 180-2, appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiTokens.HashOf("abc"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("crisk_")]
    [InlineData("crisk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("crisk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("crisk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("other_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("crisk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'")]
    public void LooksLikeToken_RefusesAnythingElse(string text)
    {
        Assert.False(ApiTokens.LooksLikeToken(text));
    }
}
