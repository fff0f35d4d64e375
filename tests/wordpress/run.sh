#!/usr/bin/env bash
# The `wordpress` test layer: a real WordPress (Debian's package, tools/setup.sh
# wordpress) started in a temporary folder, on 127.0.0.1 only, then the plugin's tests
# in Chromium (tests/wordpress/*.test.mjs), then everything stopped and removed.
#   MariaDB      its own data folder, a Unix socket, no network at all
#   WordPress    a copy of /usr/share/wordpress with a wp-config.php of its own (every
#                outgoing HTTP request blocked, no cron, files written directly), in
#                French (Debian's wordpress-l10n), served by PHP's built-in server
#                through router.php, installed by its own install step
#   the plugin   dist/release/circo-don-wordpress-VERSION.zip (tools/release.sh),
#                uploaded by the tests through wp-admin
# Screenshots go to target/wordpress-shots/. Set KEEP=1 to keep the folder (and its
# logs) after the run.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
export PATH="$root/node_modules/.bin:$PATH"

for tool in mariadb-install-db mariadbd mariadb php; do
  command -v "$tool" > /dev/null || { echo "wordpress: $tool is missing: run tools/setup.sh wordpress" >&2; exit 1; }
done
[ -f /usr/share/wordpress/wp-settings.php ] || { echo "wordpress: Debian's wordpress package is missing: run tools/setup.sh wordpress" >&2; exit 1; }

bash tools/release.sh > /dev/null
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
zip="$root/dist/release/circo-don-wordpress-$version.zip"

tmp=$(mktemp -d /tmp/circo-don-wordpress.XXXXXX)
db_pid= web_pid=
stop() {
  # PHP's server forks its workers: its whole process group (its own, by setsid).
  if [ -n "$web_pid" ]; then kill -- "-$web_pid" 2> /dev/null || true; wait "$web_pid" 2> /dev/null || true; fi
  if [ -n "$db_pid" ]; then kill "$db_pid" 2> /dev/null || true; wait "$db_pid" 2> /dev/null || true; fi
  if [ -n "${KEEP:-}" ]; then echo "wordpress: kept $tmp"; else rm -rf "$tmp"; fi
}
trap stop EXIT

t=$(date +%s)
sock="$tmp/db.sock"
mariadb-install-db --no-defaults --user="$(id -un)" --datadir="$tmp/db" --auth-root-authentication-method=socket \
  --skip-test-db > "$tmp/db-install.log" 2>&1 || { cat "$tmp/db-install.log"; exit 1; }
mariadbd --no-defaults --user="$(id -un)" --datadir="$tmp/db" --socket="$sock" --skip-networking \
  --pid-file="$tmp/db.pid" --log-error="$tmp/db.err" &
db_pid=$!
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
[ -S "$sock" ] || { echo "wordpress: MariaDB did not start:"; cat "$tmp/db.err"; exit 1; }
mariadb --no-defaults -S "$sock" -u root -e "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';"

port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
url="http://127.0.0.1:$port"
cp -a /usr/share/wordpress "$tmp/wp"
rm "$tmp/wp/wp-config.php"
# Debian's wp-content holds the themes and languages; this copy writes its own.
chmod -R u+w "$tmp/wp/wp-content"
mkdir -p "$tmp/wp/wp-content/uploads"
salt=$(head -c 48 /dev/urandom | base64 | tr -d '/+=')
cat > "$tmp/wp/wp-config.php" <<PHP
<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', 'wordpress' );
define( 'DB_HOST', 'localhost:$sock' );
define( 'DB_CHARSET', 'utf8mb4' );
\$table_prefix = 'wp_';
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as \$key ) {
	define( \$key, '$salt' . \$key );
}
define( 'WP_HOME', '$url' );
define( 'WP_SITEURL', '$url' );
define( 'FS_METHOD', 'direct' );
define( 'DISABLE_WP_CRON', true );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '$tmp/debug.log' );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';
PHP
cp tests/wordpress/router.php "$tmp/router.php"
echo "application/wasm" > "$tmp/wasm-type"
CIRCO_WASM_TYPE_FILE="$tmp/wasm-type" PHP_CLI_SERVER_WORKERS=4 \
  setsid php -d upload_max_filesize=16M -d post_max_size=16M -S "127.0.0.1:$port" -t "$tmp/wp" "$tmp/router.php" > "$tmp/web.log" 2>&1 &
web_pid=$!
for _ in $(seq 100); do curl -s -o /dev/null "$url/wp-login.php" && break; sleep 0.1; done

# WordPress's own install step (what its install page posts), in French.
admin_pass=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
curl -s --fail -o "$tmp/install.html" "$url/wp-admin/install.php?step=2" \
  --data-urlencode "weblog_title=Collectif exemple" --data-urlencode "user_name=admin" \
  --data-urlencode "admin_password=$admin_pass" --data-urlencode "admin_password2=$admin_pass" \
  --data-urlencode "pw_weak=1" --data-urlencode "admin_email=admin@example.invalid" \
  --data-urlencode "blog_public=0" --data-urlencode "language=fr_FR"
grep -q 'wp-login.php' "$tmp/install.html" || { echo "wordpress: the install step failed:"; sed 's/<[^>]*>//g' "$tmp/install.html" | tail -20; exit 1; }
author_pass=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
php tests/wordpress/wp.php "$tmp/wp" author auteur "$author_pass" > /dev/null
echo "wordpress: WordPress $(php tests/wordpress/wp.php "$tmp/wp" version) at $url, ready in $(( $(date +%s) - t )) s"

status=0
CIRCO_WP_URL="$url" CIRCO_WP_DIR="$tmp/wp" CIRCO_WP_ZIP="$zip" CIRCO_WP_WASM_TYPE="$tmp/wasm-type" \
CIRCO_WP_ADMIN_PASS="$admin_pass" CIRCO_WP_AUTHOR_PASS="$author_pass" \
  node --test --test-concurrency=1 --test-timeout=600000 tests/wordpress/ || status=$?
# WordPress 6.1's own deprecations under PHP 8.2 are counted; the plugin's fail the run.
if [ -s "$tmp/debug.log" ]; then
  echo "wordpress: $(grep -c '^\[' "$tmp/debug.log") PHP notices in debug.log, of which the plugin's:"
  if grep '/plugins/circo-don/' "$tmp/debug.log"; then status=1; else echo "  none"; fi
fi
exit "$status"
