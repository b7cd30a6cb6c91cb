using System.Text.Json.Serialization;

namespace FactorialGen.Sandbox.Models;

/// <summary>An office of the seeded company (<c>locations/locations</c>).</summary>
internal sealed record Location : IResource
{
    public required ResourceId Id { get; init; }

    public required ResourceId CompanyId { get; init; }

    public required string Name { get; init; }

    public required string Timezone { get; init; }

    public required string Country { get; init; }

    public string? State { get; init; }

    public string? City { get; init; }

    [JsonPropertyName("address_line_1")]
    public string? AddressLine1 { get; init; }

    [JsonPropertyName("address_line_2")]
    public string? AddressLine2 { get; init; }

    public string? PostalCode { get; init; }

    public string? PhoneNumber { get; init; }

    public bool Main { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }
}
