using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.Json;
using FactorialGen.Logging;
using FactorialGen.OAuth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace FactorialGen;

// The HTTP exchange with the OAuth endpoints: posting a form, refusing redirects, bounding each call, counting calls in flight.
public sealed partial class FactorialOAuth
{
    /// <summary>
    /// Sends a form that carries credentials and reads the whole answer, within <see cref="Timeout"/>. Never follows a
    /// redirect: the handler is checked before sending, and a 3xx answer (or an answer from another origin) is an error.
    /// </summary>
    private async Task<OAuthAnswer> PostAsync(string endpoint, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        Enter();
        try
        {
            if (CredentialRedirectPolicy.SwitchOff(_sender) is { } why)
            {
                throw new FactorialAuthException($"Not sent to Factorial's {endpoint} endpoint: {why}. Requests that carry credentials must never follow a redirect.", "redirect_not_allowed");
            }

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            if (Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            {
                deadline.CancelAfter(Timeout);
            }

            try
            {
                var sending = UnwrapAsync(endpoint == "token" ? _api.RequestTokenAsync(form, deadline.Token) : _api.RevokeAsync(form, deadline.Token), endpoint);
                using var response = await OAuthResponseReader.WithinAsync(sending, deadline.Token).ConfigureAwait(false);
                ThrowIfRedirected(response, endpoint);
                var body = await OAuthResponseReader.ReadAsync(response, deadline.Token).ConfigureAwait(false);
                return new OAuthAnswer(response.StatusCode, body);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (OperationCanceledException ex)
            {
                throw new FactorialAuthException($"Factorial's {endpoint} endpoint did not answer within {Seconds(Timeout)} s (FactorialOAuthOptions.Timeout); try again later.", "timeout", innerException: ex);
            }
            catch (ResponseTooLargeException ex)
            {
                throw new FactorialInvalidResponseException($"Factorial's {endpoint} endpoint answered with more than {OAuthResponseReader.MaxBytes} bytes", HttpStatusCode.OK, "POST", $"/oauth/{endpoint}", ex);
            }
            catch (HttpRequestException ex)
            {
                throw new FactorialAuthException($"Could not reach Factorial's {endpoint} endpoint; try again later.", statusCode: ex.StatusCode, innerException: ex);
            }
            catch (IOException ex)
            {
                throw new FactorialAuthException($"Factorial's {endpoint} endpoint broke off its answer; try again later.", innerException: ex);
            }
        }
        finally
        {
            Exit();
        }
    }

    private static void ThrowIfFollowsRedirects(HttpMessageHandler handler, HttpClient? owned)
    {
        if (CredentialRedirectPolicy.SwitchOff(handler) is { } why)
        {
            owned?.Dispose();
            throw new ArgumentException(
                $"The HTTP handler given for the OAuth requests cannot be used: {why}. These requests carry the client secret, authorization keys and refresh tokens, which must never follow a redirect: give FactorialOAuth a handler with AllowAutoRedirect = false.",
                "options");
        }
    }

    /// <summary>
    /// Refit wraps what sending threw in an <see cref="ApiRequestException"/> that holds the live request, whose form
    /// carries the secrets: it never becomes an inner exception. What it wrapped is rethrown as it was.
    /// </summary>
    private static async Task<HttpResponseMessage> UnwrapAsync(Task<HttpResponseMessage> sending, string endpoint)
    {
        try
        {
            return await sending.ConfigureAwait(false);
        }
        catch (ApiRequestException ex)
        {
            if (ex.InnerException is { } inner)
            {
                ExceptionDispatchInfo.Capture(inner).Throw();
            }

            throw new FactorialAuthException($"Could not reach Factorial's {endpoint} endpoint; try again later.");
        }
    }

    private void ThrowIfRedirected(HttpResponseMessage response, string endpoint)
    {
        var sentTo = new Uri(BaseAddress, $"oauth/{endpoint}");
        if (CredentialRedirectPolicy.IsRedirect(response.StatusCode))
        {
            var target = CredentialRedirectPolicy.TargetOf(response, sentTo);
            throw new FactorialAuthException(
                $"Factorial's {endpoint} endpoint answered {(int)response.StatusCode} redirecting to {target}. Requests that carry credentials never follow redirects, so nothing was sent there; check FactorialOAuthOptions.BaseAddress.",
                "redirect",
                statusCode: response.StatusCode);
        }

        if (response.RequestMessage?.RequestUri is { } answeredFor && !BaseAddressPolicy.IsSameOrigin(BaseAddress, answeredFor))
        {
            // A handler we cannot see followed a redirect: too late to keep the secret home, but never use the answer.
            throw new FactorialAuthException(
                $"The answer to the {endpoint} request came from {BaseAddressPolicy.Describe(answeredFor)}, not from {BaseAddressPolicy.Describe(BaseAddress)}: a handler in the pipeline follows redirects. Treat the credentials sent as exposed, and use a handler with AllowAutoRedirect = false.",
                "redirect",
                statusCode: response.StatusCode);
        }
    }

    private void Enter()
    {
        lock (_lifetime)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _inFlight++;
        }
    }

    private void Exit()
    {
        lock (_lifetime)
        {
            if (--_inFlight > 0 || !_disposed)
            {
                return;
            }
        }

        _ownedHttpClient?.Dispose();
    }

    private static bool IsSuccess(HttpStatusCode status) => (int)status is >= 200 and < 300;

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An OAuth answer: its status and its whole body (at most 1 MiB).</summary>
    private readonly record struct OAuthAnswer(HttpStatusCode Status, ArraySegment<byte> Body);
}
