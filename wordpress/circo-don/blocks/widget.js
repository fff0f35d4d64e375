// The block `circo-don/widget` in the editor: rendered on the server (includes/front.php),
// so the editor only shows a placeholder and the two settings. No build step: plain
// WordPress globals.
( function ( wp, words ) {
	var el = wp.element.createElement;
	var blockEditor = wp.blockEditor;
	var components = wp.components;
	wp.blocks.registerBlockType( 'circo-don/widget', {
		apiVersion: 2,
		title: words.title,
		description: words.description,
		icon: 'heart',
		category: 'widgets',
		attributes: {
			circo: { type: 'string', default: '' },
			lang: { type: 'string', default: '' },
		},
		supports: { html: false },
		edit: function ( props ) {
			var attributes = props.attributes;
			return el(
				'div',
				blockEditor.useBlockProps( { className: 'circo-don-block-placeholder' } ),
				el(
					blockEditor.InspectorControls,
					null,
					el(
						components.PanelBody,
						{ title: words.title },
						el( components.TextControl, {
							label: words.circo,
							help: words.circoHelp,
							value: attributes.circo,
							onChange: function ( value ) { props.setAttributes( { circo: value } ); },
						} ),
						el( components.SelectControl, {
							label: words.lang,
							value: attributes.lang,
							options: [
								{ label: words.langDefault, value: '' },
								{ label: 'Français', value: 'fr' },
								{ label: 'English', value: 'en' },
							],
							onChange: function ( value ) { props.setAttributes( { lang: value } ); },
						} )
					)
				),
				el( 'p', null, words.title ),
				el( 'p', null, words.placeholder )
			);
		},
		save: function () {
			return null;
		},
	} );
} )( window.wp, window.circoDonBlock );
