#!/usr/bin/env bash
# `npm run test:languages`: builds the Python wheel, the Java jar and the Go module with projen's own
# package tasks, then runs the Python, Java and Go example apps' test suites against them, each
# installed the way a user of that language installs it. Each suite compares its app's template
# with the TypeScript example's, synthesized here first by the CDK CLI.
# Run from a fresh clone after `npm ci`: every dependency comes from the registries.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
export CDK_DISABLE_CLI_TELEMETRY=true
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

only=${1:-all}   # python | java | go | all: one suite, for the inner loop
step() { printf '\n=== %s\n' "$*"; }
timed() { local start=$SECONDS; "$@"; printf '\n--- %s took %s s\n' "$*" "$((SECONDS - start))"; }

out=$root/dist/languages
mkdir -p "$out"

# jsii-pacmak writes the versions of the dependencies installed in node_modules into the Go
# module. An interrupted test:aws-cdk-lib-range leaves another aws-cdk-lib there: refuse to package it.
dev=$(node -p "require('./package.json').devDependencies['aws-cdk-lib']")
installed=$(node -p "require('aws-cdk-lib/package.json').version")
if [ "$installed" != "$dev" ]; then
  echo "node_modules has aws-cdk-lib $installed, not the development version $dev: run npm ci" >&2
  exit 1
fi

step "jsii compile"
timed npx projen compile

step "the TypeScript example, synthesized by the CDK CLI (the reference template)"
rm -rf "$out/typescript.out"
(cd examples && timed npx cdk synth --quiet --no-notices --output "$out/typescript.out")
export CDK_REFERENCE_OUT=$out/typescript.out

if [ "$only" = all ] || [ "$only" = python ]; then
  step "Python: package:python (wheel), then a virtualenv with it and aws-cdk-lib from PyPI"
  rm -rf dist/python
  timed npx projen package:python
  rm -rf "$out/venv"
  python3 -m venv "$out/venv"
  timed "$out/venv/bin/pip" install --quiet dist/python/*.whl -r examples/python/requirements.txt
  step "Python: pytest examples/python"
  (cd examples/python && timed "$out/venv/bin/python" -m pytest -p no:cacheprovider -v)
fi

if [ "$only" = all ] || [ "$only" = java ]; then
  step "Java: package:java (jar and pom), installed into the local Maven repository"
  rm -rf dist/java
  timed npx projen package:java
  version=$(node -p "require('./package.json').version")
  artifact=dist/java/io/github/cdk-integration-responses/cdk-integration-responses/$version/cdk-integration-responses-$version
  timed mvn --batch-mode --quiet org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
    -Dfile="$artifact.jar" -DpomFile="$artifact.pom"
  step "Java: mvn test in examples/java"
  (cd examples/java && timed mvn --batch-mode --no-transfer-progress test -Dcdk-integration-responses.version="$version")
fi

if [ "$only" = all ] || [ "$only" = go ]; then
  step "Go: package:go (the Go module), required by examples/go through a replace directive"
  rm -rf dist/go
  timed npx projen package:go
  cd examples/go
  # go.mod and go.sum are committed like a lockfile: when the built module's requirements change
  # (a new aws-cdk-lib development version), say so instead of rewriting them here.
  if ! go mod tidy -diff; then
    echo "examples/go/go.mod or go.sum is out of date with dist/go: run 'go mod tidy' in examples/go and commit" >&2
    exit 1
  fi
  step "Go: go test in examples/go"
  timed go test -count=1 -v .
  cd "$root"
fi
