// Settings → circo-don: moves the configuration between WordPress and the builder's
// frame (assets/builder.html, the release's builder, same origin). The builder is
// driven only through what a person uses: its import field (the saved configuration is
// opened as a file), its two address fields (the page's inline configuration and this
// plugin's folder) and what it shows (the JSON, the prerendered snippet, its problems).
// Saving posts both to admin-post.php with the page's nonce.
( function () {
	var frame = document.getElementById( 'circo-don-builder' );
	var form = document.getElementById( 'circo-don-save' );
	var data = JSON.parse( document.getElementById( 'circo-don-settings' ).textContent );
	var status = form.querySelector( '.circo-don-status' );
	var words = data.words;

	function say( text ) {
		status.textContent = text;
	}

	// Resolves with the first element of the frame's document matching `selector`, or
	// null after `ms`.
	function find( selector, ms ) {
		var until = Date.now() + ms;
		return new Promise( function ( resolve ) {
			( function look() {
				var doc = frame.contentDocument;
				var found = doc && doc.querySelector( selector );
				if ( found || Date.now() > until ) {
					resolve( found || null );
				} else {
					setTimeout( look, 100 );
				}
			} )();
		} );
	}

	function type( input, value ) {
		if ( input.value === value ) {
			return;
		}
		input.value = value;
		input.dispatchEvent( new frame.contentWindow.Event( 'input', { bubbles: true } ) );
	}

	function addresses() {
		var doc = frame.contentDocument;
		type( doc.getElementById( 'config-url' ), data.configRef );
		type( doc.getElementById( 'files-url' ), data.base );
	}

	// The frame's height follows its content: one scrollbar, the page's.
	function follow() {
		var body = frame.contentDocument.body;
		var fit = function () {
			frame.style.height = frame.contentDocument.documentElement.scrollHeight + 'px';
		};
		new frame.contentWindow.ResizeObserver( fit ).observe( body );
		fit();
	}

	say( words.loading );
	frame.addEventListener( 'load', function () {
		find( '#import', 30000 ).then( function ( input ) {
			if ( ! input ) {
				say( words.failed );
				return;
			}
			say( '' );
			var win = frame.contentWindow;
			if ( 'en' === data.lang ) {
				var english = frame.contentDocument.querySelector( '.b-lang button[lang="en"]' );
				if ( english ) {
					english.click();
				}
			}
			addresses();
			if ( data.config ) {
				var files = new win.DataTransfer();
				files.items.add( new win.File( [ data.config ], 'circo.json', { type: 'application/json' } ) );
				input.files = files.files;
				input.dispatchEvent( new win.Event( 'change', { bubbles: true } ) );
			}
			follow();
		} );
	} );

	form.addEventListener( 'submit', function ( event ) {
		event.preventDefault();
		var doc = frame.contentDocument;
		if ( ! doc || ! doc.getElementById( 'config-url' ) ) {
			say( words.failed );
			return;
		}
		if ( doc.querySelector( '.b-summary' ) ) {
			say( words.errors );
			doc.querySelector( '.b-summary' ).scrollIntoView();
			return;
		}
		var json = doc.querySelector( 'details textarea.b-json' ).value;
		if ( ! json.trim() || '{}' === json.trim() ) {
			say( words.empty );
			return;
		}
		say( words.saving );
		// The prerendered snippet, made anew by the builder for this site's addresses.
		addresses();
		var wanted = 'data-circo-don="' + data.configRef + '"';
		var until = Date.now() + 20000;
		( function wait() {
			var made = doc.getElementById( 'prerendered' );
			var none = doc.querySelector( '.b-no-prerender' );
			var ready = made && made.value.indexOf( wanted ) >= 0 && made.value.indexOf( data.base ) >= 0;
			if ( ! ready && ! none && Date.now() < until ) {
				setTimeout( wait, 100 );
				return;
			}
			form.elements.circo_don_config.value = json;
			form.elements.circo_don_view.value = ready ? made.value : '';
			// The builder warns before its page is left with unsaved edits: they are
			// being saved, so its frame goes first.
			frame.remove();
			form.submit();
		} )();
	} );
} )();
