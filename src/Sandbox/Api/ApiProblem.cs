using System;

namespace FactorialGen.Sandbox.Api;

/// <summary>Thrown by resource handlers to answer with a JSON error instead of a result.</summary>
internal sealed class ApiProblem(int status, string error, string description) : Exception(description)
{
    public int Status { get; } = status;

    public string Error { get; } = error;

    public static ApiProblem NotFound(string description) => new(404, "not_found", description);

    public static ApiProblem Unprocessable(string description) => new(422, "unprocessable_entity", description);

    public static ApiProblem BadRequest(string description) => new(400, "invalid_request", description);
}
