using System.Collections.Generic;
using FactorialGen.Sandbox.Models;

namespace FactorialGen.Sandbox.Data;

/// <summary>The four offices of the seeded company.</summary>
internal static class SeedLocations
{
    public const long Barcelona = 1;

    public const long Madrid = 2;

    public const long Lisbon = 3;

    public const long Berlin = 4;

    public static List<Location> Create() =>
    [
        Office(Barcelona, "Barcelona HQ", "Europe/Madrid", "es", "Catalonia", "Barcelona", "Carrer de la Sandbox 1", "08001", true, 41.3874, 2.1686),
        Office(Madrid, "Madrid Office", "Europe/Madrid", "es", "Madrid", "Madrid", "Calle del Ejemplo 22", "28013", false, 40.4168, -3.7038),
        Office(Lisbon, "Lisbon Office", "Europe/Lisbon", "pt", "Lisboa", "Lisbon", "Rua do Teste 7", "1100-148", false, 38.7223, -9.1393),
        Office(Berlin, "Berlin Office", "Europe/Berlin", "de", "Berlin", "Berlin", "Musterstrasse 12", "10115", false, 52.5200, 13.4050),
    ];

    /// <summary>Two-letter country code of an office, used as the nationality of most of its staff.</summary>
    public static string CountryOf(long locationId) => locationId switch
    {
        Lisbon => "pt",
        Berlin => "de",
        _ => "es",
    };

    private static Location Office(
        long id, string name, string timezone, string country, string state, string city,
        string address, string postalCode, bool main, double latitude, double longitude) => new()
        {
            Id = id,
            CompanyId = SandboxData.CompanyId,
            Name = name,
            Timezone = timezone,
            Country = country,
            State = state,
            City = city,
            AddressLine1 = address,
            PostalCode = postalCode,
            PhoneNumber = null,
            Main = main,
            Latitude = latitude,
            Longitude = longitude,
        };
}
