<?php
/**
 * A block per widget (blocks/<type>/block.json), rendered on the server; its settings are block
 * attributes, edited in the block's sidebar by editor/blocks.js.
 *
 * @package OpenCityWidgets
 */

defined( 'ABSPATH' ) || exit;

/** Register the editor script and the four blocks. */
function oc_widgets_register_blocks() {
	wp_register_script(
		'open-city-widgets-editor',
		plugins_url( 'editor/blocks.js', OC_WIDGETS_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		OC_WIDGETS_VERSION,
		true
	);
	$controls = array();
	foreach ( oc_widgets_definitions() as $type => $definition ) {
		$attributes = array();
		foreach ( $definition['attributes'] as $name => $attribute ) {
			$attributes[] = array(
				'name'      => oc_widgets_block_attribute( $name ),
				'attribute' => $name,
				'kind'      => $attribute['kind'],
				'label'     => $attribute['label'],
				'choices'   => isset( $attribute['choices'] ) ? $attribute['choices'] : null,
				'min'       => isset( $attribute['min'] ) ? $attribute['min'] : null,
				'max'       => isset( $attribute['max'] ) ? $attribute['max'] : null,
			);
		}
		$controls[ 'open-city/' . $type ] = array(
			'title'       => $definition['title'],
			'description' => $definition['description'],
			'tag'         => $definition['tag'],
			'attributes'  => $attributes,
		);
		register_block_type(
			OC_WIDGETS_DIR . 'blocks/' . $type,
			array(
				'render_callback' => function ( $block_attributes ) use ( $type ) {
					return oc_widgets_render_block( $type, $block_attributes );
				},
			)
		);
	}
	wp_add_inline_script(
		'open-city-widgets-editor',
		'window.openCityWidgetsBlocks = ' . wp_json_encode(
			array(
				'blocks'  => $controls,
				'default' => __( 'Default', 'open-city-widgets' ),
				'note'    => __( 'Shown on the published page. Set it up in the block’s sidebar.', 'open-city-widgets' ),
			)
		) . ';',
		'before'
	);
}
add_action( 'init', 'oc_widgets_register_blocks' );

/**
 * A block's HTML: its attributes (camelCase) back to the element's names.
 *
 * @param string $type             Widget type.
 * @param array  $block_attributes The block's attributes.
 * @return string
 */
function oc_widgets_render_block( $type, $block_attributes ) {
	$definitions = oc_widgets_definitions();
	$settings    = array();
	foreach ( array_keys( $definitions[ $type ]['attributes'] ) as $name ) {
		$key = oc_widgets_block_attribute( $name );
		if ( isset( $block_attributes[ $key ] ) && '' !== $block_attributes[ $key ] && false !== $block_attributes[ $key ] ) {
			$settings[ $name ] = $block_attributes[ $key ];
		}
	}
	return oc_widgets_render( $type, $settings, get_block_wrapper_attributes() );
}
