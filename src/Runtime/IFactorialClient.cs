using System.Net.Http;

namespace FactorialGen;

/// <summary>
/// Implemented by every generated Factorial client, so dependency injection can create it without reflection
/// (see <c>services.AddFactorialClient&lt;TClient&gt;()</c>).
/// </summary>
/// <typeparam name="TSelf">The client type.</typeparam>
public interface IFactorialClient<TSelf>
    where TSelf : class, IFactorialClient<TSelf>
{
    /// <summary>Creates the client over an <see cref="HttpClient"/> whose pipeline adds credentials.</summary>
    static abstract TSelf Create(HttpClient httpClient, FactorialClientOptions options);
}
