import { send } from '../../lib/connector';
import type { Message, Reply } from '../../lib/protocol';

/**
 * `send`, failing loudly: the background answers `{ error }` when a request fails and
 * nothing at all when it is not listening, and neither must reach a view as data.
 * Used by the popup and the reader.
 */
export async function ask<M extends Message>(message: M): Promise<Reply<M>> {
  const reply: unknown = await send(message);
  if (reply === undefined || reply === null) throw new Error('The extension did not answer. Try reopening it.');
  const error = typeof reply === 'object' && 'error' in reply ? reply.error : undefined;
  if (typeof error === 'string') throw new Error(error);
  return reply as Reply<M>;
}
