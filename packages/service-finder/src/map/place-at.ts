import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { noChange } from 'lit';

/**
 * Puts an element at pixel `left`, `top` through the CSSOM (`element.style.transform`). Unlike
 * Lit's `styleMap`, whose first render writes a `style` attribute that a page with
 * `style-src 'self'` refuses, this never writes markup.
 */
class PlaceAt extends Directive {
  private left?: number;
  private top?: number;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('placeAt belongs on an element: <div ${placeAt(x, y)}>');
  }

  render(_left: number, _top: number) {
    return noChange;
  }

  override update(part: ElementPart, [left, top]: [number, number]) {
    // Unchanged places are not written again: a pan moves the pane, not its hundreds of children.
    if (left !== this.left || top !== this.top) {
      this.left = left;
      this.top = top;
      (part.element as HTMLElement).style.transform = `translate(${left}px, ${top}px)`;
    }
    return noChange;
  }
}

export const placeAt = directive(PlaceAt);
