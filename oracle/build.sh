#!/usr/bin/env bash
# Builds the Velocity 1.7 oracle into oracle/build, installing Debian's Apache Velocity 1.7 and a JDK
# when they are missing. Prints the class path to run it with.
set -euo pipefail
cd "$(dirname "$0")"
JARS="/usr/share/java/velocity-1.7.jar:/usr/share/java/commons-collections3.jar:/usr/share/java/commons-lang.jar"
if ! command -v javac > /dev/null || [ ! -f /usr/share/java/velocity-1.7.jar ] || [ ! -f /usr/share/java/commons-lang.jar ]; then
  echo "installing velocity and a JDK (apt-get)" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq velocity default-jdk-headless >&2
fi
mkdir -p build
if [ ! -f build/VtlOracle.class ] || [ -n "$(find src -newer build/VtlOracle.class -name '*.java')" ]; then
  javac -nowarn -encoding UTF-8 -cp "$JARS" -d build src/*.java >&2
fi
echo "$PWD/build:$JARS"
