#!/bin/sh
# Writes the desk's class-data sharing archive (lib/app/carddesk.jsa) into an application image,
# from the classes one start of the desk loads (carddesk.classlist). The JVM then maps those classes
# from the archive instead of loading and verifying them one by one at every start. An archive is
# valid only for the folder it was made in, so the package's postinst makes it again where the desk
# is installed. A missing or stale archive is ignored by the JVM, and this script never fails the
# build or the installation.
#   cds-archive.sh <application image folder>
image=${1:?application image folder}
app=$image/lib/app
cfg=$app/CardDesk.cfg
[ -f "$app/carddesk.classlist" ] || { echo "cds-archive: no class list in $app" >&2; exit 0; }
rm -f "$app/carddesk.jsa"
# The launcher takes JVM options from its .cfg only: dump with two more, then put it back.
cp "$cfg" "$cfg.cds-saved"
printf '%s\n' 'java-options=-Xshare:dump' 'java-options=-XX:SharedClassListFile=$APPDIR/carddesk.classlist' \
    'java-options=-Xlog:cds=off' >> "$cfg"
"$image/bin/CardDesk" >/dev/null 2>&1
mv "$cfg.cds-saved" "$cfg"
if [ -f "$app/carddesk.jsa" ]; then
    chmod 0644 "$app/carddesk.jsa"
    echo "cds-archive: $(du -h "$app/carddesk.jsa" | cut -f1) written to $app/carddesk.jsa"
else
    echo "cds-archive: no archive written; the desk starts without one" >&2
fi
exit 0
