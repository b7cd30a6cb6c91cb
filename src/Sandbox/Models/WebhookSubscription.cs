namespace FactorialGen.Sandbox.Models;

/// <summary>A URL subscribed to one event type (<c>api_public/webhook_subscriptions</c>); one per type and company.</summary>
internal sealed record WebhookSubscription : IResource
{
    public required ResourceId Id { get; init; }

    public required string TargetUrl { get; init; }

    public required string Type { get; init; }

    public required ResourceId CompanyId { get; init; }

    public string? Name { get; init; }

    /// <summary>Sent back on every delivery in the <c>x-factorial-wh-challenge</c> header.</summary>
    public string? Challenge { get; init; }

    public bool Enabled { get; init; }

    public required string ApiVersion { get; init; }
}

/// <summary>Body of <c>POST</c> and <c>PUT api_public/webhook_subscriptions</c>; absent fields of a PUT stay unchanged.</summary>
internal sealed record WebhookSubscriptionWriteRequest
{
    public ResourceId? Id { get; init; }

    public string? SubscriptionType { get; init; }

    public string? TargetUrl { get; init; }

    public string? Name { get; init; }

    public string? Challenge { get; init; }

    public ResourceId? CompanyId { get; init; }

    public bool? Enabled { get; init; }

    public string? ApiVersion { get; init; }
}

/// <summary>Body of <c>POST employees/employees/create_with_contract</c>.</summary>
internal sealed record EmployeeCreateRequest
{
    public ResourceId? CompanyId { get; init; }

    public string? FirstName { get; init; }

    public string? LastName { get; init; }

    public string? Email { get; init; }

    public System.DateOnly? BirthdayOn { get; init; }

    public string? Gender { get; init; }

    public string? Nationality { get; init; }

    public string? PhoneNumber { get; init; }

    public ResourceId? ManagerId { get; init; }

    public ResourceId? LocationId { get; init; }

    public string? CompanyIdentifier { get; init; }

    public System.DateOnly? ContractStartsOn { get; init; }
}
