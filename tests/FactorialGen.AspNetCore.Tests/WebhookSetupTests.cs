using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FactorialGen.AspNetCore.Tests.FactorialApi.V2026_07_01;
using FactorialGen.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FactorialGen.AspNetCore.Tests;

/// <summary>A receiver set up wrongly fails when it is mapped, with a typed error, not at the first delivery.</summary>
public sealed class WebhookSetupTests
{
    [Fact]
    public void The_generated_client_hands_its_registry_to_the_receiver()
    {
        var registry = WebhookEvents<Hr>();

        Assert.Equal(3, registry.Count);
        Assert.True(registry.TryGet(FactorialWebhooks.AttendanceShiftClockIn, out var clockIn));
        Assert.Equal(typeof(Shift), clockIn.PayloadType);
        Assert.Same(registry, WebhookEvents<FactorialWebhooks>());
    }

    [Fact]
    public void A_handler_whose_payload_type_differs_from_the_document_is_refused()
    {
        var error = Assert.Throws<FactorialWebhookException>(() => Map(o => o.Challenge = "c", hooks => hooks.On(FactorialWebhooks.AttendanceShiftClockIn, (EmployeesEmployee _, CancellationToken _) => Task.CompletedTask)));
        Assert.Contains("Shift", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_event_type_the_document_lacks_is_refused()
    {
        var error = Assert.Throws<FactorialWebhookException>(() => Map(o => o.Challenge = "c", hooks => hooks.On("attendance/shift/nope", (Shift _, CancellationToken _) => Task.CompletedTask)));
        Assert.Contains("attendance/shift/nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_handler_for_one_event_type_is_refused() =>
        Assert.Throws<FactorialWebhookException>(() => Map(o => o.Challenge = "c", hooks => hooks
            .On(FactorialWebhooks.AttendanceShiftClockIn, (Shift _, CancellationToken _) => Task.CompletedTask)
            .On(FactorialWebhooks.AttendanceShiftClockIn, (Shift _, CancellationToken _) => Task.CompletedTask)));

    [Fact]
    public void A_receiver_without_a_challenge_for_a_handled_type_is_refused()
    {
        var error = Assert.Throws<FactorialWebhookException>(() => Map(
            o => o.Challenges[FactorialWebhooks.EmployeesEmployeeCreate] = "c",
            hooks => hooks.On(FactorialWebhooks.AttendanceShiftClockIn, (Shift _, CancellationToken _) => Task.CompletedTask)));
        Assert.Contains(FactorialWebhooks.AttendanceShiftClockIn, error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FactorialException>(error);
    }

    [Fact]
    public void A_receiver_without_handlers_is_refused() =>
        Assert.Throws<FactorialWebhookException>(() => Map(o => o.Challenge = "c", _ => { }));

    private static FactorialWebhookRegistry WebhookEvents<T>()
        where T : IFactorialWebhookSource => T.WebhookEvents;

    private static void Map(Action<FactorialWebhookOptions> options, Action<FactorialWebhookHandlers> handlers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddFactorialWebhooks(options);
        using var app = builder.Build();
        app.MapFactorialWebhooks<Hr>("/hooks", handlers);
        Assert.NotEmpty(((Microsoft.AspNetCore.Routing.IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints));
    }
}
