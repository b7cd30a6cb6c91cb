namespace FactorialGen;

/// <summary>Which requests count against a <see cref="FactorialRequestBudgetOptions">request budget</see>.</summary>
public enum FactorialBudgetedMethods
{
    /// <summary>POST requests only: Factorial documents its limit for POST (200 per minute).</summary>
    Post = 0,

    /// <summary>Every write: POST, PUT, PATCH and DELETE.</summary>
    Writes = 1,

    /// <summary>Every request, reads included.</summary>
    All = 2,
}
