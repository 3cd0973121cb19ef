# shellcheck shell=bash
# Finds a JDK >= 21 and a Maven, with no variable to set by hand. Source it, then call
#   pyc_find_jdk   -> exports JAVA_HOME and puts $JAVA_HOME/bin first on PATH
#   pyc_find_maven -> sets PYC_MVN (installs Debian's maven when none exists and we are root)
# A JAVA_HOME that already points at a JDK >= 21 is used as it is.

PYC_MIN_JAVA=21

# Prints the feature version (17, 21, 25, ...) of the JDK at $1, or nothing.
pyc_jdk_version() {
    local home=$1 line v
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || return 0
    if [ -f "$home/release" ]; then
        line=$(grep -m1 '^JAVA_VERSION=' "$home/release" 2>/dev/null)
        v=${line#JAVA_VERSION=}
        v=${v//\"/}
    fi
    if [ -z "${v:-}" ]; then
        v=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)
    fi
    v=${v#1.}          # 1.8.0 -> 8.0
    v=${v%%[.+-]*}     # 25.0.3 -> 25
    case "$v" in '' | *[!0-9]*) return 0 ;; esac
    printf '%s\n' "$v"
}

# Candidate JDK homes, most likely first.
pyc_jdk_candidates() {
    [ -n "${JAVA_HOME:-}" ] && printf '%s\n' "$JAVA_HOME"
    local java
    if java=$(command -v java 2>/dev/null); then
        java=$(readlink -f "$java")
        printf '%s\n' "${java%/bin/java}"
    fi
    local d
    for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /opt/*jdk* /usr/local/*jdk* \
             "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* "$HOME"/.local/share/jdks/*; do
        [ -d "$d" ] && printf '%s\n' "$d"
    done
}

pyc_find_jdk() {
    local best="" best_v=0 seen="" home v
    while IFS= read -r home; do
        home=$(readlink -f "$home" 2>/dev/null) || continue
        case " $seen " in *" $home "*) continue ;; esac
        seen="$seen $home"
        v=$(pyc_jdk_version "$home")
        [ -n "$v" ] || continue
        if [ -n "${JAVA_HOME:-}" ] && [ "$home" = "$(readlink -f "$JAVA_HOME")" ] && [ "$v" -ge "$PYC_MIN_JAVA" ]; then
            best=$home best_v=$v
            break
        fi
        if [ "$v" -ge "$PYC_MIN_JAVA" ] && [ "$v" -gt "$best_v" ]; then
            best=$home best_v=$v
        fi
    done < <(pyc_jdk_candidates)

    if [ -z "$best" ]; then
        {
            echo "pyconcurrent needs a JDK $PYC_MIN_JAVA or newer (the project compiles with --release 21)."
            echo "Looked at JAVA_HOME, the java on PATH, /usr/lib/jvm, /opt, /usr/local, ~/.sdkman and ~/.jdks;"
            echo "found only:${seen:- nothing}"
            echo "Install one (for example Temurin 21 or 25, or 'apt-get install openjdk-21-jdk' where Debian has it)"
            echo "and run this again: it will be found on its own."
        } >&2
        return 1
    fi
    export JAVA_HOME=$best
    export PATH="$JAVA_HOME/bin:$PATH"
}

pyc_find_maven() {
    if command -v mvn >/dev/null 2>&1; then
        PYC_MVN=$(command -v mvn)
        return 0
    fi
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "Maven not found: installing Debian's maven package." >&2
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven >&2 || true
    fi
    if command -v mvn >/dev/null 2>&1; then
        PYC_MVN=$(command -v mvn)
        return 0
    fi
    echo "pyconcurrent needs Apache Maven 3.8 or newer on PATH ('apt-get install maven')." >&2
    return 1
}
