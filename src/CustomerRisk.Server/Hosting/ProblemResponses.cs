using CustomerRisk.Application.Import;
using CustomerRisk.Application.Users;
using CustomerRisk.Modeling;
using CustomerRisk.Policy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CustomerRisk.Server.Hosting;

/// <summary>Every error is an RFC 9457 problem document: a status, a title and, for the caller's own mistakes, the
/// reason. A server fault says only that it failed and gives a trace id to find it in the log; no stack trace or
/// exception text ever reaches a response, in any environment.</summary>
public static class ProblemResponses
{
    public static void AddProblemResponses(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.Remove("exception");
            context.ProblemDetails.Extensions["trace_id"] = context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<KnownErrors>();
        // Bad parameters are answered with 400 in every environment, never thrown as developer errors.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
    }

    public static void UseProblemResponses(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
    }

    /// <summary>Maps the exceptions whose message is meant for the caller to 4xx; anything else is a 500 whose details
    /// stay in the log.</summary>
    private sealed class KnownErrors(IProblemDetailsService problems, ILogger<KnownErrors> logger) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            var (status, title, detail) = exception switch
            {
                BadHttpRequestException bad => (bad.StatusCode, "The request is not valid.", bad.Message),
                ImportRefusedException or PolicyLoadException or ModelingDataException or UserRequestException
                    => (StatusCodes.Status400BadRequest, "The request cannot be carried out.", exception.Message),
                InvalidDataException => (StatusCodes.Status400BadRequest, "The request body is not valid.", exception.Message),
                KeyNotFoundException => (StatusCodes.Status404NotFound, "Not found.", exception.Message),
                OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested
                    => (499, "The client closed the request.", null),
                _ => (StatusCodes.Status500InternalServerError, "The server could not complete the request.",
                    "The error is in the server's log under the trace id."),
            };
            if (status >= 500)
            {
                logger.LogError(exception, "Request {TraceId} failed.", httpContext.TraceIdentifier);
            }

            httpContext.Response.StatusCode = status;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
            });
        }
    }
}
