<?php
/**
 * What the wordpress test layer asks of its WordPress outside the browser, through
 * WordPress's own functions: `php wp.php WP_DIR COMMAND ARGS...`.
 *   version                 WordPress's version
 *   author LOGIN PASSWORD   creates a user with the Author role
 *   options                 the names of the options whose name holds "circo" (JSON)
 *   option NAME             an option's value (JSON)
 *   post ID                 a post's stored content
 *
 * @package circo-don
 */

$_SERVER['HTTP_HOST']   = '127.0.0.1';
$_SERVER['REQUEST_URI'] = '/';
require $argv[1] . '/wp-load.php';

switch ( $argv[2] ) {
	case 'version':
		echo get_bloginfo( 'version' );
		break;
	case 'author':
		$id = wp_insert_user(
			array(
				'user_login' => $argv[3],
				'user_pass'  => $argv[4],
				'user_email' => $argv[3] . '@example.invalid',
				'role'       => 'author',
			)
		);
		if ( is_wp_error( $id ) ) {
			fwrite( STDERR, $id->get_error_message() . "\n" );
			exit( 1 );
		}
		echo $id;
		break;
	case 'options':
		global $wpdb;
		echo wp_json_encode( $wpdb->get_col( "SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE '%circo%'" ) );
		break;
	case 'option':
		echo wp_json_encode( get_option( $argv[3], null ) );
		break;
	case 'post':
		echo get_post( (int) $argv[3] )->post_content;
		break;
	default:
		fwrite( STDERR, "unknown command {$argv[2]}\n" );
		exit( 2 );
}
