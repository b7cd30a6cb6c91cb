#!/usr/bin/env bash
# Build cost of FactorialGen on real documents, side by side in one run (issue: "a full Factorial document must feel
# like no document at all"). Packs FactorialGen once into a private feed, then builds the same small consumer app
# with: no FactorialGen; the built-in document; the full 2024-10-01 and 2026-07-01 documents (JSON); the 2026-07-01
# YAML; with --resources, a 2026-07-01 client limited to two resource scopes (with and without OmitUnknownOperations);
# and, with --layout, the full 2026-07-01 and 2024-10-01 clients declared in their own class library (Client/) that the
# app (App/) references, the layout docs/generator.md recommends for large documents: an app edit then skips the library's compile. For each it reports
#   - clean build:   `dotnet build --no-incremental` with the compiler server warm (seconds, and csc's own time);
#   - edit-rebuild:  one user file changed, then `dotnet build` (seconds);
#   - generator:     FactorialGen's generator time in a cold csc (UseSharedCompilation=false) and in a warm server
#                    (csc -p:ReportAnalyzer=true); for a --layout row, the library's compile;
#   - generated:     bytes and lines of generated source (EmitCompilerGeneratedFiles); for a --layout row, the library's.
# A --layout row's clean build is `dotnet build App --no-incremental` (it rebuilds the library too) and its edit-rebuild
# changes App/Edited.cs, then `dotnet build App`.
# Everything lives under a temporary folder; the documents are read from ../shared/specs, never copied. NuGet uses a
# private packages folder, so the user's global cache is untouched.
#
#   bash tests/FactorialGen.Benchmarks/build-cost.sh [--resources] [--layout] [--rounds N]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
specs="$(cd "$repo/.." && pwd)/shared/specs"
[[ -f "$specs/factorial-openapi-2026-07-01.json" ]] || { echo "The real documents are not in $specs" >&2; exit 1; }
resources=no; layout=no; rounds=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --resources) resources=yes ;;
    --layout) layout=yes ;;
    --rounds) rounds="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

work="$(mktemp -d /tmp/factorialgen-buildcost-XXXXXX)"
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
version="0.0.0-buildcost.$(date +%s)"
feed="$work/feed"
echo "packing FactorialGen $version into $feed"
dotnet pack "$repo/src/Runtime/FactorialGen.Runtime.csproj" -c Release -o "$feed" -p:Version="$version" -v:q -nologo > "$work/pack.log"

# The user's code: the same in every consumer (a program and one file the edit-rebuild changes).
user_code() { # dir, client declaration (may be empty), call (may be empty)
  cat > "$1/Program.cs" <<CS
namespace Consumer;
$2
public static class Program
{
    public static async System.Threading.Tasks.Task Main()
    {
        System.Console.WriteLine(Edited.Value);
        $3
        await System.Threading.Tasks.Task.CompletedTask;
    }
}
CS
  echo 'namespace Consumer; internal static class Edited { public const int Value = 0; }' > "$1/Edited.cs"
}

make_consumer() { # name, spec path or "" (built-in) or "none", client declaration, call
  local dir="$work/$1"
  mkdir -p "$dir"
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /><add key="local" value="%s" /><add key="nuget" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>\n' "$feed" > "$dir/nuget.config"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><RootNamespace>Consumer</RootNamespace>'
    echo '    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles></PropertyGroup>'
    if [[ "$2" != none ]]; then
      echo "  <ItemGroup><PackageReference Include=\"FactorialGen\" Version=\"$version\" /></ItemGroup>"
      [[ -n "$2" ]] && echo "  <ItemGroup><FactorialSpec Include=\"$2\" /></ItemGroup>"
    fi
    echo '</Project>'
  } > "$dir/Consumer.csproj"
  user_code "$dir" "$3" "$4"
}

make_layout() { # name, spec path, client declaration, call: the client in a class library, the app referencing it
  local dir="$work/$1"
  mkdir -p "$dir/Client" "$dir/App"
  printf '<?xml version="1.0" encoding="utf-8"?>\n<configuration><packageSources><clear /><add key="local" value="%s" /><add key="nuget" value="https://api.nuget.org/v3/index.json" /></packageSources></configuration>\n' "$feed" > "$dir/nuget.config"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo '  <PropertyGroup><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><RootNamespace>Consumer</RootNamespace>'
    echo '    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles></PropertyGroup>'
    echo "  <ItemGroup><PackageReference Include=\"FactorialGen\" Version=\"$version\" /></ItemGroup>"
    echo "  <ItemGroup><FactorialSpec Include=\"$2\" /></ItemGroup>"
    echo '</Project>'
  } > "$dir/Client/Client.csproj"
  printf 'namespace Consumer;\n%s\n' "$3" > "$dir/Client/Hr.cs"
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><RootNamespace>Consumer</RootNamespace></PropertyGroup>'
    echo '  <ItemGroup><ProjectReference Include="../Client/Client.csproj" /></ItemGroup>'
    echo '</Project>'
  } > "$dir/App/App.csproj"
  user_code "$dir/App" "" "$4"
}
# The project the app builds from, and the one that holds the client (the same folder unless the row is a --layout one).
app_dir() { if [[ -d "$work/$1/App" ]]; then echo "$work/$1/App"; else echo "$work/$1"; fi; }
client_dir() { if [[ -d "$work/$1/Client" ]]; then echo "$work/$1/Client"; else echo "$work/$1"; fi; }

