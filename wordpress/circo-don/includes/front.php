<?php
/**
 * What visitors get: the shortcode `[circo-don]` and the block `circo-don/widget`, which
 * print the prerendered view followed by the live widget, and the widget's script,
 * enqueued only on the pages that hold one of them.
 *
 * @package circo-don
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Registers the widget's script (printed only when a shortcode or block enqueues it),
 * the shortcode and the block.
 */
function circo_don_register() {
	if ( ! function_exists( 'wp_enqueue_script_module' ) ) {
		// Before WordPress 6.5: a classic script, turned into a module by
		// circo_don_module_tag.
		wp_register_script( 'circo-don', circo_don_asset_url( 'circo-don.js' ), array(), CIRCO_DON_VERSION, true );
	}
	add_shortcode( 'circo-don', 'circo_don_shortcode' );

	wp_register_script(
		'circo-don-block',
		plugins_url( 'blocks/widget.js', CIRCO_DON_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		CIRCO_DON_VERSION,
		true
	);
	wp_localize_script(
		'circo-don-block',
		'circoDonBlock',
		array(
			'title'       => __( 'Donation widget (circo-don)', 'circo-don' ),
			'description' => __( 'The campaign’s donation widget, as configured in Settings → circo-don.', 'circo-don' ),
			'placeholder' => __( 'The donation widget shows here on the published page.', 'circo-don' ),
			'circo'       => __( 'Circo (with a registry of several circos)', 'circo-don' ),
			'circoHelp'   => __( 'For example 75-01. Leave empty with a single configuration.', 'circo-don' ),
			'lang'        => __( 'Language the widget starts in', 'circo-don' ),
			'langDefault' => __( 'The configuration’s', 'circo-don' ),
		)
	);
	register_block_type(
		'circo-don/widget',
		array(
			'api_version'     => 2,
			'editor_script'   => 'circo-don-block',
			'render_callback' => 'circo_don_render_block',
			'attributes'      => array(
				'circo' => array(
					'type'    => 'string',
					'default' => '',
				),
				'lang'  => array(
					'type'    => 'string',
					'default' => '',
				),
			),
			'supports'        => array(
				'html'     => false,
				'multiple' => true,
			),
		)
	);
}
add_action( 'init', 'circo_don_register' );

/**
 * The widget's script as a module (`type="module"`), for WordPress before 6.5, which has
 * no module script API.
 *
 * @param string $tag    The script tag WordPress made.
 * @param string $handle The script's handle.
 * @param string $src    The script's address.
 * @return string
 */
function circo_don_module_tag( $tag, $handle, $src ) {
	if ( 'circo-don' !== $handle ) {
		return $tag;
	}
	// phpcs:ignore WordPress.WP.EnqueuedResources.NonEnqueuedScript -- this is the enqueued script's own tag.
	return '<script type="module" src="' . esc_url( $src ) . '" id="circo-don-js"></script>' . "\n";
}
add_filter( 'script_loader_tag', 'circo_don_module_tag', 10, 3 );

/**
 * Enqueues the widget's script: called by the shortcode and the block only, so a page
 * without either loads nothing of this plugin.
 */
function circo_don_enqueue() {
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'circo-don', circo_don_asset_url( 'circo-don.js' ), array(), CIRCO_DON_VERSION );
	} else {
		wp_enqueue_script( 'circo-don' );
	}
}

/**
 * The shortcode `[circo-don]`, with `circo` (a registry's circo to preselect, e.g.
 * 75-01) and `lang` (fr or en: the language the widget starts in).
 *
 * @param array|string $atts The shortcode's attributes.
 * @return string
 */
function circo_don_shortcode( $atts ) {
	$atts = shortcode_atts(
		array(
			'circo' => '',
			'lang'  => '',
		),
		$atts,
		'circo-don'
	);
	return circo_don_widget( $atts['circo'], $atts['lang'] );
}

/**
 * The block `circo-don/widget`, rendered on the server like the shortcode.
 *
 * @param array $attributes The block's attributes.
 * @return string
 */
function circo_don_render_block( $attributes ) {
	$circo = isset( $attributes['circo'] ) ? $attributes['circo'] : '';
	$lang  = isset( $attributes['lang'] ) ? $attributes['lang'] : '';
	return '<div ' . get_block_wrapper_attributes() . '>' . circo_don_widget( $circo, $lang ) . '</div>';
}

/**
 * The widget: the configuration (once per page), the wasm's preload, the widget's
 * element holding the prerendered view when there is one, and the script enqueued.
 *
 * @param string $circo A registry's circo to preselect, or ''.
 * @param string $lang  fr, en, or '' (the configuration's language).
 * @return string
 */
function circo_don_widget( $circo, $lang ) {
	static $config_printed = false;
	$config = get_option( CIRCO_DON_OPTION_CONFIG );
	if ( ! is_string( $config ) || '' === $config ) {
		if ( current_user_can( 'manage_options' ) ) {
			return '<p class="circo-don-missing">' . esc_html__( 'circo-don: no configuration has been saved yet. Prepare it in Settings → circo-don; visitors see nothing here until then.', 'circo-don' ) . '</p>';
		}
		return '';
	}
	circo_don_enqueue();

	$out = '';
	if ( ! $config_printed ) {
		$config_printed = true;
		// JSON has `<`, `>` and `&` only inside strings, where their \u escapes mean the
		// same: the text cannot end the script element.
		$json = str_replace( array( '<', '>', '&' ), array( '\u003c', '\u003e', '\u0026' ), $config );
		$out .= '<script type="application/json" id="' . esc_attr( CIRCO_DON_CONFIG_ID ) . '">' . $json . '</script>' . "\n";
	}
	$out .= '<link rel="preload" href="' . esc_url( circo_don_asset_url( 'circo-don_bg.wasm' ) ) . '" as="fetch" crossorigin>' . "\n";

	$extra = '';
	$lang  = strtolower( trim( (string) $lang ) );
	if ( in_array( $lang, array( 'fr', 'en' ), true ) ) {
		$extra .= ' data-lang="' . esc_attr( $lang ) . '"';
	}
	$circo = trim( (string) $circo );
	if ( '' !== $circo ) {
		$extra .= ' data-circo="' . esc_attr( $circo ) . '"';
	}
	$open = '<div data-circo-don="#' . esc_attr( CIRCO_DON_CONFIG_ID ) . '"';
	$view = circo_don_saved_view();
	// A registry's view depends on the circo: the builder makes none, the live widget
	// shows the chooser.
	if ( $view && '' === $circo ) {
		$out .= $open . $extra . substr( $view['html'], strlen( $open ) );
	} else {
		$out .= $open . $extra . '></div>';
	}
	return $out . "\n";
}
