using CustomerRisk.Application.Reports;
using CustomerRisk.Policy;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.Reports;

/// <summary>Invariants of the escaping and of the value–loyalty grid for arbitrary input.</summary>
public sealed class ReportPropertyTests
{
    [Fact]
    public void Escaping_NeverLetsMarkupThrough()
    {
        var text = Gen.Elements('<', '>', '&', '"', '\'', '|', '*', '_', '`', '[', ']', '#', '\n', '\\', 'a', 'Z', '1', ' ', '.', 'é')
            .ArrayOf().Select(chars => new string(chars));

        Prop.ForAll(Arb.From(text), s =>
        {
            var html = HtmlReportWriter.H(s);
            var md = MarkdownReportWriter.Md(s);
            Assert.DoesNotContain('<', html);
            Assert.DoesNotContain('>', html);
            Assert.DoesNotContain('"', html);
            Assert.DoesNotContain('<', md);
            Assert.DoesNotContain('\n', md);
            // Every pipe is escaped, so a table cell can never be split.
            for (var i = 0; i < md.Length; i++)
            {
                if (md[i] == '|')
                {
                    Assert.True(i > 0 && md[i - 1] == '\\', $"unescaped pipe in {md}");
                }
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Grid_AccountsForEveryCustomerAndEveryReceivable_OnceEach()
    {
        var customer = Gen.Choose(0, 1_000_000).SelectMany(_ => Gen.Choose(0, 100_000), (sales, ar) => (sales, ar))
            .SelectMany(x => Gen.Elements("A", "B", "C", "D", "N"), (x, grade) => (x.sales, x.ar, grade))
            .SelectMany(x => Gen.Choose(-100, 100), (x, change) => (x.sales, x.ar, x.grade, change));

        Prop.ForAll(Arb.From(customer.ListOf()), list =>
        {
            var assessments = list.Select((c, i) => ValueLoyaltyGridTests.Assessment($"K{i}", sales: c.sales, grade: c.grade) with
            {
                OpenAr = c.ar,
                Exposure = c.ar,
                FrequencyChange = c.change / 100m,
            }).ToArray();
            var profiles = assessments.ToDictionary(a => a.CustomerId, a => new CustomerProfile { CustomerId = a.CustomerId, HistoryMonths = 30 });

            var classes = ValueLoyaltyGrid.Classify(assessments, profiles, CreditPolicy.Default);
            var grid = ValueLoyaltyGrid.Grid(classes, assessments, CreditPolicy.Default);
            var rows = ValueLoyaltyGrid.Classes(classes, assessments);

            Assert.Equal(6, grid.Count);
            Assert.Equal(assessments.Length, grid.Sum(c => c.Customers));
            Assert.Equal(assessments.Sum(a => a.OpenAr), grid.Sum(c => c.OpenAr));
            Assert.Equal(assessments.Length, rows.Sum(r => r.Customers));
            Assert.Equal(classes.Count(c => c.Class == "high_risk"), grid.Sum(c => c.HighRisk));
            Assert.True(assessments.Count(a => a.Grade == "D") <= rows.Single(r => r.Class == "high_risk").Customers);
            var shares = classes.Where(c => c.ContributionShare is not null).Sum(c => c.ContributionShare!.Value);
            Assert.True(classes.All(c => c.ContributionShare is null) || Math.Abs(shares - 1m) < 0.0001m, $"shares add up to {shares}");
        }).QuickCheckThrowOnFailure();
    }
}
