<?php
/**
 * Deleting the plugin removes everything it stored: its two options, on every site of
 * a network. It keeps nothing else (no table, no file, no cookie, nothing about donors).
 *
 * @package circo-don
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

/**
 * Deletes the options of the current site.
 */
function circo_don_uninstall_site() {
	delete_option( 'circo_don_config' );
	delete_option( 'circo_don_view' );
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $circo_don_site ) {
		switch_to_blog( $circo_don_site );
		circo_don_uninstall_site();
		restore_current_blog();
	}
} else {
	circo_don_uninstall_site();
}
