/**
 * The content script's answers to the background's `content:` messages, one handler per type.
 */
import type { Message, Replies } from '../protocol';
import type { PageChecker } from './checker';
import type { OverlayControl } from './overlay';
import { readPageDraft } from './read';

type ContentMessage = Extract<Message, { type: `content:${string}` }>;
export type ContentHandlers = {
  [T in ContentMessage['type']]: (message: Extract<ContentMessage, { type: T }>) => Promise<Replies[T]>;
};

/** Where the selection is on screen; the panel opens beside it (top left when there is none). */
export function selectionBox(doc: Document): { left: number; top: number; bottom: number } {
  const sel = doc.getSelection();
  const rect = sel && sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : undefined;
  return rect ?? { left: 16, top: 16, bottom: 16 };
}

export function createContentHandlers(doc: Document, checker: PageChecker, overlay: OverlayControl): ContentHandlers {
  return {
    // The user's library (its own block).
    async 'content:read-page'() {
      // The extension's card and panel live in a shadow root, which the reading does not enter.
      return { draft: readPageDraft(doc) };
    },
    async 'content:recheck'() {
      void checker.resend();
      return { ok: true };
    },

    async 'content:set-highlights'({ on }) {
      if (!on) overlay.show({ kind: 'none' });
      await checker.setHighlights(on);
      return { ok: true };
    },
    async 'content:reveal'({ id }) {
      const range = checker.ranges.get(id);
      const match = checker.match(id);
      if (!range || !match) return { ok: false };
      (range.startContainer.parentElement ?? doc.body).scrollIntoView({ block: 'center', behavior: 'instant' });
      overlay.show({ kind: 'card', match }, range.getBoundingClientRect());
      return { ok: true };
    },
    async 'content:check-page'() {
      void checker.check(true);
      return { ok: true };
    },
    async 'content:show-selection'({ report }) {
      overlay.show({ kind: 'panel', report }, selectionBox(doc));
      return { ok: true };
    },
  };
}

/** The content script's `runtime.onMessage` listener, given the checks `isMessage` did. */
export function handleContentMessage(handlers: ContentHandlers, message: Message): Promise<unknown> | undefined {
  if (!message.type.startsWith('content:')) return undefined;
  const handler = handlers[message.type as ContentMessage['type']] as (m: Message) => Promise<unknown>;
  return handler(message);
}
