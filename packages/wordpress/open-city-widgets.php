<?php
/**
 * Plugin Name:       Open City Widgets
 * Plugin URI:        https://github.com/open-city-widgets/open-city-widgets
 * Description:       Accessible widgets that help a city welcome migrants: a service finder, an incident report form, an event calendar and a language switcher, as blocks and shortcodes.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * Author:            Open City Widgets contributors
 * License:           EUPL-1.2
 * License URI:       https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12
 * Text Domain:       open-city-widgets
 * Domain Path:       /languages
 *
 * @package OpenCityWidgets
 */

defined( 'ABSPATH' ) || exit;

define( 'OC_WIDGETS_VERSION', '0.1.0' );
define( 'OC_WIDGETS_FILE', __FILE__ );
define( 'OC_WIDGETS_DIR', plugin_dir_path( __FILE__ ) );

require_once OC_WIDGETS_DIR . 'includes/definitions.php';
require_once OC_WIDGETS_DIR . 'includes/render.php';
require_once OC_WIDGETS_DIR . 'includes/shortcodes.php';
require_once OC_WIDGETS_DIR . 'includes/blocks.php';

/**
 * The plugin's own translations, for the people who edit the site (the widgets bring theirs, in the
 * visitor's language): compiled from languages/*.po into dist/languages by the plugin's build.
 */
function oc_widgets_load_textdomain() {
	load_plugin_textdomain( 'open-city-widgets', false, dirname( plugin_basename( __FILE__ ) ) . '/dist/languages' );
}
add_action( 'init', 'oc_widgets_load_textdomain', 1 );

/** Tell an administrator when the plugin was installed without its copy of the widgets. */
function oc_widgets_missing_build_notice() {
	if ( file_exists( OC_WIDGETS_DIR . 'dist/cdn/open-city-widgets.js' ) || ! current_user_can( 'activate_plugins' ) ) {
		return;
	}
	echo '<div class="notice notice-error"><p>' . esc_html__( 'Open City Widgets: the widgets’ scripts are missing from the plugin folder (dist/cdn). Install the plugin from its release zip.', 'open-city-widgets' ) . '</p></div>';
}
add_action( 'admin_notices', 'oc_widgets_missing_build_notice' );
