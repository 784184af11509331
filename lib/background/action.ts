/** The part of the toolbar button's API the background uses. */
export interface BadgeApi {
  setBadgeText(details: { tabId?: number; text: string | null }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void> | void;
}

/**
 * The toolbar button's API: `action` in Manifest V3, `browserAction` in Firefox's Manifest V2
 * build, which has no `action` (calling it there threw, and nothing was checked).
 */
export function badge(api: { action?: unknown; browserAction?: unknown }): BadgeApi {
  const found = (api.action ?? api.browserAction) as BadgeApi | undefined;
  if (!found) throw new Error('this browser has neither action nor browserAction');
  return found;
}
