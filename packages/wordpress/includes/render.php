<?php
/**
 * Turning an editor's settings into a widget on the page: every value cleaned by its kind, only the
 * attributes of definitions.php, each escaped; the widget's module script enqueued on that page only.
 *
 * @package OpenCityWidgets
 */

defined( 'ABSPATH' ) || exit;

/**
 * One URL, or null when it is not an http(s) or site-relative address. esc_url_raw() would drop
 * the braces of `{lang}` (and `{z}`, `{x}`, `{y}`), which the widgets fill in: they are kept.
 *
 * @param string   $value        What the editor typed.
 * @param string[] $placeholders Placeholders to keep, without braces.
 * @return string|null
 */
function oc_widgets_clean_url( $value, $placeholders ) {
	$value = trim( (string) $value );
	if ( '' === $value || preg_match( '/[\s<>"\'`\\\\]/', $value ) ) {
		return null;
	}
	$tokens = array();
	foreach ( $placeholders as $index => $name ) {
		$token                            = 'ocplaceholder' . $index . 'x';
		$tokens[ $token ]                 = '{' . $name . '}';
		$value                            = str_replace( '{' . $name . '}', $token, $value );
	}
	// Anything with a scheme must be http or https; without one, it must start at the site's root.
	if ( preg_match( '/^[a-z][a-z0-9+.-]*:/i', $value ) ) {
		if ( ! preg_match( '/^https?:\/\//i', $value ) ) {
			return null;
		}
	} elseif ( 0 !== strpos( $value, '/' ) || 0 === strpos( $value, '//' ) ) {
		return null;
	}
	$clean = esc_url_raw( $value, array( 'http', 'https' ) );
	if ( '' === $clean ) {
		return null;
	}
	return strtr( $clean, $tokens );
}

/**
 * The cleaned value of one attribute, or null when it is absent or unusable (then the element goes
 * without it, and shows its own default or its own localized message).
 *
 * @param array $definition The attribute's definition.
 * @param mixed $value      What the block or shortcode holds.
 * @return string|true|null A value, true for a boolean that is on, null for nothing.
 */
function oc_widgets_clean_value( $definition, $value ) {
	if ( is_bool( $value ) ) {
		if ( 'boolean' === $definition['kind'] ) {
			return $value ? true : null;
		}
		return null;
	}
	if ( ! is_scalar( $value ) ) {
		return null;
	}
	$value = trim( (string) $value );
	switch ( $definition['kind'] ) {
		case 'boolean':
			return in_array( strtolower( $value ), array( '', '1', 'true', 'yes', 'on' ), true ) ? true : null;
		case 'enum':
			return in_array( $value, $definition['values'], true ) ? $value : null;
		case 'integer':
			if ( ! preg_match( '/^\d{1,4}$/', $value ) ) {
				return null;
			}
			$number = (int) $value;
			return ( $number >= $definition['min'] && $number <= $definition['max'] ) ? (string) $number : null;
		case 'url':
			return oc_widgets_clean_url( $value, array( 'lang' ) );
		case 'url-template':
			return oc_widgets_clean_url( $value, array( 'z', 'x', 'y' ) );
		case 'urls':
			$urls = array();
			foreach ( preg_split( '/\s+/', $value, -1, PREG_SPLIT_NO_EMPTY ) as $part ) {
				$url = oc_widgets_clean_url( $part, array( 'lang' ) );
				if ( null !== $url ) {
					$urls[] = $url;
				}
			}
			return $urls ? implode( ' ', $urls ) : null;
		case 'time-zone':
			return preg_match( '/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+){0,2}$/', $value ) ? $value : null;
		case 'month':
			return preg_match( '/^\d{4}-(0[1-9]|1[0-2])$/', $value ) ? $value : null;
		case 'locales':
			$value = trim( preg_replace( '/\s+/', ' ', $value ) );
			return preg_match( '/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*( [A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*)*$/', $value ) ? $value : null;
		case 'phone':
			return preg_match( '/^\+?[0-9][0-9 ()\-]{0,24}$/', $value ) ? $value : null;
		case 'text':
			$value = sanitize_text_field( $value );
			return '' === $value ? null : $value;
	}
	return null;
}

/**
 * The element's HTML for a widget type and its settings (element attribute names as keys), and its
 * script enqueued. Unknown types give nothing but an HTML comment; unknown attributes are dropped.
 *
 * @param string $type     Widget type, e.g. `service-finder`.
 * @param array  $settings Attribute name => value.
 * @param string $wrapper  Attributes of a wrapping element (blocks), or '' for none.
 * @return string
 */
function oc_widgets_render( $type, $settings, $wrapper = '' ) {
	$definitions = oc_widgets_definitions();
	if ( ! isset( $definitions[ $type ] ) ) {
		return '<!-- ' . esc_html__( 'Open City Widgets: unknown widget type.', 'open-city-widgets' ) . ' -->';
	}
	$definition = $definitions[ $type ];
	$html       = '<' . $definition['tag'];
	foreach ( $definition['attributes'] as $name => $attribute ) {
		if ( ! array_key_exists( $name, $settings ) ) {
			continue;
		}
		$value = oc_widgets_clean_value( $attribute, $settings[ $name ] );
		if ( true === $value ) {
			$html .= ' ' . $name;
		} elseif ( null !== $value ) {
			$html .= ' ' . $name . '="' . esc_attr( $value ) . '"';
		}
	}
	$html .= '></' . $definition['tag'] . '>';
	oc_widgets_enqueue( $type );
	return '' === $wrapper ? $html : '<div ' . $wrapper . '>' . $html . '</div>';
}

/**
 * Enqueue one widget's entry of the plugin's own copy of the drop-in build, as a module in the
 * footer. Entries share their chunks, so two widgets on a page run one core.
 *
 * @param string $type Widget type.
 */
function oc_widgets_enqueue( $type ) {
	$definitions = oc_widgets_definitions();
	$file        = 'dist/cdn/' . $definitions[ $type ]['script'];
	if ( ! file_exists( OC_WIDGETS_DIR . $file ) ) {
		return;
	}
	wp_enqueue_script( 'open-city-widgets-' . $type, plugins_url( $file, OC_WIDGETS_FILE ), array(), OC_WIDGETS_VERSION, true );
}

/**
 * WordPress before 6.5 has no module scripts: print our handles with `type="module"`.
 *
 * @param string $tag    The script tag WordPress made.
 * @param string $handle Its handle.
 * @param string $src    Its address.
 * @return string
 */
function oc_widgets_module_tag( $tag, $handle, $src ) {
	if ( 0 !== strpos( $handle, 'open-city-widgets-' ) || 'open-city-widgets-editor' === $handle ) {
		return $tag;
	}
	return '<script type="module" src="' . esc_url( $src ) . '" id="' . esc_attr( $handle ) . '-js"></script>' . "\n";
}
add_filter( 'script_loader_tag', 'oc_widgets_module_tag', 10, 3 );
