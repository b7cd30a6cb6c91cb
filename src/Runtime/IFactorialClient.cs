using System;
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
    /// <summary>
    /// The connection the client sends its requests through: generated clients implement it with their public
    /// <c>Connection</c> property; a hand-written implementation that does not, throws <see cref="NotSupportedException"/>.
    /// </summary>
    FactorialConnection Connection => throw new NotSupportedException($"{GetType().Name} does not expose its FactorialConnection: implement IFactorialClient<T>.Connection (generated clients do).");

    /// <summary>Creates the client over an <see cref="HttpClient"/> whose pipeline adds credentials.</summary>
    static abstract TSelf Create(HttpClient httpClient, FactorialClientOptions options);
}
