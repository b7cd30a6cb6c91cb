using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Medallion.Threading.Redis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace FactorialGen.Redis;

// The Lua scripts that save (never replacing a newer pair) and clear the token hash atomically, and running the save.
public sealed partial class RedisTokenStore
{
    // KEYS[1] the hash. ARGV: issued (unix ms), fingerprint, data, protected flag, the write number the saver last saw,
    // mode ("save", or "restore": write only when the key is missing). Returns { written (1/0), version, stored issued }.
    private const string SaveScript = """
        local key = KEYS[1]
        if ARGV[6] == 'restore' and redis.call('EXISTS', key) == 1 then
          return { 0, tonumber(redis.call('HGET', key, 'ver')) or 0, tonumber(redis.call('HGET', key, 'issued')) or 0 }
        end
        local cur = redis.call('HMGET', key, 'issued', 'fp', 'ver', 'cleared')
        local ver = tonumber(cur[3]) or 0
        local issued = tonumber(ARGV[1])
        if cur[4] ~= '1' and cur[1] then
          local stored = tonumber(cur[1])
          if cur[2] == ARGV[2] then
            return { 1, ver, stored }
          end
          if issued < stored or (issued == stored and ARGV[5] ~= tostring(ver)) then
            return { 0, ver, stored }
          end
        end
        ver = ver + 1
        redis.call('DEL', key)
        redis.call('HSET', key, 'issued', ARGV[1], 'fp', ARGV[2], 'data', ARGV[3], 'prot', ARGV[4], 'ver', ver)
        return { 1, ver, issued }
        """;

    // Marks the pair as deliberately removed (so a restart's write-back does not bring it back).
    private const string ClearScript = """
        local ver = tonumber(redis.call('HGET', KEYS[1], 'ver')) or 0
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'cleared', '1', 'ver', ver + 1)
        return ver + 1
        """;

    private async Task<(bool Written, long Version, long StoredIssued)> RunSaveAsync(IDatabase database, FactorialToken token, string mode, CancellationToken cancellationToken)
    {
        var (data, isProtected) = Encode(token);
        long seen;
        lock (_gate)
        {
            seen = _seenVersion;
        }

        RedisResult result;
        try
        {
            result = await database.ScriptEvaluateAsync(
                SaveScript,
                [Key],
                [token.CreatedAt.ToUnixTimeMilliseconds(), token.Fingerprint, data, isProtected ? "1" : "0", seen.ToString(CultureInfo.InvariantCulture), mode])
                .WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsRedisFailure(ex))
        {
            throw Unreachable("save", ex);
        }

        var parts = (RedisResult[])result!;
        return ((long)parts[0] == 1, (long)parts[1], (long)parts[2]);
    }
}
