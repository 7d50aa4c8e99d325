/**
 * XSS payloads for the `xss` seed tickets. Each one, if it ever runs, increments
 * `window.__gtaXss` and logs `GTA-XSS-EXECUTED`. The JS uses no quotes (the marker is a regex's
 * `.source`) so the payloads survive any attribute quoting.
 */
export const XSS_MARKER = 'GTA-XSS-EXECUTED';
export const XSS_JS = 'window.__gtaXss=(window.__gtaXss||0)+1;console.log(/GTA-XSS-EXECUTED/.source)';

const J = XSS_JS;
const decEntities = (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
const hexEntities = (s) => [...s].map((c) => `&#x${c.codePointAt(0).toString(16)};`).join('');
const b64 = Buffer.from(J).toString('base64');
/** Every character as %XX: fits inside a regex literal (no `/`), decoded with decodeURIComponent. */
const pct = (s) => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

/** At least 30 distinct payloads: tags, handlers, URLs, entity-encoded and context breakers. */
export const XSS_PAYLOADS = [
  `<script>${J}</script>`,
  `<img src=x onerror=${J}>`,
  `<img src="x" onerror="${J}">`,
  `<svg onload=${J}>`,
  `<svg/onload=${J}>`,
  `<svg><script>${J}</script></svg>`,
  `<a href="javascript:${J}">click me</a>`,
  `javascript:${J}`,
  `<iframe src="javascript:${J}"></iframe>`,
  `<body onload=${J}>`,
  `<details open ontoggle=${J}>`,
  `<input autofocus onfocus=${J}>`,
  `<video><source onerror=${J}></video>`,
  `<audio src=x onerror=${J}>`,
  `"><script>${J}</script>`,
  `'><img src=x onerror=${J}>`,
  `" onmouseover="${J}" data-x="`,
  `' onfocus='${J}' autofocus='`,
  `&#60;script&#62;${J}&#60;/script&#62;`,
  `&lt;img src=x onerror=${J}&gt;`,
  `&#x3C;svg onload=${J}&#x3E;`,
  `%3Cscript%3E${J}%3C/script%3E`,
  `<scr<script>ipt>${J}</scr</script>ipt>`,
  `<SCRIPT SRC=data:text/javascript,${encodeURIComponent(J)}></SCRIPT>`,
  `<object data="javascript:${J}"></object>`,
  `<form><button formaction=javascript:${J}>go</button></form>`,
  `<img src=x onerror="${decEntities(J)}">`,
  `<a href="jav&#x09;ascript:${J}">tab</a>`,
  `<a href="&#106;avascript:${J}">entity scheme</a>`,
  `</pre><script>${J}</script><pre>`,
  `</textarea><script>${J}</script>`,
  `</title><script>${J}</script>`,
  `<img src=x onerror=eval(atob(/${b64}/.source))>`,
  `<math><mtext></form><form><mglyph><style></math><img src=x onerror=${J}>`,
  `<img """><script>${J}</script>">`,
  `';${J};//`,
  `";${J};//`,
  `{{constructor.constructor(decodeURIComponent(/${pct(J)}/.source))()}}`,
  `<a href="${hexEntities('javascript:')}${J}">hex scheme</a>`,
  `<marquee onstart=${J}>scroll</marquee>`,
];