call='using var hr = new Hr(new FactorialGen.FactorialApiKey("k"));'
make_consumer none none "" ""
make_consumer builtin "" '[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite)] public partial class Hr;' "$call"
make_consumer v2024 "$specs/factorial-openapi-2024-10-01.json" '[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = "factorial-openapi-2024-10-01.json")] public partial class Hr;' "$call"
make_consumer v2026 "$specs/factorial-openapi-2026-07-01.json" '[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = "factorial-openapi-2026-07-01.json")] public partial class Hr;' "$call"
make_consumer v2026yaml "$specs/factorial-openapi-2026-07-01.yaml" '[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = "factorial-openapi-2026-07-01.yaml")] public partial class Hr;' "$call"
names=(none builtin v2024 v2026 v2026yaml)
if [[ $resources == yes ]]; then
  make_consumer v2026two "$specs/factorial-openapi-2026-07-01.json" '[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = "factorial-openapi-2026-07-01.json", Resources = FactorialGen.FactorialResourceScopes.Employees | FactorialGen.FactorialResourceScopes.TimeTracking)] public partial class Hr;' "$call"
  make_consumer v2026twoonly "$specs/factorial-openapi-2026-07-01.json" '[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = "factorial-openapi-2026-07-01.json", Resources = FactorialGen.FactorialResourceScopes.Employees | FactorialGen.FactorialResourceScopes.TimeTracking, OmitUnknownOperations = true)] public partial class Hr;' "$call"
  names+=(v2026two v2026twoonly)
fi
if [[ $layout == yes ]]; then
  make_layout v2024lib "$specs/factorial-openapi-2024-10-01.json" '[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = "factorial-openapi-2024-10-01.json")] public partial class Hr;' "$call"
  make_layout v2026lib "$specs/factorial-openapi-2026-07-01.json" '[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = "factorial-openapi-2026-07-01.json")] public partial class Hr;' "$call"
  names+=(v2024lib v2026lib)
fi

elapsed() { # command...: wall seconds
  local t0 t1; t0=$(date +%s.%N); "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log" >&2; return 1; }; t1=$(date +%s.%N)
  awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }'
}
generator_seconds() { # log: FactorialGen's generator line of csc's ReportAnalyzer output
  grep -E 'FactorialGen\.Generator\.FactorialClientGenerator' "$1" | head -1 | awk '{ print $1 }' || true
}
nonempty() { grep . || true; }   # grep exits 1 on no lines, which pipefail would turn into the script's exit
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

for name in "${names[@]}"; do dotnet restore "$(app_dir "$name")" -v:q -nologo > "$work/$name-restore.log"; done
dotnet build-server shutdown > /dev/null 2>&1 || true
# Warm the server and the SDK once (not measured).
dotnet build "$work/none" --no-restore -nologo -v:q > /dev/null

declare -A clean edit gencold genwarm
for round in $(seq 1 "$rounds"); do
  for name in "${names[@]}"; do
    dir="$(app_dir "$name")"; lib="$(client_dir "$name")"
    clean[$name]+="$(elapsed dotnet build "$dir" --no-restore --no-incremental -nologo -v:q) "
    genwarm[$name]+="$(dotnet build "$lib" --no-restore --no-incremental -nologo -v:d -p:ReportAnalyzer=true > "$work/$name-warm.log" 2>&1; generator_seconds "$work/$name-warm.log") "
    genwarm[$name]="${genwarm[$name]% } "
    echo "namespace Consumer; internal static class Edited { public const int Value = $round; }" > "$dir/Edited.cs"
    edit[$name]+="$(elapsed dotnet build "$dir" --no-restore -nologo -v:q) "
    gencold[$name]+="$(dotnet build "$lib" --no-restore --no-incremental -nologo -v:d -p:ReportAnalyzer=true -p:UseSharedCompilation=false > "$work/$name-cold.log" 2>&1; generator_seconds "$work/$name-cold.log") "
  done
done

printf '\n%-12s %10s %10s %12s %12s %8s %12s %10s %10s\n' consumer clean-s clean-x edit-s edit-x gen-cold gen-warm gen-bytes gen-lines
base_clean=$(tr ' ' '\n' <<< "${clean[builtin]}" | nonempty | median)
base_edit=$(tr ' ' '\n' <<< "${edit[builtin]}" | nonempty | median)
for name in "${names[@]}"; do
  c=$(tr ' ' '\n' <<< "${clean[$name]}" | nonempty | median)
  e=$(tr ' ' '\n' <<< "${edit[$name]}" | nonempty | median)
  gc=$(tr ' ' '\n' <<< "${gencold[$name]}" | nonempty | median)
  gw=$(tr ' ' '\n' <<< "${genwarm[$name]}" | nonempty | median)
  gen="$(client_dir "$name")/obj/Debug/net10.0/generated/FactorialGen.Generator"
  bytes=0; lines=0
  if [[ -d "$gen" ]]; then bytes=$(find "$gen" -name '*.cs' -exec cat {} + | wc -c); lines=$(find "$gen" -name '*.cs' -exec cat {} + | wc -l); fi
  printf '%-12s %10s %10s %12s %12s %8s %12s %10s %10s\n' "$name" "$c" "$(awk -v a="$c" -v b="$base_clean" 'BEGIN { printf "%.2f", a / b }')" \
    "$e" "$(awk -v a="$e" -v b="$base_edit" 'BEGIN { printf "%.2f", a / b }')" "$gc" "$gw" "$bytes" "$lines"
done
echo
echo "median of $rounds rounds; x = ratio to the built-in document's consumer; gen = FactorialGen's generator in csc (s)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); logs and consumers: $work"
