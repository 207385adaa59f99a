<?php
/**
 * Shortcodes for the classic editor: `[open_city_widget type="service-finder" src="…"]`, and one per
 * widget, `[oc_service_finder src="…"]`. Attribute names are the elements' own (`time-zone`,
 * `sync-url`); a boolean may stand alone (`[oc_service_finder sync-url]`).
 *
 * @package OpenCityWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Shortcode attributes as element settings: WordPress puts a lone word (`sync-url`) at a numeric key.
 *
 * @param array|string $atts Shortcode attributes.
 * @return array
 */
function oc_widgets_shortcode_settings( $atts ) {
	$settings = array();
	foreach ( (array) $atts as $key => $value ) {
		if ( is_int( $key ) ) {
			$settings[ strtolower( (string) $value ) ] = true;
		} else {
			$settings[ strtolower( $key ) ] = $value;
		}
	}
	return $settings;
}

/**
 * `[open_city_widget type="…" …]`.
 *
 * @param array|string $atts Shortcode attributes.
 * @return string
 */
function oc_widgets_shortcode( $atts ) {
	$settings = oc_widgets_shortcode_settings( $atts );
	$type     = isset( $settings['type'] ) && is_string( $settings['type'] ) ? sanitize_key( $settings['type'] ) : '';
	unset( $settings['type'] );
	return oc_widgets_render( $type, $settings );
}

/** Register the shortcodes. */
function oc_widgets_register_shortcodes() {
	add_shortcode( 'open_city_widget', 'oc_widgets_shortcode' );
	foreach ( array_keys( oc_widgets_definitions() ) as $type ) {
		add_shortcode(
			'oc_' . str_replace( '-', '_', $type ),
			function ( $atts ) use ( $type ) {
				return oc_widgets_render( $type, oc_widgets_shortcode_settings( $atts ) );
			}
		);
	}
}
add_action( 'init', 'oc_widgets_register_shortcodes' );
