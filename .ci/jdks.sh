# Finds a JDK of one major version (sourced by .ci/run).
#   find_or_install_jdk N   prints the JAVA_HOME of a JDK whose major version is N, installing
#                           Debian's openjdk-N-jdk-headless when none is there; fails if neither works.
# Looked at, in order: $JAVA<N>_HOME, $JAVA_HOME, the java on PATH, every JDK under /usr/lib/jvm.

jdk_major() { # jdk_major JAVA_HOME -> the major version its java reports, or nothing
  local home="$1"
  [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || return 1
  "$home/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -1
}

find_jdk() { # find_jdk N
  local want="$1" var="JAVA${1}_HOME" candidates=()
  [[ -n "${!var:-}" ]] && candidates+=("${!var}")
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  local d
  for d in /usr/lib/jvm/*; do
    [[ -d "$d" && ! -L "$d" ]] && candidates+=("$d")
  done
  for d in "${candidates[@]}"; do
    if [[ "$(jdk_major "$d" 2>/dev/null)" == "$want" ]]; then
      echo "$d"
      return 0
    fi
  done
  return 1
}

find_or_install_jdk() { # find_or_install_jdk N
  find_jdk "$1" && return 0
  echo "CI: no JDK $1 here; trying Debian's openjdk-$1-jdk-headless" >&2
  if command -v apt-get >/dev/null 2>&1; then
    if apt-cache show "openjdk-$1-jdk-headless" >/dev/null 2>&1 || { apt-get update -qq >&2 && apt-cache show "openjdk-$1-jdk-headless" >/dev/null 2>&1; }; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "openjdk-$1-jdk-headless" >&2 || true
    else
      echo "CI: this machine's package registries have no openjdk-$1-jdk-headless" >&2
    fi
  fi
  find_jdk "$1"
}
