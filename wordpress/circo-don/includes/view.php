<?php
/**
 * The prerendered view: what the builder made when the configuration was saved, kept
 * as an option and printed by the shortcode and the block before the live widget.
 *
 * @package circo-don
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/**
 * Where the widget's element finds its configuration: the page itself, in a
 * `<script type="application/json">` of this id that the shortcode prints once (the
 * widget's inline `#id` form), so that the widget asks the site for nothing but its
 * own three files.
 */
define( 'CIRCO_DON_CONFIG_ID', 'circo-don-config' );

/**
 * The tags and attributes of a prerendered view (the widget's components rendered by
 * the builder: its text, buttons, fields, the goal's bar, the transfer QR code), for
 * wp_kses. The view is posted from the settings page, so it is filtered like any
 * content of a user without `unfiltered_html` would be: no script, no event handler,
 * no inline style, no `javascript:` address.
 *
 * @return array
 */
function circo_don_view_tags() {
	$common = array(
		'class'            => true,
		'id'               => true,
		'lang'             => true,
		'dir'              => true,
		'role'             => true,
		'hidden'           => true,
		'tabindex'         => true,
		'title'            => true,
		'translate'        => true,
		'aria-atomic'      => true,
		'aria-busy'        => true,
		'aria-controls'    => true,
		'aria-current'     => true,
		'aria-describedby' => true,
		'aria-disabled'    => true,
		'aria-expanded'    => true,
		'aria-hidden'      => true,
		'aria-invalid'     => true,
		'aria-label'       => true,
		'aria-labelledby'  => true,
		'aria-live'        => true,
		'aria-pressed'     => true,
		'data-*'           => true,
	);
	$with  = function ( $own = array() ) use ( $common ) {
		return array_merge( $common, array_fill_keys( $own, true ) );
	};
	$plain = array( 'div', 'span', 'p', 'h2', 'h3', 'h4', 'h5', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 'small', 'section', 'fieldset', 'legend', 'summary', 'dl', 'dt', 'dd', 'br', 'abbr', 'code', 'kbd', 'sup', 'sub', 'g', 'title', 'desc' );
	$tags  = array_fill_keys( $plain, $with() );
	return array_merge(
		$tags,
		array(
			'template'   => $with( array( 'shadowrootmode' ) ),
			'link'       => $with( array( 'rel', 'href' ) ),
			'blockquote' => $with( array( 'cite' ) ),
			'details'    => $with( array( 'open' ) ),
			'label'      => $with( array( 'for' ) ),
			'output'     => $with( array( 'for', 'name' ) ),
			'progress'   => $with( array( 'max', 'value' ) ),
			'time'       => $with( array( 'datetime' ) ),
			'button'     => $with( array( 'type', 'name', 'value', 'disabled' ) ),
			'input'      => $with( array( 'type', 'name', 'value', 'inputmode', 'autocomplete', 'min', 'max', 'step', 'placeholder', 'readonly', 'disabled', 'checked', 'pattern', 'size', 'spellcheck', 'required', 'enterkeyhint' ) ),
			'a'          => $with( array( 'href', 'target', 'rel', 'download', 'hreflang' ) ),
			'svg'        => $with( array( 'xmlns', 'viewbox', 'width', 'height', 'fill', 'shape-rendering', 'focusable', 'preserveaspectratio' ) ),
			'path'       => $with( array( 'd', 'fill', 'stroke', 'stroke-width', 'fill-rule', 'transform' ) ),
			'rect'       => $with( array( 'x', 'y', 'width', 'height', 'fill', 'transform' ) ),
		)
	);
}

/**
 * The widget's element out of the builder's prerendered snippet (its three lines: the
 * wasm's preload, the element holding the view, the script), filtered; '' when it is
 * not a snippet for this site's configuration and files.
 *
 * @param string $snippet The snippet as the builder wrote it.
 * @return string
 */
function circo_don_clean_view( $snippet ) {
	$lines   = preg_split( '/\R/', trim( (string) $snippet ) );
	$element = '';
	foreach ( $lines as $line ) {
		if ( 0 === strpos( $line, '<div data-circo-don=' ) ) {
			$element = $line;
		}
	}
	$start = '<div data-circo-don="#' . CIRCO_DON_CONFIG_ID . '"><template shadowrootmode="open">';
	// The element ends with its fallback text (read only when the script does not run,
	// see the README's embedding section) after the view's template.
	if ( 0 !== strpos( $element, $start ) || false === strpos( $element, '</template>' ) || '</div>' !== substr( $element, -6 ) ) {
		return '';
	}
	return wp_kses( $element, circo_don_view_tags() );
}

/**
 * The saved view: `html` (the widget's element holding its first view) and `made` (the
 * day it was made, Y-m-d), or null when none was saved (a registry, whose view depends
 * on the circo, or a configuration saved without one).
 *
 * @return array|null
 */
function circo_don_saved_view() {
	$view = get_option( CIRCO_DON_OPTION_VIEW );
	if ( ! is_array( $view ) || empty( $view['html'] ) ) {
		return null;
	}
	return $view;
}
