#!/bin/sh
# Prepares what the central's OCI image holds besides the application: a Java runtime cut to the
# modules the central uses, and the few C libraries that runtime links, taken from this build
# machine (glibc, zlib, libstdc++). Jib adds the application on top and writes the image as a tar
# file, without a Docker daemon or a registry. Called by the central module's package phase:
# image-root.sh <output folder>.
set -eu
out=$1/image-root
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/var/lib/carddesk-central" "$out/tmp"
# jdeps on the runnable jar names these; jdk.crypto.ec for TLS to PostgreSQL and the mail server.
# Not compressed by jlink: Jib gzips the layer, and gzip of the plain module image is smaller (49 MB
# image instead of 55) and cheaper to build than gzip of a zipped one.
# jlink itself is a short Java run: the quick compiler alone halves its CPU (8 s to 4 s here), and
# the runtime it writes is the same.
"$java_home/bin/jlink" -J-XX:TieredStopAtLevel=1 -J-XX:+UseSerialGC --add-modules java.base,java.compiler,java.desktop,java.instrument,java.naming,\
java.scripting,java.security.jgss,java.security.sasl,java.sql,jdk.jfr,jdk.management,jdk.net,\
jdk.unsupported,jdk.crypto.ec,jdk.zipfs \
    --strip-debug --no-man-pages --no-header-files --compress=0 --output "$out/opt/java"
# The C libraries the runtime's own libraries link against, with the loader, at their usual paths.
libs=$(for f in "$out/opt/java/bin/java" "$out"/opt/java/lib/*.so "$out"/opt/java/lib/server/*.so; do
    ldd "$f" 2>/dev/null | awk '/=> \// {print $3} /^\s*\/lib/ {print $1}'
done | sort -u)
for lib in $libs; do
    # Only what the server side needs: no X11, sound or fonts (the central never draws).
    case $(basename "$lib") in
        libX*|libxcb*|libasound*|libfreetype*|libharfbuzz*|libpng*|libjpeg*|libgif*|liblcms*|libgraphite*|\
        libglib*|libgobject*|libatk*|libatspi*|libdbus*|libsystemd*|libpcsclite*|libbrotli*|libbsd*|libmd*|\
        libgcrypt*|libgpg-error*|libcap*|liblz4*|liblzma*|libzstd*|libpcre2*|libffi*) continue ;;
    esac
    mkdir -p "$out$(dirname "$lib")"
    cp -L "$lib" "$out$lib"
done
mkdir -p "$out/lib64"
cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/"
# The service's user, as in the Debian package: no login, no home of its own but the data folder.
printf 'root:x:0:0:root:/root:/sbin/nologin\ncarddesk:x:10001:10001:CardDesk central:/var/lib/carddesk-central:/sbin/nologin\n' \
    > "$out/etc/passwd"
printf 'root:x:0:\ncarddesk:x:10001:\n' > "$out/etc/group"
