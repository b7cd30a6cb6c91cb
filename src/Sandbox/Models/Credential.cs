namespace FactorialGen.Sandbox.Models;

/// <summary>
/// Who the caller is (<c>api_public/credentials</c>): the signed-in employee and the company,
/// plus two sandbox extras, <see cref="Scope"/> and <see cref="ResourceOwnerType"/>.
/// </summary>
internal sealed record Credential : IResource
{
    public required ResourceId Id { get; init; }

    public required ResourceId CompanyId { get; init; }

    public required ResourceId EmployeeId { get; init; }

    public string? Email { get; init; }

    public string? LoginEmail { get; init; }

    public string? FullName { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Role { get; init; }

    public string? Name { get; init; }

    public string? LegalName { get; init; }

    public string? Locale { get; init; }

    public string? SubscriptionPlan { get; init; }

    public bool Tos { get; init; }

    public bool GdprTos { get; init; }

    /// <summary>Space-separated scopes of the token (<c>read</c>, <c>write</c> or <c>read write</c>).</summary>
    public required string Scope { get; init; }

    /// <summary><c>user</c>, <c>company</c> (company token) or <c>api_key</c>.</summary>
    public required string ResourceOwnerType { get; init; }
}
