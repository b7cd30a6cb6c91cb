using System;

namespace FactorialGen.Tests;

/// <summary>A folder under the temporary directory, deleted with everything in it.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => System.IO.Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"factorialgen-{Guid.NewGuid():N}");

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (System.IO.IOException)
        {
            // A child process may still be closing a file; the temporary folder is cleaned up by the OS eventually.
        }
    }
}
