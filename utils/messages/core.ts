/** Messages between pages (content scripts, popup, options) and the background: core part. */
export interface CoreProtocol {
  /** Content scripts cannot open the options page themselves. `section` is an anchor id. */
  openOptions(data: { section?: string } | undefined): void;
  /** The loader content script, after the page's load event: inject the after-load scripts into this frame. */
  injectAfterLoadScripts(): { injected: string[] };
  /** Background → ticket tab: the keyboard command asks the page to insert the signature. */
  insertSignature(): { inserted: boolean; reason?: string };
}
