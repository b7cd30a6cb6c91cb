using System;

namespace FactorialGen.Generator.Emit;

/// <summary>
/// The aliases a generated file declares beyond those every file has (<see cref="CodeText.Start"/>): each only where the
/// file's code uses it, since an alias line costs text too and some name a namespace only some compilations have (the
/// models' <c>Serialization</c> namespace exists only where converters are).
/// </summary>
[Flags]
internal enum Aliases
{
    None = 0,

    /// <summary><c>__T</c>: <c>System.Threading.Tasks</c>; <c>__CT</c>: the type <c>CancellationToken</c>.</summary>
    Threading = 1,

    /// <summary><c>__G</c>: <c>System.Collections.Generic</c>.</summary>
    Collections = 2,

    /// <summary><c>__Scope</c> and <c>__Res</c>: the types <c>FactorialScope</c> and <c>FactorialResourceScopes</c>.</summary>
    Scopes = 4,

    /// <summary><c>__Docs</c>: the type <c>FactorialOperationDocs</c>, whose members operations inherit docs from.</summary>
    Docs = 8,

    /// <summary><c>__I</c>: <c>System.Text.Json.Serialization.Metadata</c>.</summary>
    Metadata = 16,

    /// <summary><c>__SR</c>: the <c>SetsRequiredMembers</c> attribute of the models' reading constructors.</summary>
    SetsRequired = 32,

    /// <summary><c>__Json</c>: the document's <c>FactorialJson</c> class (the models' <c>JsonTypeInfo</c>s).</summary>
    Json = 64,

    /// <summary><c>__C</c>: the models' <c>Serialization</c> namespace (their converters).</summary>
    Converters = 128,

    /// <summary>What an API namespace's file of operations names.</summary>
    Operations = Threading | Collections | Scopes | Docs | Json,
}
