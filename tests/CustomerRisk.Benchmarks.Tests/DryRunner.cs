using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;
using Xunit.Abstractions;

namespace CustomerRisk.Benchmarks.Tests;

/// <summary>Runs one benchmark class as BenchmarkDotNet would for one case, in this process and once: [Params]
/// properties set to a tiny value, [GlobalSetup], then per benchmark [IterationSetup], the benchmark (awaited when it
/// returns a task), [IterationCleanup]; then [GlobalCleanup], also after a failure.</summary>
internal static class DryRunner
{
    /// <summary>Tiny values for the sizes the benchmarks take as [Params], by property name; any other [Params]
    /// property gets its smallest listed value.</summary>
    private static readonly Dictionary<string, object> TinyParams = new(StringComparer.Ordinal)
    {
        ["Customers"] = 40,
        ["InvoicesPerCustomer"] = 5,
    };

    public static async Task RunAsync(Type type, ITestOutputHelper output)
    {
        DryRun.Enabled = true;
        var instance = Activator.CreateInstance(type)
                       ?? throw new InvalidOperationException($"{type.Name} cannot be created.");
        foreach (var property in type.GetProperties())
        {
            if (property.GetCustomAttribute<ParamsAttribute>() is { } values)
            {
                var value = TinyParams.TryGetValue(property.Name, out var tiny)
                    ? Convert.ChangeType(tiny, property.PropertyType, CultureInfo.InvariantCulture)
                    : values.Values.OrderBy(v => v).First();
                property.SetValue(instance, value);
                output.WriteLine($"{type.Name}.{property.Name} = {value}");
            }
        }

        var methods = type.GetMethods();
        await InvokeAllAsync<GlobalSetupAttribute>(instance, methods).ConfigureAwait(false);
        try
        {
            foreach (var benchmark in methods.Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                await InvokeAllAsync<IterationSetupAttribute>(instance, methods).ConfigureAwait(false);
                var result = await InvokeAsync(instance, benchmark).ConfigureAwait(false);
                output.WriteLine($"{type.Name}.{benchmark.Name} ran once and returned {result ?? "nothing"}");
                await InvokeAllAsync<IterationCleanupAttribute>(instance, methods).ConfigureAwait(false);
            }
        }
        finally
        {
            await InvokeAllAsync<GlobalCleanupAttribute>(instance, methods).ConfigureAwait(false);
        }
    }

    private static async Task InvokeAllAsync<TAttribute>(object instance, MethodInfo[] methods) where TAttribute : Attribute
    {
        foreach (var method in methods.Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            await InvokeAsync(instance, method).ConfigureAwait(false);
        }
    }

    private static async Task<object?> InvokeAsync(object instance, MethodInfo method)
    {
        object? returned;
        try
        {
            returned = method.Invoke(instance, null);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(false);
                return task.GetType().GetProperty("Result")?.GetValue(task);
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            default:
                if (returned?.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
                {
                    return await (Task<object?>)typeof(DryRunner).GetMethod(nameof(AwaitValueTask), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(type.GetGenericArguments()[0]).Invoke(null, [returned])!;
                }

                return returned;
        }
    }

    private static async Task<object?> AwaitValueTask<T>(ValueTask<T> task) => await task.ConfigureAwait(false);
}
