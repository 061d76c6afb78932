using System.Globalization;
using System.Text;
using CustomerRisk.Application.Demo;
using FsCheck;
using FsCheck.Fluent;

namespace CustomerRisk.Application.Tests.Demo;

/// <summary>Invariants that hold for any seed, portfolio size and as-of date, checked on the rows the generator
/// writes for a random sample of customers.</summary>
public sealed class DemoGeneratorPropertyTests
{
    private static readonly Arbitrary<(int Seed, int Customers, int AsOfDay, int Customer)> Portfolios =
        (from seed in ArbMap.Default.GeneratorFor<int>()
         from customers in Gen.Choose(1, 200_000)
         from asOf in Gen.Choose(new DateOnly(2000, 1, 1).DayNumber, new DateOnly(2040, 12, 31).DayNumber)
         from customer in Gen.Choose(0, customers - 1)
         select (seed, customers, asOf, customer)).ToArbitrary();

    [Fact]
    public void EveryCustomersRows_KeepTheImportRules() =>
        Prop.ForAll(Portfolios, p =>
        {
            var asOf = DateOnly.FromDayNumber(p.AsOfDay);
            var generator = new DemoCustomerGenerator(p.Seed, p.Customers, asOf, withErrors: false);
            var chunk = new DemoChunk();
            generator.Generate(p.Customer, chunk);
            var id = generator.CustomerId(p.Customer);

            var customers = Lines(chunk.Customers);
            Assert.Single(customers);
            Assert.StartsWith(id + ",", customers[0], StringComparison.Ordinal);

            var invoices = new Dictionary<string, (DateOnly Issue, decimal Amount)>(StringComparer.Ordinal);
            foreach (var fields in Lines(chunk.Invoices).Select(l => l.Split(',')))
            {
                Assert.Equal(6, fields.Length);
                Assert.Equal(id, fields[1]);
                var issue = Date(fields[2]);
                Assert.True(Date(fields[3]) >= issue);
                Assert.True(issue <= asOf && issue > asOf.AddDays(-DemoCustomerGenerator.HistoryDays));
                invoices.Add(fields[0], (issue, Money(fields[4])));
            }

            foreach (var fields in Lines(chunk.Payments).Select(l => l.Split(',')))
            {
                Assert.Equal(id, fields[1]);
                Assert.True(Date(fields[2]) <= asOf);
                Money(fields[3]);
                if (fields[4].Length > 0)
                {
                    Assert.True(invoices.TryGetValue(fields[4], out var invoice), $"payment names {fields[4]}, not an invoice of {id}");
                    Assert.True(Date(fields[2]) >= invoice.Issue);
                }
            }

            foreach (var fields in Lines(chunk.Claims).Select(l => l.Split(',')))
            {
                Assert.Equal(id, fields[1]);
                Assert.True(Date(fields[2]) <= asOf);
                Money(fields[3]);
                Assert.True(fields[4].Length == 0 || invoices.ContainsKey(fields[4]));
            }

            foreach (var fields in Lines(chunk.Orders).Select(l => l.Split(',')))
            {
                Assert.Equal(id, fields[1]);
                Assert.True(Date(fields[2]) <= asOf);
                Money(fields[3]);
            }
        }).QuickCheckThrowOnFailure();

    [Fact]
    public void GeneratingACustomerTwice_GivesTheSameBytes_WhateverWasGeneratedBefore() =>
        Prop.ForAll(Portfolios, p =>
        {
            var asOf = DateOnly.FromDayNumber(p.AsOfDay);
            var generator = new DemoCustomerGenerator(p.Seed, p.Customers, asOf, withErrors: true);
            var alone = new DemoChunk();
            generator.Generate(p.Customer, alone);
            var afterOthers = new DemoChunk();
            generator.Generate((p.Customer + 1) % p.Customers, afterOthers);
            afterOthers.Clear();
            generator.Generate(p.Customer, afterOthers);

            for (var f = 0; f < alone.Buffers.Length; f++)
            {
                Assert.True(alone.Buffers[f].Written.SequenceEqual(afterOthers.Buffers[f].Written));
            }
        }).QuickCheckThrowOnFailure();

    [Theory]
    [InlineData(1, 0)]
    [InlineData(9, 0)]
    [InlineData(10, 1)]
    [InlineData(250, 2)]
    [InlineData(1000, 10)]
    [InlineData(100_000, 10)]
    public void KeyAccounts_AreOnePerHundredCustomersAtMostTen(int customers, int expected)
    {
        var generator = new DemoCustomerGenerator(42, customers, new DateOnly(2025, 6, 30), withErrors: false);

        Assert.Equal(expected, generator.KeyAccounts.Count);
        Assert.All(generator.KeyAccounts, k => Assert.Equal(DemoArchetype.KeyAccount, generator.ArchetypeOf(k)));
    }

    [Theory]
    [InlineData(999, "C000999")]
    [InlineData(1_000_000, "C0000001")]
    public void CustomerIds_AreZeroPaddedToTheWidthOfThePortfolio(int customers, string first)
    {
        var generator = new DemoCustomerGenerator(42, customers, new DateOnly(2025, 6, 30), withErrors: false);

        Assert.Equal(first, generator.CustomerId(customers == 999 ? 998 : 0));
    }

    private static string[] Lines(CsvRowBuffer buffer) =>
        Encoding.UTF8.GetString(buffer.Written).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static decimal Money(string text)
    {
        Assert.Matches(@"^[0-9]+\.[0-9]{2}$", text);
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);
        Assert.True(value > 0);
        return value;
    }
}
