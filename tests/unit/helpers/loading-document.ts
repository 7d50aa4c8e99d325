/**
 * The document as a content script at document_start sees it: still loading until the test says.
 * `parsed()` fires DOMContentLoaded (readyState "interactive"), `loaded()` the load event ("complete").
 */
export function loadingDocument(doc: Document = document, win: Window = window) {
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(doc, 'readyState', { configurable: true, get: () => state });
  return {
    parsed: () => {
      state = 'interactive';
      doc.dispatchEvent(new Event('DOMContentLoaded'));
    },
    loaded: () => {
      state = 'complete';
      win.dispatchEvent(new Event('load'));
    },
  };
}
