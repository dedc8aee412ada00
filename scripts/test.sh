#!/usr/bin/env bash
# The whole test suite: type-check, then every test file under test/ with node's test runner.
# TS sources run through tsx; the "source" export condition makes `clarifai-typed` resolve to runtime/*.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
npx tsc -p tsconfig.json --noEmit
mapfile -t files < <(find test -name '*.test.ts' -not -path '*/fixtures/*' | sort)
exec node --conditions=source --import tsx --test --test-concurrency=2 "${files[@]}"
