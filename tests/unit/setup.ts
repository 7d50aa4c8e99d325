/**
 * Shared vitest setup. `fake-indexeddb/auto` installs an in-memory IndexedDB on globalThis so Dexie
 * works under Node and happy-dom alike. Files that use storage should call `fakeBrowser.reset()`
 * (from 'wxt/testing/fake-browser') in their own beforeEach.
 */
import 'fake-indexeddb/auto';
