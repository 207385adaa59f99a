<?php
/**
 * The four widgets, and every attribute an editor may set on each: its kind (how it is cleaned),
 * the values it may take and the label of its control. Nothing outside this list reaches the page.
 * Kept equal to the elements' custom-elements.json by packages/wordpress/test/wordpress-test.mjs.
 *
 * @package OpenCityWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * Kinds: `url` (one http(s) or site-relative address, `{lang}` kept), `urls` (several, separated by
 * spaces), `url-template` (`{z}`, `{x}`, `{y}` kept), `enum` (one of `values`), `boolean`, `integer`
 * (`min` to `max`), `text` (plain text), `time-zone`, `month` (YYYY-MM), `locales`, `phone`.
 *
 * @return array<string, array> Widget type => definition.
 */
function oc_widgets_definitions() {
	static $definitions = null;
	if ( null !== $definitions ) {
		return $definitions;
	}
	$heading_level = array(
		'kind'  => 'integer',
		'min'   => 1,
		'max'   => 6,
		'label' => __( 'Heading level of the widget’s top headings (default 2)', 'open-city-widgets' ),
	);
	$time_zone     = array(
		'kind'  => 'time-zone',
		'label' => __( 'Time zone (default Europe/Warsaw)', 'open-city-widgets' ),
	);
	$definitions   = array(
		'language-switcher' => array(
			'tag'         => 'oc-language-switcher',
			'script'      => 'language-switcher.js',
			'title'       => __( 'Language switcher', 'open-city-widgets' ),
			'description' => __( 'One choice of language for every Open City widget on the page.', 'open-city-widgets' ),
			'attributes'  => array(
				'locales'       => array(
					'kind'  => 'locales',
					'label' => __( 'Languages to offer, separated by spaces (empty: all)', 'open-city-widgets' ),
				),
				'variant'       => array(
					'kind'    => 'enum',
					'values'  => array( 'select', 'list' ),
					'choices' => array(
						'select' => __( 'Drop-down', 'open-city-widgets' ),
						'list'   => __( 'List of every language', 'open-city-widgets' ),
					),
					'label'   => __( 'Look', 'open-city-widgets' ),
				),
				'sync-document' => array(
					'kind'  => 'boolean',
					'label' => __( 'Also set the language of the whole page', 'open-city-widgets' ),
				),
			),
		),
		'service-finder'    => array(
			'tag'         => 'oc-service-finder',
			'script'      => 'service-finder.js',
			'title'       => __( 'Service finder', 'open-city-widgets' ),
			'description' => __( 'Find a service for migrants, from an Open Referral (HSDS) feed.', 'open-city-widgets' ),
			'attributes'  => array(
				'src'             => array(
					'kind'  => 'url',
					'label' => __( 'Address of the services feed (may contain {lang})', 'open-city-widgets' ),
				),
				'time-zone'       => $time_zone,
				'sync-url'        => array(
					'kind'  => 'boolean',
					'label' => __( 'Keep the search in the page address, so it can be shared', 'open-city-widgets' ),
				),
				'page-size'       => array(
					'kind'  => 'integer',
					'min'   => 1,
					'max'   => 200,
					'label' => __( 'Results shown at first (default 20)', 'open-city-widgets' ),
				),
				'view'            => array(
					'kind'    => 'enum',
					'values'  => array( 'list', 'map' ),
					'choices' => array(
						'list' => __( 'List', 'open-city-widgets' ),
						'map'  => __( 'Map', 'open-city-widgets' ),
					),
					'label'   => __( 'Shown first', 'open-city-widgets' ),
				),
				'map-tiles'       => array(
					'kind'  => 'url-template',
					'label' => __( 'Map tiles address, with {z}, {x} and {y} (default OpenStreetMap)', 'open-city-widgets' ),
				),
				'map-attribution' => array(
					'kind'  => 'text',
					'label' => __( 'Map attribution (default © OpenStreetMap contributors)', 'open-city-widgets' ),
				),
				'heading-level'   => $heading_level,
			),
		),
		'incident-report'   => array(
			'tag'         => 'oc-incident-report',
			'script'      => 'incident-report.js',
			'title'       => __( 'Incident report', 'open-city-widgets' ),
			'description' => __( 'Report a discriminatory or hate incident, safely.', 'open-city-widgets' ),
			'attributes'  => array(
				'endpoint'         => array(
					'kind'  => 'url',
					'label' => __( 'Address that receives the reports (required)', 'open-city-widgets' ),
				),
				'privacy-url'      => array(
					'kind'  => 'url',
					'label' => __( 'Privacy notice address', 'open-city-widgets' ),
				),
				'exit-url'         => array(
					'kind'  => 'url',
					'label' => __( 'Quick exit goes to', 'open-city-widgets' ),
				),
				'emergency-number' => array(
					'kind'  => 'phone',
					'label' => __( 'Emergency number (default 112)', 'open-city-widgets' ),
				),
				'support-url'      => array(
					'kind'  => 'url',
					'label' => __( 'Support service address, shown after sending', 'open-city-widgets' ),
				),
				'support-phone'    => array(
					'kind'  => 'phone',
					'label' => __( 'Support service phone number', 'open-city-widgets' ),
				),
				'time-zone'        => $time_zone,
				'heading-level'    => $heading_level,
			),
		),
		'event-calendar'    => array(
			'tag'         => 'oc-event-calendar',
			'script'      => 'event-calendar.js',
			'title'       => __( 'Event calendar', 'open-city-widgets' ),
			'description' => __( 'Integration events from iCalendar and schema.org feeds.', 'open-city-widgets' ),
			'attributes'  => array(
				'src'           => array(
					'kind'  => 'urls',
					'label' => __( 'Addresses of the event feeds, separated by spaces', 'open-city-widgets' ),
				),
				'view'          => array(
					'kind'    => 'enum',
					'values'  => array( 'list', 'month' ),
					'choices' => array(
						'list'  => __( 'List', 'open-city-widgets' ),
						'month' => __( 'Month', 'open-city-widgets' ),
					),
					'label'   => __( 'View (empty: by the width of the page)', 'open-city-widgets' ),
				),
				'time-zone'     => $time_zone,
				'month'         => array(
					'kind'  => 'month',
					'label' => __( 'Month shown first, as YYYY-MM (empty: this month)', 'open-city-widgets' ),
				),
				'heading-level' => $heading_level,
			),
		),
	);
	return $definitions;
}

/**
 * The block attribute name of an element attribute: `sync-url` → `syncUrl`.
 *
 * @param string $attribute Element attribute name.
 * @return string
 */
function oc_widgets_block_attribute( $attribute ) {
	return lcfirst( str_replace( ' ', '', ucwords( str_replace( '-', ' ', $attribute ) ) ) );
}
