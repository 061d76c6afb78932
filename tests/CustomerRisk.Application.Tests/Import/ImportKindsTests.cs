using CustomerRisk.Application.Import;

namespace CustomerRisk.Application.Tests.Import;

public sealed class ImportKindsTests
{
    [Theory]
    [InlineData("customers.csv", ImportKind.Customers)]
    [InlineData("/data/2026/Invoices.XLSX", ImportKind.Invoices)]
    [InlineData("invoices_2026.csv", ImportKind.Invoices)]
    [InlineData("payments-march.xlsx", ImportKind.Payments)]
    [InlineData("claims.csv", ImportKind.Claims)]
    [InlineData("orders_open.csv", ImportKind.Orders)]
    [InlineData("interactions.csv", ImportKind.Interactions)]
    [InlineData("financials_2025.csv", ImportKind.Financials)]
    [InlineData("expert_scores.csv", ImportKind.ExpertScores)]
    [InlineData("expert_scores_round2.csv", ImportKind.ExpertScores)]
    public void KindIsTakenFromTheFileName(string path, ImportKind expected)
    {
        Assert.True(ImportKinds.TryFromFileName(path, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData("invoices.rejects.csv")]
    [InlineData("invoicesx.csv")]
    [InlineData("my_invoices.csv")]
    [InlineData("expert.csv")]
    [InlineData("ledger.csv")]
    public void NameThatNamesNoKind_HasNoKind(string path) =>
        Assert.False(ImportKinds.TryFromFileName(path, out _));

    [Fact]
    public void CodesRoundTrip()
    {
        foreach (var kind in Enum.GetValues<ImportKind>())
        {
            Assert.True(ImportKinds.TryParse(kind.ToCode(), out var parsed));
            Assert.Equal(kind, parsed);
        }
    }
}
