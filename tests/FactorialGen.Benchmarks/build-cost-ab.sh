#!/usr/bin/env bash
# A controlled before/after of the build cost (docs/benchmarks.md, section 4): packs FactorialGen from two git commits
# of this repository, builds the same three consumers against each (the built-in document, the full 2024-10-01 and
# 2026-07-01 documents, ReadWrite clients, the models in their own assembly as an app has them by default) and times
# them alternately, in one warm compiler server, round after round: a first build (obj/Debug and bin deleted, the
# restore kept: a fresh checkout, nothing cached), a clean build (`dotnet build --no-incremental`, right after it: a
# rebuild, which since the models assembly's cache reuses the models compiled from the same inputs), then one user
# file changed and `dotnet build` (edit-rebuild). Alternating the two packages in one server and one run
# cancels most of what makes two separate runs of build-cost.sh differ on a shared machine (its load, the server's
# warm-up). Prints the median per consumer and package, and each package's ratios to its own built-in consumer.
#
#   bash tests/FactorialGen.Benchmarks/build-cost-ab.sh <before-commit> <after-commit> [--rounds N] [--cold]
#
# --cold turns the compiler server off (UseSharedCompilation=false): every build is then a cold csc.
# The commits are checked out into temporary worktrees (removed at the end); the documents are read from ../shared/specs.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
specs="$(cd "$repo/.." && pwd)/shared/specs"
[[ -f "$specs/factorial-openapi-2026-07-01.json" ]] || { echo "The real documents are not in $specs" >&2; exit 1; }
[[ $# -ge 2 ]] || { echo "usage: build-cost-ab.sh <before-commit> <after-commit> [--rounds N] [--cold]" >&2; exit 2; }
before="$(git -C "$repo" rev-parse --verify "$1^{commit}")"; after="$(git -C "$repo" rev-parse --verify "$2^{commit}")"; shift 2
rounds=6; server=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift ;;
    --cold) server=false ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

work="$(mktemp -d /tmp/factorialgen-buildcost-ab-XXXXXX)"
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 UseSharedCompilation=$server
cleanup() {
  dotnet build-server shutdown > /dev/null 2>&1 || true
  for side in a b; do git -C "$repo" worktree remove --force "$work/src-$side" > /dev/null 2>&1 || true; done
}
trap cleanup EXIT
feed="$work/feed"
stamp="$(date +%s)"
declare -A commit=([a]="$before" [b]="$after")
for side in a b; do
  git -C "$repo" worktree add --detach "$work/src-$side" "${commit[$side]}" > "$work/worktree-$side.log" 2>&1
  echo "packing FactorialGen 0.0.0-ab$side.$stamp from ${commit[$side]:0:9}"
  dotnet pack "$work/src-$side/src/Runtime/FactorialGen.Runtime.csproj" -c Release -o "$feed" -p:Version="0.0.0-ab$side.$stamp" -v:q -nologo > "$work/pack-$side.log" 2>&1 \
    || { tail -20 "$work/pack-$side.log" >&2; exit 1; }
done

make_consumer() { # side, name, spec path or "" (built-in)
  local dir="$work/$2-$1" spec="${3:+, Spec = \"$(basename "$3")\"}"
  mkdir -p "$dir"
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /><add key="local" value="%s" /><add key="nuget" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>\n' "$feed" > "$dir/nuget.config"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><RootNamespace>Consumer</RootNamespace></PropertyGroup>'
    echo "  <ItemGroup><PackageReference Include=\"FactorialGen\" Version=\"0.0.0-ab$1.$stamp\" /></ItemGroup>"
    [[ -n "$3" ]] && echo "  <ItemGroup><FactorialSpec Include=\"$3\" /></ItemGroup>"
    echo '</Project>'
  } > "$dir/Consumer.csproj"
  cat > "$dir/Program.cs" <<CS
namespace Consumer;
[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite$spec)] public partial class Hr;
public static class Program
{
    public static async System.Threading.Tasks.Task Main()
    {
        System.Console.WriteLine(Edited.Value);
        using var hr = new Hr(new FactorialGen.FactorialApiKey("k"));
        await System.Threading.Tasks.Task.CompletedTask;
    }
}
CS
  echo 'namespace Consumer; internal static class Edited { public const int Value = 0; }' > "$dir/Edited.cs"
  dotnet restore "$dir" -v:q -nologo > "$work/$2-$1-restore.log"
}

