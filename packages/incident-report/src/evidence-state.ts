import { prepareImage, previewOf, maxImages, ImageProblemError, type ImageProblem } from './evidence.js';
import { claimImages, deleteImages, readImage, saveImage, sweepImages } from './evidence-store.js';
import type { ReportAttachment, ReportDraft } from './report-model.js';

/** What the evidence needs of the form it belongs to (a FormController). */
export interface EvidenceHost {
  readonly endpoint: string;
  readonly draft: ReportDraft;
  change(changes: Partial<ReportDraft>): void;
  /** Render again, and move focus to `selector` after it when given. */
  refresh(focus?: string): void;
  /** Ids of the reports of this endpoint waiting in the outbox (their images must stay). */
  queuedIds(): string[];
  clock(): number;
}

/** A file that was not added, and why (`lost`: an image of the draft that is no longer on the device). */
export interface EvidenceProblem {
  name: string;
  problem: ImageProblem | 'lost';
}

export type EvidenceStatus =
  { kind: 'added'; count: number } | { kind: 'removed' } | { kind: 'moved'; position: number } | undefined;

/**
 * The draft's images: adding (re-encoded, kept in IndexedDB under the draft's id, listed in the
 * draft), describing, moving and removing them; their previews; what went wrong, in words for the
 * person. Its actions say where focus goes, so that reordering and removing work by keyboard.
 */
export class EvidenceState {
  /** Small bitmaps of the draft's images, by attachment id. */
  readonly previews = new Map<string, ImageBitmap>();
  problems: EvidenceProblem[] = [];
  /** Files being prepared now. */
  preparing = 0;
  /** What the last action did, announced politely. */
  status: EvidenceStatus;

  /** What each preview canvas shows now, so that it is drawn again only when that changes. */
  private readonly painted = new WeakMap<HTMLCanvasElement, ImageBitmap>();
  private releaseClaim = () => {};
  private claimed = '';

  constructor(private readonly host: EvidenceHost) {}

  get full(): boolean {
    return this.host.draft.attachments.length + this.preparing >= maxImages;
  }

  /**
   * A draft (restored, or new): claim its images for this page, show the ones still on the device,
   * and forget those of drafts nobody holds any more.
   */
  async follow(draft: ReportDraft): Promise<void> {
    this.claim(draft.id);
    for (const preview of this.previews.values()) preview.close();
    this.previews.clear();
    const lost: string[] = [];
    for (const attachment of draft.attachments) {
      const stored = await readImage(attachment.id).catch(() => undefined);
      const preview = stored && (await previewOf(stored.blob).catch(() => undefined));
      if (preview) this.previews.set(attachment.id, preview);
      else lost.push(attachment.id);
    }
    if (this.host.draft.id !== draft.id) return;
    if (lost.length > 0) {
      this.host.change({ attachments: this.host.draft.attachments.filter((item) => !lost.includes(item.id)) });
      this.problems = [{ name: '', problem: 'lost' }];
    }
    this.host.refresh();
    const keep = new Set([draft.id, ...this.host.queuedIds()]);
    await sweepImages(this.host.endpoint, keep, this.host.clock()).catch(() => {});
  }

