import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GocPage, PageKind } from '../utils/goc/page';
import type { Settings } from '../utils/settings';

export interface FeatureEnv {
  page: GocPage;
  settings: Settings;
  /** WXT's context: use ctx.onInvalidated / ctx.addEventListener so a reload tears our UI down. */
  ctx: ContentScriptContext;
  document: Document;
  /**
   * For 'ready' features: call between small steps of work; it yields to the page once the current
   * time slice is used up (shared by the features of one content script, see features/start.ts).
   */
  maybeYield?: () => Promise<void>;
}

/** One user-visible feature. It declares the pages it runs on and may fail alone. */
export interface Feature {
  id: string;
  pages: PageKind[];
  /**
   * When it starts: 'ready' at DOMContentLoaded (what the eye looks for first: the badges; such a
   * feature must work in slices that yield), or 'load' (the default) after the page's load event,
   * so it never holds the page's own load back.
   */
  phase?: 'ready' | 'load';
  init(env: FeatureEnv): void | Promise<void>;
}
