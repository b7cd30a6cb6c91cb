namespace FactorialGen.Generator.Model;

/// <summary>Everything the emitters need from one OpenAPI document.</summary>
/// <param name="FileName">The document's file name (how clients select it), or <c>null</c> for the built-in document.</param>
/// <param name="SpecId">A C# identifier for the document, used in the models' namespace (empty for the built-in one).</param>
/// <param name="ApiVersion">The API version of the paths (e.g. <c>2026-07-01</c>), when found.</param>
/// <param name="Webhooks">The events of the document's <c>webhooks</c> section (empty without one).</param>
internal sealed record ApiDocumentSpec(
    string? FileName,
    string SpecId,
    string? ApiVersion,
    EquatableArray<OperationSpec> Operations,
    EquatableArray<ModelSpec> Models,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<WebhookSpec> Webhooks = default);

/// <summary>A generated record.</summary>
internal sealed record ModelSpec(string Name, string? Description, bool Deprecated, EquatableArray<PropertySpec> Properties);

/// <summary>A property of a generated record.</summary>
internal sealed record PropertySpec(string JsonName, string Name, TypeRef Type, bool Required, string? Description, bool Deprecated)
{
    /// <summary>Required properties of non-enum, non-JSON types are non-nullable; all others may be null.</summary>
    public bool IsNullable => !Required || Type.Kind is TypeRefKind.Enum or TypeRefKind.Json;
}

/// <summary>A generated enum; unknown values read as <c>Unknown</c>.</summary>
internal sealed record EnumSpec(string Name, string? Description, EquatableArray<EnumMemberSpec> Members);

/// <summary>One enum member and its JSON value.</summary>
internal sealed record EnumMemberSpec(string Name, string Value);
