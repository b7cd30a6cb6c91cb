using System;

namespace FactorialGen.Sandbox.Models;

/// <summary>A public holiday of one location (<c>holidays/company_holidays</c>).</summary>
internal sealed record CompanyHoliday : IResource
{
    public required ResourceId Id { get; init; }

    public required ResourceId LocationId { get; init; }

    public required string Summary { get; init; }

    public string? Description { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary><c>beggining_of_day</c>, <c>end_of_day</c> or <see langword="null"/> for a full day.</summary>
    public string? HalfDay { get; init; }
}
