<?php
/**
 * The router of PHP's built-in server for the wordpress test layer: static files as
 * the server serves them, but `.wasm` with the type written in the file that
 * CIRCO_WASM_TYPE_FILE names, so that a test can play a host that does not know
 * application/wasm; everything else to WordPress, as Apache's rewrite rules would.
 *
 * @package circo-don
 */

$circo_don_path = urldecode( parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$circo_don_file = realpath( $_SERVER['DOCUMENT_ROOT'] . $circo_don_path );
if ( $circo_don_file && is_file( $circo_don_file ) && '.wasm' === substr( $circo_don_file, -5 ) ) {
	header( 'Content-Type: ' . trim( file_get_contents( getenv( 'CIRCO_WASM_TYPE_FILE' ) ) ) );
	header( 'Cache-Control: no-cache' );
	header( 'Content-Length: ' . filesize( $circo_don_file ) );
	readfile( $circo_don_file );
	return true;
}
if ( $circo_don_file && ( is_file( $circo_don_file ) || is_dir( $circo_don_file ) ) ) {
	return false;
}
require $_SERVER['DOCUMENT_ROOT'] . '/index.php';
