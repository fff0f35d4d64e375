<?php
/**
 * The settings page (Settings → circo-don): the configuration builder itself, the same
 * page and wasm as the release's builder.html, in a frame of this site, and the form
 * that saves what it made (the configuration and its prerendered view) into the site.
 *
 * @package circo-don
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Adds Settings → circo-don.
 */
function circo_don_admin_menu() {
	$hook = add_options_page(
		__( 'circo-don: the donation widget', 'circo-don' ),
		'circo-don',
		'manage_options',
		'circo-don',
		'circo_don_settings_page'
	);
	add_action( 'admin_print_scripts-' . $hook, 'circo_don_settings_scripts' );
}
add_action( 'admin_menu', 'circo_don_admin_menu' );

/**
 * A « Settings » link beside « Deactivate » in the plugins list.
 *
 * @param array $links The plugin's links.
 * @return array
 */
function circo_don_action_links( $links ) {
	$url = admin_url( 'options-general.php?page=circo-don' );
	array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'circo-don' ) . '</a>' );
	return $links;
}
add_filter( 'plugin_action_links_' . plugin_basename( CIRCO_DON_FILE ), 'circo_don_action_links' );

/**
 * The settings page's script, which moves the configuration between the builder's
 * frame and the form.
 */
function circo_don_settings_scripts() {
	wp_enqueue_script( 'circo-don-settings', plugins_url( 'admin/settings.js', CIRCO_DON_FILE ), array(), CIRCO_DON_VERSION, true );
	wp_enqueue_style( 'circo-don-settings', plugins_url( 'admin/settings.css', CIRCO_DON_FILE ), array(), CIRCO_DON_VERSION );
}

/**
 * Settings → circo-don.
 */
function circo_don_settings_page() {
	if ( ! current_user_can( 'manage_options' ) ) {
		return;
	}
	$config = get_option( CIRCO_DON_OPTION_CONFIG );
	$view   = circo_don_saved_view();
	$data   = array(
		'config'    => is_string( $config ) ? $config : '',
		'configRef' => '#' . CIRCO_DON_CONFIG_ID,
		'base'      => circo_don_asset_url( '' ),
		'lang'      => 0 === strpos( get_user_locale(), 'fr' ) ? 'fr' : 'en',
		'words'     => array(
			'loading'  => __( 'The builder is loading…', 'circo-don' ),
			'errors'   => __( 'The configuration has errors (listed at the top of the builder): correct them before saving. A page never shows a broken account.', 'circo-don' ),
			'empty'    => __( 'Import or fill in a configuration in the builder first.', 'circo-don' ),
			'failed'   => __( 'The builder did not start: WebAssembly may be blocked in this browser, or the plugin’s files are missing. Nothing was saved.', 'circo-don' ),
			'saving'   => __( 'Saving…', 'circo-don' ),
		),
	);
	// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only which notice to show.
	$notice = isset( $_GET['circo-don'] ) ? sanitize_key( wp_unslash( $_GET['circo-don'] ) ) : '';
	?>
	<div class="wrap circo-don-settings">
		<h1><?php esc_html_e( 'circo-don: the donation widget', 'circo-don' ); ?></h1>
		<?php if ( 'saved' === $notice ) : ?>
			<div class="notice notice-success"><p><?php esc_html_e( 'Configuration saved. Every page holding the widget shows it now.', 'circo-don' ); ?></p></div>
		<?php elseif ( 'invalid' === $notice ) : ?>
			<div class="notice notice-error"><p><?php esc_html_e( 'Nothing was saved: what was sent is not a circo-don configuration.', 'circo-don' ); ?></p></div>
		<?php endif; ?>

		<p><?php esc_html_e( 'Prepare your configuration below with the builder (import your circo.json or fill in the form), then save it into this site. To show the widget, put the shortcode [circo-don] in any post or page, or insert the block « Donation widget (circo-don) ». Any user who may edit posts can do so.', 'circo-don' ); ?></p>
		<p><?php esc_html_e( 'Nothing is sent anywhere but this site: the builder runs in your browser, the widget in your visitors’ browsers, with files served by this plugin. No cookie, nothing stored about donors.', 'circo-don' ); ?></p>

		<h2><?php esc_html_e( 'What is saved', 'circo-don' ); ?></h2>
		<p class="circo-don-state">
			<?php
			if ( ! is_string( $config ) || '' === $config ) {
				esc_html_e( 'No configuration yet: pages with the shortcode or the block show nothing to visitors.', 'circo-don' );
			} elseif ( $view ) {
				/* translators: %s: the day the view was made, e.g. 2 December 2026. */
				printf( esc_html__( 'A configuration, and its prerendered view made on %s (readable before the script runs and without JavaScript). It is made again each time you save.', 'circo-don' ), esc_html( date_i18n( get_option( 'date_format' ), strtotime( $view['made'] ) ) ) );
			} else {
				esc_html_e( 'A configuration without prerendered view (a registry of several circos: the widget shows its chooser once its script runs).', 'circo-don' );
			}
			?>
		</p>

		<form id="circo-don-save" method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>">
			<input type="hidden" name="action" value="circo_don_save">
			<?php wp_nonce_field( 'circo_don_save' ); ?>
			<input type="hidden" name="circo_don_config" value="">
			<input type="hidden" name="circo_don_view" value="">
			<p>
				<?php submit_button( __( 'Save into the site', 'circo-don' ), 'primary', 'circo_don_submit', false ); ?>
				<span class="circo-don-status" role="status"></span>
			</p>
		</form>

		<script type="application/json" id="circo-don-settings"><?php echo wp_json_encode( $data, JSON_HEX_TAG | JSON_HEX_AMP ); ?></script>
		<iframe id="circo-don-builder" title="<?php esc_attr_e( 'The configuration builder', 'circo-don' ); ?>" src="<?php echo esc_url( circo_don_asset_url( 'builder.html' ) ); ?>"></iframe>
	</div>
	<?php
}

