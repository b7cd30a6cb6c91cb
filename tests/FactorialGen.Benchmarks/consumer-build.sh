#!/usr/bin/env bash
# Build time of a consumer of the full 2024-10-01 document (404 operations) with FactorialGen, against the same
# consumer without FactorialGen. Both live under a temporary folder (never in the repository); the document is read
# from ../shared/specs at build time, never copied. Each consumer is built twice: the first build after restore, then
# a forced rebuild (--no-incremental) with the compiler server warm. -p:ReportAnalyzer=true makes csc report how long
# each generator and analyzer took.
#
#   bash tests/FactorialGen.Benchmarks/consumer-build.sh            # from the repository root
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
spec="$(cd "$repo/.." && pwd)/shared/specs/factorial-openapi-2024-10-01.json"
[[ -f "$spec" ]] || { echo "The real document is not at $spec" >&2; exit 1; }
work="$(mktemp -d /tmp/factorialgen-consumer-XXXXXX)"
version="0.0.0-bench.$(date +%s)"   # a fresh version: a repacked same version would come from the stale cache
feed="$work/feed"

echo "packing FactorialGen $version into $feed"
dotnet pack "$repo/src/Runtime/FactorialGen.Runtime.csproj" -c Release -o "$feed" -p:Version="$version" \
  -p:TreatWarningsAsErrors=false -v:q -nologo > "$work/pack.log"

make_consumer() { # name, with FactorialGen (yes/no)
  local dir="$work/$1"
  mkdir -p "$dir"
  cat > "$dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
XML
  {
    echo '<Project Sdk="Microsoft.NET.Sdk">'
    echo '  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><RootNamespace>Consumer</RootNamespace></PropertyGroup>'
    if [[ "$2" == yes ]]; then
      echo "  <ItemGroup><PackageReference Include=\"FactorialGen\" Version=\"$version\" /><FactorialSpec Include=\"$spec\" /></ItemGroup>"
    fi
    echo '</Project>'
  } > "$dir/Consumer.csproj"
  {
    echo 'namespace Consumer;'
    if [[ "$2" == yes ]]; then
      echo '[FactorialGen.FactorialClient(FactorialGen.FactorialScope.ReadWrite, Spec = "factorial-openapi-2024-10-01.json")]'
      echo 'public partial class HrFull;'
    fi
    echo 'public static class Program { public static void Main() => System.Console.WriteLine("built"); }'
  } > "$dir/Program.cs"
}

make_consumer with yes
make_consumer without no

seconds() { # log file: the elapsed time msbuild reports
  grep -E '^Time Elapsed' "$1" | tail -1 | sed -E 's/Time Elapsed ([0-9:.]+)/\1/' | awk -F: '{ printf "%.1f", $1 * 3600 + $2 * 60 + $3 }'
}

report() { # log file: the Csc task's time, then csc's ReportAnalyzer totals
  local csc
  csc="$(grep -E '^ +[0-9]+ ms +Csc +[0-9]+ calls' "$1" | awk '{ printf "%.1f", $1 / 1000 }')"
  printf 'csc %s s; ' "$csc"
  grep -E 'Total (analyzer|generator) execution time' "$1" | sed -E 's/^ +//; s/ execution time//; s/seconds\./s/' | sort -u | tr '\n' ' ' || true
}

printf '%-10s %-22s %8s  %s\n' consumer build seconds 'inside: compiler task, and its generator / analyzer totals (-p:ReportAnalyzer=true)'
for name in without with; do
  dir="$work/$name"
  dotnet restore "$dir" -v:q -nologo > "$work/$name-restore.log"
  dotnet build "$dir" --no-restore -nologo -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$work/$name-1.log"
  printf '%-10s %-22s %8s  %s\n' "$name" "first (after restore)" "$(seconds "$work/$name-1.log")" "$(report "$work/$name-1.log")"
  dotnet build "$dir" --no-restore --no-incremental -nologo -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true > "$work/$name-2.log"
  printf '%-10s %-22s %8s  %s\n' "$name" "rebuild (warm server)" "$(seconds "$work/$name-2.log")" "$(report "$work/$name-2.log")"
done

echo "logs and consumers: $work"
echo "slowest generators and analyzers in the rebuild with FactorialGen (seconds; share of all generators or of all analyzers, %):"
grep -E '^ +[0-9]+\.[0-9]+ +<?[0-9]+ +[A-Za-z]' "$work/with-2.log" | sed -E 's/^ +//' | sort -rn | sort -u -k3,3 | sort -rn | head -8 || true
