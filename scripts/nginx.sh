#!/usr/bin/env bash
# Serves dist/ with Debian's nginx and deploy/nginx.conf, as a webmaster
# would: dist/'s contents copied under a sub-path (/rkgh/) of a root, and
# only the two lines the file says to adapt changed (listen, root). Runs
# COMMAND with E2E_ORIGIN set to the site's address and SERVER_ACCESS_LOG
# to its access log, then stops nginx.
#   scripts/nginx.sh COMMAND...
# nginx runs as this user in the foreground with everything under a
# temporary directory; nothing touches /etc or /var.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serving.sh
[ -f dist/index.html ] || { echo "dist/ is missing: run npm run build" >&2; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is not installed (scripts/setup.sh test installs it)" >&2; exit 1; }
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

dir=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$dir"' EXIT
chmod 755 "$dir"   # the workers run as another user when nginx starts as root
mkdir -p "$dir/html/rkgh" "$dir/tmp"
cp -R dist/. "$dir/html/rkgh/"
port=$(free_port)

# The two lines a webmaster adapts, and a check that they were the ones.
sed -e "s|^    listen 80;|    listen 127.0.0.1:$port;|" -e "s|^    root /var/www/liangshan;|    root $dir/html;|" deploy/nginx.conf > "$dir/site.conf"
[ "$(diff deploy/nginx.conf "$dir/site.conf" | grep -c '^>')" = 2 ] || { echo "deploy/nginx.conf: the listen and root lines were not found" >&2; exit 1; }

brotli=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
cat > "$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
$( [ -f "$brotli" ] && echo "load_module $brotli;" )
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $dir/access.log;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    sendfile on;
    include $dir/site.conf;
}
CONF
"$NGINX" -t -q -c "$dir/nginx.conf" -p "$dir"
"$NGINX" -c "$dir/nginx.conf" -p "$dir" &
pid=$!
wait_serving "http://127.0.0.1:$port/rkgh/" nginx "$dir/error.log"
echo "[nginx] serving dist/ at http://127.0.0.1:$port/rkgh/ with deploy/nginx.conf" >&2
E2E_ORIGIN="http://127.0.0.1:$port/rkgh" SERVER_ACCESS_LOG="$dir/access.log" "$@"