names=(builtin v2024 v2026)
for side in a b; do
  make_consumer "$side" builtin ""
  make_consumer "$side" v2024 "$specs/factorial-openapi-2024-10-01.json"
  make_consumer "$side" v2026 "$specs/factorial-openapi-2026-07-01.json"
done

elapsed() { # command...: wall seconds
  local t0 t1; t0=$(date +%s.%N); "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log" >&2; return 1; }; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Warm the server, the SDK and every consumer once (not measured).
for name in "${names[@]}"; do for side in a b; do elapsed dotnet build "$work/$name-$side" --no-restore -nologo -v:q > /dev/null; done; done

declare -A first clean edit
for round in $(seq 1 "$rounds"); do
  for name in "${names[@]}"; do
    for side in a b; do
      dir="$work/$name-$side"
      rm -rf "$dir/obj/Debug" "$dir/bin"
      first[$name-$side]+="$(elapsed dotnet build "$dir" --no-restore -nologo -v:q) "
      clean[$name-$side]+="$(elapsed dotnet build "$dir" --no-restore --no-incremental -nologo -v:q) "
      echo "namespace Consumer; internal static class Edited { public const int Value = $round; }" > "$dir/Edited.cs"
      edit[$name-$side]+="$(elapsed dotnet build "$dir" --no-restore -nologo -v:q) "
    done
  done
done

printf '\n%-10s %14s %14s %8s %14s %14s %8s %14s %14s %8s\n' consumer first-before first-after change clean-before clean-after change edit-before edit-after change
declare -A m
for name in "${names[@]}"; do
  for side in a b; do
    m[first-$name-$side]=$(tr ' ' '\n' <<< "${first[$name-$side]}" | grep . | median)
    m[clean-$name-$side]=$(tr ' ' '\n' <<< "${clean[$name-$side]}" | grep . | median)
    m[edit-$name-$side]=$(tr ' ' '\n' <<< "${edit[$name-$side]}" | grep . | median)
  done
  printf '%-10s %14s %14s %8s %14s %14s %8s %14s %14s %8s\n' "$name" "${m[first-$name-a]}" "${m[first-$name-b]}" \
    "$(awk -v a="${m[first-$name-a]}" -v b="${m[first-$name-b]}" 'BEGIN { printf "%+.0f%%", (b / a - 1) * 100 }')" \
    "${m[clean-$name-a]}" "${m[clean-$name-b]}" \
    "$(awk -v a="${m[clean-$name-a]}" -v b="${m[clean-$name-b]}" 'BEGIN { printf "%+.0f%%", (b / a - 1) * 100 }')" \
    "${m[edit-$name-a]}" "${m[edit-$name-b]}" \
    "$(awk -v a="${m[edit-$name-a]}" -v b="${m[edit-$name-b]}" 'BEGIN { printf "%+.0f%%", (b / a - 1) * 100 }')"
done
echo
echo "ratios to the same package's built-in consumer (first build / clean / edit-rebuild):"
for side in a b; do
  label=$([[ $side == a ]] && echo before || echo after)
  for name in v2024 v2026; do
    printf '  %-6s %-6s first %s×  clean %s×  edit-rebuild %s×\n' "$label" "$name" \
      "$(awk -v a="${m[first-$name-$side]}" -v b="${m[first-builtin-$side]}" 'BEGIN { printf "%.2f", a / b }')" \
      "$(awk -v a="${m[clean-$name-$side]}" -v b="${m[clean-builtin-$side]}" 'BEGIN { printf "%.2f", a / b }')" \
      "$(awk -v a="${m[edit-$name-$side]}" -v b="${m[edit-builtin-$side]}" 'BEGIN { printf "%.2f", a / b }')"
  done
done
echo
echo "median of $rounds alternating rounds (seconds); compiler server: $server; before ${before:0:9}, after ${after:0:9}"
echo "every round: ${clean[v2026-b]}(clean, 2026-07-01, after)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); logs and consumers: $work"
