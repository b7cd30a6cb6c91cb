using System;
using System.Threading.Tasks;
using FactorialGen.Quickstart.FactorialApi;

namespace FactorialGen.Quickstart;

/// <summary>
/// Deliberate scope mistakes, to show what the FactorialGen analyzer reports in the editor. The pragmas keep this
/// project's build clean; remove them (or open this file in an IDE) to see the warnings. Never called.
/// </summary>
internal static class ScopeMistakes
{
    public static async Task ShowAsync(FactorialOAuth oauth, string authorizationKey)
    {
        var request = oauth.Authorize(FactorialScope.Read);
        var token = await oauth.ObtainAccessTokenAsync(request, authorizationKey);

#pragma warning disable FG0002 // 'Hr' is declared with FactorialScope.ReadWrite, but this token is known to have only Read
        using var hr = new Hr(token);
#pragma warning restore FG0002

#pragma warning disable FG0001 // 'ClockInAsync' needs the 'write' scope, but the client's token is known to have only Read
        await hr.Attendance.Shifts.ClockInAsync(new ShiftsClockInRequest { EmployeeId = "1", Now = DateTimeOffset.UtcNow });
#pragma warning restore FG0001

        // The fix the IDE offers for both: authorize with the scope the client needs.
        //     var request = oauth.Authorize(FactorialScope.ReadWrite);
    }
}
