using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FactorialGen;

/// <summary>
/// The first link of <see cref="FactorialPipeline"/> when the client has a request budget: a counted request waits for
/// a permit (see <see cref="FactorialRequestBudget"/>), holds it until the answer's headers arrive, and a 429 with
/// <c>Retry-After</c> holds the next counted requests back. It sits before the time-outs and retries of the resilience
/// pipeline, so the time a request waits for the budget is not taken from its attempts.
/// </summary>
internal sealed class FactorialRequestBudgetHandler(FactorialRequestBudget budget, bool ownsBudget) : DelegatingHandler
{
    /// <summary>Lets <see cref="FactorialPipeline"/> enter the chain it built at this handler.</summary>
    internal Task<HttpResponseMessage> SendThroughAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SendAsync(request, cancellationToken);

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return budget.Counts(request.Method) ? SendCountedAsync(request, cancellationToken) : base.SendAsync(request, cancellationToken);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing && ownsBudget)
        {
            budget.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<HttpResponseMessage> SendCountedAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var lease = await budget.AcquireAsync(request, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        budget.Observe(response);
        return response;
    }
}
