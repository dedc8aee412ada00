#!/usr/bin/env bash
# The whole test suite, as `npm test` and CI run it: type-check, lint, build the package, then every test file
# under test/ with node's test runner. TS sources run through tsx; the "source" export condition makes
# `clarifai-typed` resolve to runtime/*.ts inside the repository.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== type-check (tsc --strict)"
npx tsc -p tsconfig.json --noEmit
echo "== lint (eslint)"
npx eslint --max-warnings 0 .
echo "== build (dist/)"
npx tsc -p tsconfig.build.json
echo "== tests (node --test)"
mapfile -t files < <(find test -name '*.test.ts' -not -path '*/fixtures/*' | sort)
exec node --conditions=source --import tsx --test --test-concurrency=2 "${files[@]}"
