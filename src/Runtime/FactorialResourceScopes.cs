using System;

namespace FactorialGen;

/// <summary>
/// Factorial's per-resource OAuth scopes: an app is granted some of these, and each allows reading and writing the
/// resources it covers. The token answer lists them space-separated in <c>scope</c> (e.g. <c>employees time_tracking</c>).
/// Combine them with <c>|</c>; <see cref="None"/> means "not restricted by resource scope" on a client declaration and
/// "no resource scope known" on a token or an operation.
/// </summary>
/// <remarks>
/// The values are stable bit positions in the order of Factorial's scope list; the OAuth name of each member is its
/// snake_case form (<see cref="FactorialScopes.ToOAuthString(FactorialResourceScopes)"/>). Which operations each scope
/// covers is FactorialGen's own table, derived from the document's <c>Domain &gt; Resource</c> tags (docs/scopes.md).
/// </remarks>
[Flags]
#pragma warning disable CA1711 // "Scopes" is the domain name, not a collection suffix
public enum FactorialResourceScopes : long
#pragma warning restore CA1711
{
    /// <summary>No resource scope: an unrestricted client declaration, or a token/operation with none known.</summary>
    None = 0,

    /// <summary>OAuth scope <c>banking</c>.</summary>
    Banking = 1L << 0,

    /// <summary>OAuth scope <c>company_legal_entities</c>.</summary>
    CompanyLegalEntities = 1L << 1,

    /// <summary>OAuth scope <c>company_holidays</c>.</summary>
    CompanyHolidays = 1L << 2,

    /// <summary>OAuth scope <c>company_locations</c>.</summary>
    CompanyLocations = 1L << 3,

    /// <summary>OAuth scope <c>contracts</c>.</summary>
    Contracts = 1L << 4,

    /// <summary>OAuth scope <c>custom_fields</c>.</summary>
    CustomFields = 1L << 5,

    /// <summary>OAuth scope <c>documents</c>.</summary>
    Documents = 1L << 6,

    /// <summary>OAuth scope <c>employees</c>.</summary>
    Employees = 1L << 7,

    /// <summary>OAuth scope <c>employee_updates</c>.</summary>
    EmployeeUpdates = 1L << 8,

    /// <summary>OAuth scope <c>expenses</c>.</summary>
    Expenses = 1L << 9,

    /// <summary>OAuth scope <c>finance</c>.</summary>
    Finance = 1L << 10,

    /// <summary>OAuth scope <c>integrations</c>.</summary>
    Integrations = 1L << 11,

    /// <summary>OAuth scope <c>job_catalog</c>.</summary>
    JobCatalog = 1L << 12,

    /// <summary>OAuth scope <c>marketplace</c>.</summary>
    Marketplace = 1L << 13,

    /// <summary>OAuth scope <c>payroll</c>.</summary>
    Payroll = 1L << 14,

    /// <summary>OAuth scope <c>payroll_supplements</c>.</summary>
    PayrollSupplements = 1L << 15,

    /// <summary>OAuth scope <c>performance</c>.</summary>
    Performance = 1L << 16,

    /// <summary>OAuth scope <c>posts</c>.</summary>
    Posts = 1L << 17,

    /// <summary>OAuth scope <c>project_management_expenses</c>.</summary>
    ProjectManagementExpenses = 1L << 18,

    /// <summary>OAuth scope <c>project_management_projects</c>.</summary>
    ProjectManagementProjects = 1L << 19,

    /// <summary>OAuth scope <c>project_management_time</c>.</summary>
    ProjectManagementTime = 1L << 20,

    /// <summary>OAuth scope <c>shift_management</c>.</summary>
    ShiftManagement = 1L << 21,

    /// <summary>OAuth scope <c>tasks</c>.</summary>
    Tasks = 1L << 22,

    /// <summary>OAuth scope <c>time_off</c>.</summary>
    TimeOff = 1L << 23,

    /// <summary>OAuth scope <c>time_tracking</c>.</summary>
    TimeTracking = 1L << 24,

    /// <summary>OAuth scope <c>trainings</c>.</summary>
    Trainings = 1L << 25,

    /// <summary>OAuth scope <c>recruitment</c>.</summary>
    Recruitment = 1L << 26,
}
