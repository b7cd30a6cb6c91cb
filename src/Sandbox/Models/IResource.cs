namespace FactorialGen.Sandbox.Models;

/// <summary>A stored record with an id; lists are always ordered by this id.</summary>
internal interface IResource
{
    ResourceId Id { get; }
}
