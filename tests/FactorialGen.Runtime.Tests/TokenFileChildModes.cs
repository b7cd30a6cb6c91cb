using System;
using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>Child-process modes for the token file tests (started through <see cref="ChildProgram"/>).</summary>
internal static class TokenFileChildModes
{
    /// <summary>Says "ready", waits for "go", saves <see cref="ChildProgram.Pair"/> of <paramref name="suffix"/>, says "saved".</summary>
    public static async Task<int> SaveWhenToldAsync(string path, string suffix)
    {
        var store = new FileTokenStore(path);
        Console.WriteLine("ready");
        if (await Console.In.ReadLineAsync() != "go")
        {
            return 2;
        }

        await store.SaveAsync(ChildProgram.Pair(suffix));
        Console.WriteLine("saved");
        return 0;
    }
}
