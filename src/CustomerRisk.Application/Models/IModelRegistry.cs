namespace CustomerRisk.Application.Models;

/// <summary>The registry of trained models in the store (SQLite or PostgreSQL), implemented in CustomerRisk.Storage.</summary>
public interface IModelRegistry : IAsyncDisposable
{
    /// <summary>Adds a model as the next version of its id (1 when the id is new), inactive.</summary>
    /// <param name="model">The model; its <see cref="RegisteredModel.Version"/> and <see cref="RegisteredModel.IsActive"/>
    /// are ignored.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>The model as stored, with its version.</returns>
    Task<RegisteredModel> AddAsync(RegisteredModel model, CancellationToken cancellationToken = default);

    /// <summary>Every registered model version, oldest registration first.</summary>
    Task<IReadOnlyList<RegisteredModel>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One version of a model, or its latest version when <paramref name="version"/> is null; null when absent.</summary>
    Task<RegisteredModel?> ReadAsync(string modelId, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>Makes one version the active model and every other inactive, in one transaction.</summary>
    /// <exception cref="KeyNotFoundException">No such model version.</exception>
    Task ActivateAsync(string modelId, int version, CancellationToken cancellationToken = default);

    /// <summary>Makes no model active: `assess` goes back to the expert scorecard.</summary>
    Task DeactivateAllAsync(CancellationToken cancellationToken = default);

    /// <summary>The active model, or null when none is.</summary>
    Task<RegisteredModel?> ReadActiveAsync(CancellationToken cancellationToken = default);
}
