using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("CustomerRisk.Application.Tests")]
[assembly: InternalsVisibleTo("CustomerRisk.Benchmarks")]
