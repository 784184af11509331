import { request } from '../../lib/connector';
import type { Message, Reply } from '../../lib/protocol';

/**
 * A request to the background that fails loudly on an error or no answer (see `request`).
 * Used by the popup and the reader.
 */
export function ask<M extends Message>(message: M): Promise<Reply<M>> {
  return request(message);
}
