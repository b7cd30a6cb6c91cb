using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FactorialGen.DependencyInjection;

/// <summary>Checks a registered client's settings when the host starts (or on first use without a host).</summary>
internal sealed class FactorialServiceOptionsValidator(IServiceProvider services) : IValidateOptions<FactorialServiceOptions>
{
    public ValidateOptionsResult Validate(string? name, FactorialServiceOptions options)
    {
        var failures = new List<string>();
        try
        {
            BaseAddressPolicy.Validate(options.BaseAddress, nameof(options.BaseAddress));
        }
        catch (ArgumentException ex)
        {
            failures.Add($"Factorial:BaseAddress — {ex.Message}");
        }

        if (options.RedirectUri is { } redirect && Uri.TryCreate(redirect, UriKind.Absolute, out var redirectUri) && BaseAddressPolicy.HasUserInfo(redirectUri))
        {
            failures.Add("Factorial:RedirectUri carries user info (a user name or password before '@'); use the registered redirect URI without it.");
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey)
            && string.IsNullOrWhiteSpace(options.TokenFile)
            && services.GetService<ITokenStore>() is null
            && (name is null || services.GetKeyedService<ITokenStore>(name) is null))
        {
            failures.Add($"Client '{name}' has no credentials: set Factorial:ApiKey, or Factorial:TokenFile, or register an ITokenStore.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientId) != string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add("Factorial:ClientId and Factorial:ClientSecret go together: set both (to refresh tokens) or neither.");
        }

        if (options.MaxRetryAttempts < 0 || options.AttemptTimeout <= TimeSpan.Zero || options.TotalTimeout <= TimeSpan.Zero)
        {
            failures.Add("Factorial:MaxRetryAttempts must be 0 or more, and the time-outs positive.");
        }

        try
        {
            options.RequestBudget?.Validated();
        }
        catch (ArgumentException ex)
        {
            failures.Add($"Factorial:RequestBudget — {ex.Message}");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
