/* global window -- a classic script for the WordPress block editor */
/**
 * The block editor's side of the four blocks: a card that names the widget and what is set, and its
 * settings in the sidebar (one control per attribute of includes/definitions.php, passed in as
 * window.openCityWidgetsBlocks). No build step: WordPress's own globals only. The widget itself is
 * rendered on the server, on the published page.
 */
(function (wp, config) {
  'use strict';
  if (!wp || !config) return;
  var el = wp.element.createElement;
  var InspectorControls = wp.blockEditor.InspectorControls;
  var useBlockProps = wp.blockEditor.useBlockProps;
  var components = wp.components;

  function control(attribute, props) {
    var value = props.attributes[attribute.name];
    var set = function (next) {
      var change = {};
      change[attribute.name] = next;
      props.setAttributes(change);
    };
    if (attribute.kind === 'boolean') {
      return el(components.ToggleControl, {
        key: attribute.name,
        label: attribute.label,
        checked: !!value,
        onChange: set,
      });
    }
    if (attribute.kind === 'enum') {
      var options = [{ value: '', label: config.default }];
      Object.keys(attribute.choices || {}).forEach(function (choice) {
        options.push({ value: choice, label: attribute.choices[choice] });
      });
      return el(components.SelectControl, {
        key: attribute.name,
        label: attribute.label,
        value: value || '',
        options: options,
        onChange: set,
      });
    }
    var type = attribute.kind === 'integer' ? 'number' : attribute.kind.indexOf('url') === 0 ? 'url' : 'text';
    return el(components.TextControl, {
      key: attribute.name,
      label: attribute.label,
      type: type,
      min: attribute.min === null ? undefined : attribute.min,
      max: attribute.max === null ? undefined : attribute.max,
      value: value || '',
      onChange: function (next) {
        set(String(next));
      },
    });
  }

  Object.keys(config.blocks).forEach(function (name) {
    var block = config.blocks[name];
    wp.blocks.registerBlockType(name, {
      edit: function (props) {
        var set = block.attributes.filter(function (attribute) {
          var value = props.attributes[attribute.name];
          return value !== '' && value !== false && value !== undefined;
        });
        return el(
          'div',
          useBlockProps({ className: 'open-city-widgets-placeholder' }),
          el(
            InspectorControls,
            null,
            el(
              components.PanelBody,
              { title: block.title, initialOpen: true },
              block.attributes.map(function (attribute) {
                return control(attribute, props);
              }),
            ),
          ),
          el(
            components.Placeholder,
            { label: block.title, instructions: block.description },
            el(
              'div',
              null,
              el('p', null, config.note),
              set.length
                ? el(
                    'ul',
                    null,
                    set.map(function (attribute) {
                      return el(
                        'li',
                        { key: attribute.name },
                        attribute.attribute + ': ' + String(props.attributes[attribute.name]),
                      );
                    }),
                  )
                : null,
            ),
          ),
        );
      },
      save: function () {
        return null;
      },
    });
  });
})(window.wp, window.openCityWidgetsBlocks);