  /** The files a person chose: each checked, re-encoded and kept, in order; at most 5 in all. */
  async add(files: readonly File[]): Promise<void> {
    this.problems = [];
    this.status = undefined;
    const reportId = this.host.draft.id;
    for (const file of files) {
      if (this.full) {
        this.problems.push({ name: file.name, problem: 'too-many' });
        continue;
      }
      this.preparing++;
      this.host.refresh();
      try {
        const prepared = await prepareImage(file);
        const id = crypto.randomUUID();
        try {
          await saveImage({
            id,
            reportId,
            endpoint: this.host.endpoint,
            blob: prepared.blob,
            savedAt: this.host.clock(),
          });
        } catch {
          prepared.preview.close();
          throw new ImageProblemError('storage');
        }
        if (this.host.draft.id !== reportId) {
          // The draft was sent or left meanwhile: this image belongs to nothing.
          prepared.preview.close();
          void deleteImages([id]);
          return;
        }
        this.previews.set(id, prepared.preview);
        const attachment: ReportAttachment = {
          id,
          type: prepared.type,
          bytes: prepared.blob.size,
          sha256: prepared.sha256,
          alt: '',
        };
        this.host.change({ attachments: [...this.host.draft.attachments, attachment] });
        this.status = { kind: 'added', count: this.host.draft.attachments.length };
      } catch (error) {
        const problem = error instanceof ImageProblemError ? error.problem : 'unreadable';
        this.problems.push({ name: file.name, problem });
      } finally {
        this.preparing--;
      }
    }
    this.host.refresh();
  }

  /** Draw the previews into their canvases (`data-image`), after a render. */
  paint(root: ParentNode): void {
    for (const canvas of root.querySelectorAll<HTMLCanvasElement>('canvas[data-image]')) {
      const preview = this.previews.get(canvas.dataset.image!);
      if (!preview || this.painted.get(canvas) === preview) continue;
      canvas.width = preview.width;
      canvas.height = preview.height;
      canvas.getContext('2d')?.drawImage(preview, 0, 0);
      this.painted.set(canvas, preview);
    }
  }

  describe(id: string, alt: string): void {
    this.host.change({
      attachments: this.host.draft.attachments.map((item) => (item.id === id ? { ...item, alt } : item)),
    });
  }

  /** Move an image up (-1) or down (+1); focus stays on the same button of the moved image. */
  move(id: string, by: -1 | 1, button: 'up' | 'down'): void {
    const list = [...this.host.draft.attachments];
    const from = list.findIndex((item) => item.id === id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= list.length) return;
    [list[from], list[to]] = [list[to], list[from]];
    this.status = { kind: 'moved', position: to + 1 };
    this.host.change({ attachments: list });
    // At the top or the bottom that button is gone: focus the other one.
    const edge = (button === 'up' && to === 0) || (button === 'down' && to === list.length - 1);
    this.host.refresh(`#image-${id}-${edge ? (button === 'up' ? 'down' : 'up') : button}`);
  }

  /** Remove an image from the draft and from the device; focus goes to the next one, or to "Add". */
  remove(id: string): void {
    const list = this.host.draft.attachments;
    const index = list.findIndex((item) => item.id === id);
    const next = list[index + 1] ?? list[index - 1];
    this.previews.get(id)?.close();
    this.previews.delete(id);
    void deleteImages([id]);
    this.problems = [];
    this.status = { kind: 'removed' };
    this.host.change({ attachments: list.filter((item) => item.id !== id) });
    this.host.refresh(next ? `#image-${next.id}-remove` : '#add-image');
  }

  /**
   * The draft is gone (sent and accepted, taken for a bot's, or forgotten at the quick exit):
   * let go of its images. `deleteFromDevice`: also delete them, unless the outbox still needs them.
   */
  forget(draft: ReportDraft, deleteFromDevice: boolean): void {
    for (const preview of this.previews.values()) preview.close();
    this.previews.clear();
    this.problems = [];
    this.status = undefined;
    if (deleteFromDevice && !this.host.queuedIds().includes(draft.id)) {
      void deleteImages(draft.attachments.map((item) => item.id));
    }
  }

  /** The element left the page: its draft's images are no longer held by it. */
  release(): void {
    this.releaseClaim();
    this.releaseClaim = () => {};
    this.claimed = '';
  }

  /** Back on the page: hold the draft's images again. */
  reclaim(): void {
    this.claim(this.host.draft.id);
  }

  private claim(reportId: string): void {
    if (this.claimed === reportId) return;
    this.releaseClaim();
    this.claimed = reportId;
    this.releaseClaim = claimImages(reportId);
  }
}
