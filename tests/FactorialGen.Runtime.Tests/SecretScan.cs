using System;
using System.Collections.Generic;
using System.Linq;

namespace FactorialGen.Tests;

/// <summary>
/// Collects every text a scenario produced (exception messages, <c>ToString()</c> of the exception and of every inner
/// exception, typed error fields, <c>ToString()</c> of secret-bearing objects) and fails if any contains a secret.
/// </summary>
internal sealed class SecretScan
{
    private readonly List<string> _secrets = [];
    private readonly List<(string Where, string Text)> _texts = [];

    public int TextCount => _texts.Count;

    public string Secret(string secret)
    {
        _secrets.Add(secret);
        return secret;
    }

    public void Text(string where, string? text)
    {
        if (text is not null)
        {
            _texts.Add((where, text));
        }
    }

    public void Error(string where, Exception? error)
    {
        var depth = 0;
        for (var e = error; e is not null && depth < 32; e = e.InnerException, depth++)
        {
            Text($"{where} ({e.GetType().Name}) message", e.Message);
            Text($"{where} ({e.GetType().Name}) ToString", e.ToString());
            switch (e)
            {
                case FactorialAuthException auth:
                    Text($"{where} Error", auth.Error);
                    Text($"{where} ErrorDescription", auth.ErrorDescription);
                    break;
                case FactorialApiException api:
                    Text($"{where} ResponseBody", api.ResponseBody);
                    Text($"{where} Path", api.Path);
                    break;
                case FactorialTokenStoreException store:
                    Text($"{where} StorePath", store.StorePath);
                    break;
                case AggregateException aggregate:
                    foreach (var inner in aggregate.InnerExceptions.Skip(1))
                    {
                        Error($"{where} aggregate", inner);
                    }

                    break;
            }
        }
    }

    /// <summary>Fails when any collected text contains any secret.</summary>
    public void AssertClean()
    {
        var leaks = (from t in _texts
                     from s in _secrets
                     where t.Text.Contains(s, StringComparison.Ordinal)
                     select $"{t.Where}: contains secret '{s[..Math.Min(6, s.Length)]}…'").Distinct().ToList();
        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }
}
