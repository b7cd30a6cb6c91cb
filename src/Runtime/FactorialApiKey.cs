using System;

namespace FactorialGen;

/// <summary>
/// A company API key, sent in the <c>x-api-key</c> header. It acts with an administrator's power and never
/// expires. <see cref="ToString"/> shows only a short fingerprint.
/// </summary>
public sealed class FactorialApiKey
{
    /// <summary>Wraps an API key created in Factorial's settings.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is empty.</exception>
    public FactorialApiKey(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        Value = value;
    }

    /// <summary>The key itself. Never log it.</summary>
    public string Value { get; }

    /// <summary>API keys cover both scopes.</summary>
    public FactorialScope Scope => FactorialScope.ReadWrite;

    /// <inheritdoc />
    public override string ToString() => $"FactorialApiKey {{ Fingerprint = {Secrets.Fingerprint(Value)} }}";
}
