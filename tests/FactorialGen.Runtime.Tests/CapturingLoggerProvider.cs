using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace FactorialGen.Tests;

/// <summary>Keeps every log entry at every level: the formatted line, each structured value, and the exception's full text.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public ILoggerFactory CreateFactory() => LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(this));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    /// <summary>Everything a log sink could write: category, message, structured values, exception text.</summary>
    public IEnumerable<string> AllText() => _entries.SelectMany(e => e.Texts());

    public void Dispose()
    {
    }

    internal sealed record Entry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> State, Exception? Exception)
    {
        public IEnumerable<string> Texts()
        {
            yield return Category;
            yield return Message;
            foreach (var pair in State)
            {
                yield return $"{pair.Key}={pair.Value}";
            }

            if (Exception is not null)
            {
                yield return Exception.ToString();
            }
        }
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            owner._entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), values.ToList(), exception));
        }
    }
}
