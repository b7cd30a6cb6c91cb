namespace FactorialGen.Generator.Model;

/// <summary>The C# shape of a schema.</summary>
internal enum TypeRefKind
{
    String,
    Int32,
    Int64,
    Double,
    Boolean,
    Date,
    DateTime,
    Json,
    Model,
    Enum,
    Array,
}

/// <summary>A reference to a C# type: a primitive, a generated model or enum (by simple name), or an array of one.</summary>
internal sealed record TypeRef(TypeRefKind Kind, string? Name = null, TypeRef? Element = null)
{
    public static readonly TypeRef String = new(TypeRefKind.String);
    public static readonly TypeRef Int32 = new(TypeRefKind.Int32);
    public static readonly TypeRef Int64 = new(TypeRefKind.Int64);
    public static readonly TypeRef Double = new(TypeRefKind.Double);
    public static readonly TypeRef Boolean = new(TypeRefKind.Boolean);
    public static readonly TypeRef Json = new(TypeRefKind.Json);
    public static readonly TypeRef Date = new(TypeRefKind.Date);
    public static readonly TypeRef DateTime = new(TypeRefKind.DateTime);

    public static TypeRef ArrayOf(TypeRef element) => new(TypeRefKind.Array, null, element);

    public bool IsValueType => Kind is TypeRefKind.Int32 or TypeRefKind.Int64 or TypeRefKind.Double or TypeRefKind.Boolean or TypeRefKind.Date or TypeRefKind.DateTime or TypeRefKind.Json or TypeRefKind.Enum;
}
