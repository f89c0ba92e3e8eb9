#!/usr/bin/env bash
# Runs the test suite against both ends of the aws-cdk-lib peer range: its floor (the oldest release
# the library supports) and the newest release on the registry, looked up now, so a new aws-cdk-lib
# breaks this run before it breaks a user. `npm test` already covers the development version; an end
# that equals it is not run twice. The development version is installed again at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

floor=$(node -p "require('./package.json').peerDependencies['aws-cdk-lib'].replace(/^[~^]/, '')")
dev=$(node -p "require('./package.json').devDependencies['aws-cdk-lib']")
newest=$(npm view aws-cdk-lib version)

restore() { npm install --no-save --no-audit --no-fund --loglevel=error "aws-cdk-lib@$dev" > /dev/null; }
trap restore EXIT

for version in "$floor" "$newest"; do
  if [ "$version" = "$dev" ]; then
    echo "=== aws-cdk-lib $version is the development version: covered by npm test"
    continue
  fi
  echo "=== test suite on aws-cdk-lib $version"
  npm install --no-save --no-audit --no-fund --loglevel=error "aws-cdk-lib@$version" > /dev/null
  installed=$(node -p "require('aws-cdk-lib/package.json').version")
  if [ "$installed" != "$version" ]; then
    echo "expected aws-cdk-lib $version, found $installed" >&2
    exit 1
  fi
  npx jest --ci --coverage=false
done
