/** The toolbar badge: one call sets text, colour, tooltip and text colour in either browser. */

export interface BadgeLook {
  text: string;
  colour: string;
  title: string;
}

/** The part of `action` / `browserAction` the badge uses (either may return a promise). */
export interface ActionApi {
  setBadgeText(details: { text: string }): unknown;
  setBadgeBackgroundColor(details: { color: string }): unknown;
  setTitle(details: { title: string }): unknown;
}

/** Chrome MV3 has `action`, Firefox MV2 `browserAction`. */
export function toolbarAction(api: { action?: ActionApi; browserAction?: ActionApi }): ActionApi {
  const action = api.action ?? api.browserAction;
  if (!action) throw new Error('No toolbar action API');
  return action;
}

export async function showBadge(action: ActionApi, look: BadgeLook): Promise<void> {
  await action.setBadgeText({ text: look.text });
  await action.setBadgeBackgroundColor({ color: look.colour });
  await action.setTitle({ title: look.title });
  // setBadgeTextColor: Chrome 110+, Firefox 63+; absent elsewhere.
  await (action as { setBadgeTextColor?: (d: { color: string }) => unknown }).setBadgeTextColor?.({ color: '#ffffff' });
}
