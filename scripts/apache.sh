#!/usr/bin/env bash
# Serves dist/ with Debian's Apache 2.4 and deploy/apache.htaccess, as a
# webmaster would: dist/'s contents copied under a sub-path (/rkgh/) of a
# document root, the file copied beside them as .htaccess, and a server
# that allows it (AllowOverride All) with the modules it names. Runs
# COMMAND with E2E_ORIGIN set to the site's address and SERVER_ACCESS_LOG
# to its access log, then stops Apache.
#   scripts/apache.sh COMMAND...
# Apache runs as this user in the foreground with everything under a
# temporary directory; nothing touches /etc or /var.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serving.sh
[ -f dist/index.html ] || { echo "dist/ is missing: run npm run build" >&2; exit 1; }
APACHE=$(command -v apache2 || echo /usr/sbin/apache2)
[ -x "$APACHE" ] || { echo "Apache is not installed (scripts/setup.sh test installs it)" >&2; exit 1; }
modules=/usr/lib/apache2/modules

dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
chmod 755 "$dir"
mkdir -p "$dir/html/rkgh"
cp -R dist/. "$dir/html/rkgh/"
cp deploy/apache.htaccess "$dir/html/rkgh/.htaccess"
port=$(free_port)

cat > "$dir/httpd.conf" <<CONF
ServerRoot $dir
ServerName 127.0.0.1
Listen 127.0.0.1:$port
PidFile $dir/httpd.pid
DefaultRuntimeDir $dir
Mutex file:$dir default
ErrorLog $dir/error.log
LogFormat "%h %l %u %t \"%r\" %>s %B" bytes
CustomLog $dir/access.log bytes
$(for m in mpm_event authz_core mime headers rewrite alias dir; do echo "LoadModule ${m}_module $modules/mod_$m.so"; done)
TypesConfig /etc/mime.types
DocumentRoot $dir/html
DirectoryIndex index.html
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory $dir/html>
  AllowOverride All
  Require all granted
</Directory>
CONF
"$APACHE" -t -f "$dir/httpd.conf" 2>&1 | grep -v "Syntax OK" >&2 || true
"$APACHE" -f "$dir/httpd.conf" -DFOREGROUND &
pid=$!
wait_serving "http://127.0.0.1:$port/rkgh/" Apache "$dir/error.log"
echo "[apache] serving dist/ at http://127.0.0.1:$port/rkgh/ with deploy/apache.htaccess" >&2
E2E_ORIGIN="http://127.0.0.1:$port/rkgh" SERVER_ACCESS_LOG="$dir/access.log" "$@"
