using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using FactorialGen.Generator.Parsing;

namespace FactorialGen.Generator.Model;

/// <summary>
/// What <c>Collect()</c> gives (an <see cref="ImmutableArray{T}"/>) as a reference type, equal exactly when the array
/// is the same instance, as the array itself is. The generator's pipeline combines values as tuples: a tuple of
/// reference types shares the compiler's generic node and table code, while one holding a struct (an array, a
/// <c>bool</c>, an <see cref="EquatableArray{T}"/>) makes a cold compiler JIT-compile that code again for each shape.
/// </summary>
internal sealed class Batch<T>(ImmutableArray<T> items) : IEquatable<Batch<T>>
{
    public ImmutableArray<T> Items { get; } = items;

    public bool Equals(Batch<T>? other) => other is not null && Items.Equals(other.Items);

    public override bool Equals(object? obj) => Equals(obj as Batch<T>);

    public override int GetHashCode() => Items.GetHashCode();
}

/// <summary>A struct pipeline value (a <c>bool</c>, an <see cref="EquatableArray{T}"/>) as a reference type, equal when the values are (see <see cref="Batch{T}"/>).</summary>
internal sealed class Boxed<T>(T value) : IEquatable<Boxed<T>>
    where T : struct
{
    public T Value { get; } = value;

    public bool Equals(Boxed<T>? other) => other is not null && EqualityComparer<T>.Default.Equals(Value, other.Value);

    public override bool Equals(object? obj) => Equals(obj as Boxed<T>);

    public override int GetHashCode() => EqualityComparer<T>.Default.GetHashCode(Value);
}

/// <summary>The documents, their selections and the root namespace, combined once for every client and model set.</summary>
internal readonly record struct DocumentInputs(Batch<Result<ApiDocumentSpec>> Documents, Batch<DocumentSelection> Selections, string? RootNamespace);

/// <summary>The documents' fingerprints, their selections and the models assemblies the compilation references.</summary>
internal readonly record struct ProvidedInputs(Batch<DocumentFingerprint> Fingerprints, Batch<DocumentSelection> Selections, EquatableArray<string> Provided);
