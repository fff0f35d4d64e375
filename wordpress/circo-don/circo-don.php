<?php
/**
 * Plugin Name:       circo-don
 * Description:       The donation widget of a French election campaign (circo-don), served from this site: a settings page with the configuration builder, a shortcode and a block. No request to anyone but this site, no cookie, nothing stored about donors.
 * Version:           0.0.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            circo-don
 * License:           AGPL-3.0-or-later
 * License URI:       https://www.gnu.org/licenses/agpl-3.0.html
 * Text Domain:       circo-don
 * Domain Path:       /languages
 *
 * @package circo-don
 */

// The version above is written by tools/release.sh from Cargo.toml: the widget's files
// in assets/ come from the same build.

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

define( 'CIRCO_DON_FILE', __FILE__ );
define( 'CIRCO_DON_VERSION', '0.0.0' );

/*
 * The options this plugin stores, and nothing else (uninstall.php deletes them):
 * the configuration as the builder wrote it (JSON text), and the prerendered view the
 * builder made from it when it was saved, with the day it was made. Nothing about
 * donors: the widget computes everything in the visitor's browser and sends nothing.
 */
define( 'CIRCO_DON_OPTION_CONFIG', 'circo_don_config' );
define( 'CIRCO_DON_OPTION_VIEW', 'circo_don_view' );

/**
 * The URL of a file of the widget or the builder, in this plugin's assets/ folder
 * (copied there from the release build by tools/release.sh).
 *
 * @param string $name The file's name.
 * @return string
 */
function circo_don_asset_url( $name ) {
	return plugins_url( 'assets/' . $name, CIRCO_DON_FILE );
}

/**
 * Loads the plugin's translations (languages/circo-don-LOCALE.mo).
 */
function circo_don_load_textdomain() {
	load_plugin_textdomain( 'circo-don', false, dirname( plugin_basename( CIRCO_DON_FILE ) ) . '/languages' );
}
add_action( 'init', 'circo_don_load_textdomain' );

require_once __DIR__ . '/includes/view.php';
require_once __DIR__ . '/includes/front.php';
if ( is_admin() ) {
	require_once __DIR__ . '/includes/admin.php';
}
