using System;

namespace FactorialGen;

/// <summary>
/// Marks a <see langword="partial"/> class as a Factorial API client. The FactorialGen source generator
/// fills in the operations that <see cref="Scope"/> allows, taken from an OpenAPI document.
/// </summary>
/// <example>
/// <code>
/// [FactorialClient(FactorialScope.Read)]
/// public partial class HrReports;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class FactorialClientAttribute : Attribute
{
    /// <summary>Declares a client that gets the operations <paramref name="scope"/> allows.</summary>
    public FactorialClientAttribute(FactorialScope scope) => Scope = scope;

    /// <summary>The scope the client is declared with: it gets exactly the operations this scope allows.</summary>
    public FactorialScope Scope { get; }

    /// <summary>
    /// The file name of the OpenAPI document (added with <c>&lt;FactorialSpec Include="..." /&gt;</c>) to generate
    /// from. When <see langword="null"/>, the built-in document of the core resources is used.
    /// </summary>
    public string? Spec { get; set; }

    /// <summary>
    /// Limits the client to the operations of these Factorial resource scopes (plus the operations no resource scope
    /// covers, marked as such, unless <see cref="OmitUnknownOperations"/> leaves them out). <see cref="FactorialResourceScopes.None"/> (the default) keeps the whole document.
    /// </summary>
    /// <example><c>[FactorialClient(FactorialScope.ReadWrite, Resources = FactorialResourceScopes.Employees | FactorialResourceScopes.TimeTracking)]</c></example>
    public FactorialResourceScopes Resources { get; set; }

    /// <summary>
    /// Leaves out the unknown operations — those no Factorial resource scope covers — that a client limited with
    /// <see cref="Resources"/> otherwise keeps, and the models only they reach. It has an effect only together with
    /// <see cref="Resources"/>: without it the whole document is kept, unknown operations included (the generator warns,
    /// FG1015). What is left out is recorded (<see cref="FactorialOmittedOperationAttribute.RequiresUnknownOperations"/>),
    /// so a call to it gets FG0003. To use one of them, leave this <see langword="false"/> (the default) or declare a
    /// second client for it.
    /// </summary>
    /// <example><c>[FactorialClient(FactorialScope.ReadWrite, Resources = FactorialResourceScopes.Employees, OmitUnknownOperations = true)]</c></example>
    public bool OmitUnknownOperations { get; set; }
}
