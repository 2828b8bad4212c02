# What scripts/nginx.sh and scripts/apache.sh share (sourced by both).

# A free TCP port on 127.0.0.1.
free_port() {
  node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"
}

# Waits up to five seconds for URL to answer; otherwise prints the server
# NAME's error log ERRORS and stops the script.
wait_serving() {
  local url=$1 name=$2 errors=$3
  for _ in $(seq 50); do
    if node -e "fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$url"; then return 0; fi
    sleep 0.1
  done
  echo "$name did not serve the page:" >&2
  cat "$errors" >&2
  exit 1
}
