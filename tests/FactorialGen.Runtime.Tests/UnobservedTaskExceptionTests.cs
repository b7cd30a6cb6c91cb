using System.Threading.Tasks;

namespace FactorialGen.Tests;

/// <summary>
/// The flows that start background or racing tasks (loopback listener start/stop/cancel/dispose, concurrent token-file
/// writers and lock waiters, token refresh with callers that stop waiting, cancellation mid-request) leave no task
/// exception unobserved. Each runs in its own child process (<see cref="UnobservedTaskScenarios"/>): the
/// <see cref="TaskScheduler.UnobservedTaskException"/> event is process-wide, and other tests run in parallel here.
/// </summary>
public sealed class UnobservedTaskExceptionTests
{
    [Theory]
    [InlineData("loopback")]
    [InlineData("file-store")]
    [InlineData("token-refresh")]
    [InlineData("cancellation")]
    public async Task Flow_leaves_no_unobserved_task_exception(string scenario)
    {
        await using var child = ChildProcess.Start("unobserved-tasks", scenario);
        var report = await child.ReadUntilAsync(line => line.StartsWith("unobserved ", System.StringComparison.Ordinal) || line.StartsWith("error ", System.StringComparison.Ordinal));
        var details = new System.Text.StringBuilder(report);
        if (report != "unobserved 0")
        {
            for (var i = 0; i < 20; i++)
            {
                var line = await child.ReadLineAsync().WaitAsync(System.TimeSpan.FromSeconds(5)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null);
                if (line is null)
                {
                    break;
                }

                details.AppendLine().Append(line);
            }
        }

        Assert.True(report == "unobserved 0", details.ToString());
        Assert.Equal(0, await child.WaitForExitAsync());
    }

    [Fact]
    public async Task The_detection_reports_a_dropped_faulted_task()
    {
        await using var child = ChildProcess.Start("unobserved-tasks", "self-check");

        Assert.Equal("unobserved 1", await child.ReadUntilAsync(line => line.StartsWith("unobserved ", System.StringComparison.Ordinal)));
    }
}
