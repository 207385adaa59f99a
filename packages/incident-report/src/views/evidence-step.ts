import { html, nothing } from 'lit';
import { imageProblemText, text } from '../messages.js';
import type { FormController } from '../form-state.js';
import type { EvidenceState } from '../evidence-state.js';
import type { ReportAttachment } from '../report-model.js';

/** The types a person may choose; what the browser cannot decode is refused with a message. */
const accepted = 'image/jpeg,image/png,image/webp';

/**
 * Step 6, optional: up to 5 photos or screenshots, each re-encoded on the device without its
 * metadata, with a preview, a short description (its alt text), and buttons to move or remove it.
 * The file input offers the camera as well as files (no `capture`, which would force the camera).
 */
export function renderEvidenceStep(form: FormController) {
  const { evidence } = form;
  const images = form.draft.attachments;
  const choose = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void evidence.add(files);
  };
  const open = (event: Event) => {
    if (evidence.full) return;
    ((event.currentTarget as HTMLElement).previousElementSibling as HTMLInputElement).click();
  };
  return html`<p class="intro">${text.evidenceIntro()}</p>
    <p class="hint">${text.evidencePrivacy()}</p>
    ${
      images.length
        ? html`<p class="hint" id="alt-hint">${text.altHint()}</p>
            <ol class="images">
              ${images.map((image, index) => renderImage(evidence, image, index, images.length))}
            </ol>`
        : nothing
    }
    <div class="image-problems" role="alert">
      ${
        evidence.problems.length
          ? html`<ul>
              ${evidence.problems.map(
                ({ name, problem }) => html`<li class="field-error" dir="auto">${imageProblemText(problem, name)}</li>`,
              )}
            </ul>`
          : nothing
      }
    </div>
    <div class="add-image">
      <input type="file" id="image-file" accept=${accepted} multiple hidden @change=${choose} />
      <button
        type="button"
        id="add-image"
        class="button secondary"
        aria-disabled=${evidence.full ? 'true' : nothing}
        aria-describedby=${evidence.full ? 'images-full' : nothing}
        @click=${open}
      >
        ${text.addImage()}
      </button>
      ${evidence.full && !evidence.preparing ? html`<p class="hint" id="images-full">${text.imagesFull()}</p>` : nothing}
    </div>
    <div role="status" class="image-status">
      ${evidence.preparing ? html`<p>${text.preparingImage()}</p>` : nothing}
      <p class="visually-hidden">${statusText(evidence)}</p>
    </div>`;
}

function renderImage(evidence: EvidenceState, image: ReportAttachment, index: number, total: number) {
  const name = text.imageNumber(index + 1, total);
  return html`<li class="image">
    <canvas class="preview" role="img" data-image=${image.id} aria-label=${image.alt.trim() || name}></canvas>
    <div class="image-fields">
      <p class="image-name" id="image-${image.id}-name">${name}</p>
      <div class="field">
        <label for="image-${image.id}-alt">${text.altLabel()}</label>
        <input
          id="image-${image.id}-alt"
          type="text"
          dir="auto"
          maxlength="300"
          autocomplete="off"
          aria-describedby="image-${image.id}-name alt-hint"
          .value=${image.alt}
          @input=${(event: Event) => evidence.describe(image.id, (event.target as HTMLInputElement).value)}
        />
      </div>
      <div class="image-actions">
        ${
          index > 0
            ? html`<button
                type="button"
                class="button secondary"
                id="image-${image.id}-up"
                @click=${() => evidence.move(image.id, -1, 'up')}
              >
                ${text.moveUp()}<span class="visually-hidden">: ${name}</span>
              </button>`
            : nothing
        }
        ${
          index < total - 1
            ? html`<button
                type="button"
                class="button secondary"
                id="image-${image.id}-down"
                @click=${() => evidence.move(image.id, 1, 'down')}
              >
                ${text.moveDown()}<span class="visually-hidden">: ${name}</span>
              </button>`
            : nothing
        }
        <button
          type="button"
          class="button secondary"
          id="image-${image.id}-remove"
          @click=${() => evidence.remove(image.id)}
        >
          ${text.remove()}<span class="visually-hidden">: ${name}</span>
        </button>
      </div>
    </div>
  </li>`;
}

function statusText(evidence: EvidenceState): string {
  const status = evidence.status;
  if (!status) return '';
  if (status.kind === 'added') return text.imageAdded(status.count);
  return status.kind === 'moved' ? text.imageMoved(status.position) : text.imageRemoved();
}
