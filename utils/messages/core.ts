/** Messages between pages (content scripts, popup, options) and the background: core part. */
export interface CoreProtocol {
  /** Content scripts cannot open the options page themselves. `section` is an anchor id. */
  openOptions(data: { section?: string } | undefined): void;
  /** Background → ticket tab: the keyboard command asks the page to insert the signature. */
  insertSignature(): { inserted: boolean; reason?: string };
}
