using System.Collections.Generic;

namespace FactorialGen.Sandbox.Models;

/// <summary>A kind of time off (<c>timeoff/leave_types</c>).</summary>
internal sealed record LeaveType : IResource
{
    public required ResourceId Id { get; init; }

    public required string Name { get; init; }

    public string? TranslatedName { get; init; }

    public required string Identifier { get; init; }

    public required string Color { get; init; }

    public bool Active { get; init; }

    public bool ApprovalRequired { get; init; }

    public bool Accrues { get; init; }

    public bool Attachment { get; init; }

    public bool Visibility { get; init; }

    public bool Workable { get; init; }

    public bool Payable { get; init; }

    public required ResourceId CompanyId { get; init; }

    public required IReadOnlyList<ResourceId> AllowanceIds { get; init; }

    public bool HalfDaysUnitsEnabled { get; init; }

    public bool DetailsRequired { get; init; }

    public string? Description { get; init; }
}
