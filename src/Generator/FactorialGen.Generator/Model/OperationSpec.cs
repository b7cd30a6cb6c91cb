namespace FactorialGen.Generator.Model;

/// <summary>How an operation's answer is shaped.</summary>
internal enum ResponseShape
{
    /// <summary>No JSON body is read.</summary>
    None,

    /// <summary>One JSON value of <see cref="OperationSpec.Response"/>.</summary>
    Single,

    /// <summary>A list (bare array, or <c>data</c> + <c>meta</c>) of <see cref="OperationSpec.Response"/> items, with paging.</summary>
    Paged,

    /// <summary>An array of <see cref="OperationSpec.Response"/> items, without paging.</summary>
    Array,
}

/// <summary>How the request body is sent.</summary>
internal enum BodyKind
{
    None,
    Json,
    Multipart,
}

/// <summary>Where a parameter goes.</summary>
internal enum ParameterLocation
{
    Path,
    Query,
}

/// <summary>One API operation, named and typed.</summary>
/// <param name="Group">The API namespace's C# name (e.g. <c>Employees</c>).</param>
/// <param name="Resource">The resource's C# name (e.g. <c>Employees</c>, <c>CompanyHolidays</c>).</param>
/// <param name="Name">The method name without <c>Async</c> (e.g. <c>List</c>, <c>Get</c>, <c>ClockIn</c>).</param>
/// <param name="RequiredScope">The read/write scope the operation needs (<see cref="AccessScope.Read"/> or <see cref="AccessScope.Write"/>).</param>
/// <param name="ResourceScope">The resource scope that covers it (from its tag and <see cref="ResourceScopeTable"/>), or <see cref="ResourceScope.None"/> when unknown.</param>
/// <param name="OptionsName">The options type (in the models' namespace) holding the optional query parameters, when
/// there are more than <c>QueryOptions.MaxOptional</c> of them; <c>null</c> otherwise.</param>
internal sealed record OperationSpec(
    string Method,
    string Path,
    string Group,
    string Resource,
    string Name,
    AccessScope RequiredScope,
    ResourceScope ResourceScope,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterSpec> Parameters,
    BodyKind BodyKind,
    TypeRef? Body,
    bool BodyRequired,
    ResponseShape ResponseShape,
    TypeRef? Response,
    string? OptionsName = null);

/// <summary>A path or query parameter.</summary>
/// <param name="JsonName">The name on the wire (e.g. <c>ids[]</c>).</param>
/// <param name="Name">The C# parameter name (e.g. <c>ids</c>).</param>
internal sealed record ParameterSpec(string JsonName, string Name, ParameterLocation Location, TypeRef Type, bool Required, string? Description);
