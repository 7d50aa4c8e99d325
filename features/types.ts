import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { GocPage, PageKind } from '../utils/goc/page';
import type { Settings } from '../utils/settings';

export interface FeatureEnv {
  page: GocPage;
  settings: Settings;
  /** WXT's context: use ctx.onInvalidated / ctx.addEventListener so a reload tears our UI down. */
  ctx: ContentScriptContext;
  document: Document;
}

/** One user-visible feature. It declares the pages it runs on and may fail alone. */
export interface Feature {
  id: string;
  pages: PageKind[];
  init(env: FeatureEnv): void | Promise<void>;
}