/**
 * Saves what the settings page posted: the configuration, checked to be one (the
 * builder checked it whole: it saves nothing with an error), and its prerendered
 * view, filtered (circo_don_clean_view).
 */
function circo_don_save() {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You may not change this site’s settings.', 'circo-don' ), 403 );
	}
	check_admin_referer( 'circo_don_save' );
	$back   = admin_url( 'options-general.php?page=circo-don' );
	$config = isset( $_POST['circo_don_config'] ) ? trim( wp_unslash( $_POST['circo_don_config'] ) ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- JSON, checked below and escaped when printed.
	$value  = json_decode( $config, true );
	$format = is_array( $value ) && isset( $value['format'] ) ? $value['format'] : '';
	if ( ! in_array( $format, array( 'circo-don/1', 'circo-don-registry/1' ), true ) ) {
		wp_safe_redirect( add_query_arg( 'circo-don', 'invalid', $back ) );
		exit;
	}
	$snippet = isset( $_POST['circo_don_view'] ) ? wp_unslash( $_POST['circo_don_view'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- filtered by circo_don_clean_view.
	$html    = 'circo-don/1' === $format ? circo_don_clean_view( $snippet ) : '';
	// Not autoloaded: only pages with the widget read them.
	update_option( CIRCO_DON_OPTION_CONFIG, $config, false );
	if ( '' === $html ) {
		delete_option( CIRCO_DON_OPTION_VIEW );
	} else {
		update_option(
			CIRCO_DON_OPTION_VIEW,
			array(
				'html' => $html,
				'made' => current_time( 'Y-m-d' ),
			),
			false
		);
	}
	wp_safe_redirect( add_query_arg( 'circo-don', 'saved', $back ) );
	exit;
}
add_action( 'admin_post_circo_don_save', 'circo_don_save' );
