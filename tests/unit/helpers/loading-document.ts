/**
 * The document as a content script at document_start sees it: still loading until the test says.
 * `parsed()` fires DOMContentLoaded (readyState "interactive"), `loaded()` the load event ("complete").
 */
export function loadingDocument() {
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(document, 'readyState', { configurable: true, get: () => state });
  return {
    parsed: () => {
      state = 'interactive';
      document.dispatchEvent(new Event('DOMContentLoaded'));
    },
    loaded: () => {
      state = 'complete';
      window.dispatchEvent(new Event('load'));
    },
  };
}
