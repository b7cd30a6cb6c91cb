namespace FactorialGen;

/// <summary>Whom a Factorial token acts for.</summary>
public enum FactorialResourceOwner
{
    /// <summary>The user who approved the authorization (the default).</summary>
    User = 0,

    /// <summary>
    /// The whole company (<c>resource_owner_type=company</c>): a company token, which may come without expiry.
    /// </summary>
    Company = 1,
}
