/**
 * XSS payloads for the `xss` seed tickets. Each one, if it ever runs, increments
 * `window.__gtaXss` and logs `GTA-XSS-EXECUTED`. The JS uses no quotes (the marker is a regex's
 * `.source`) so the payloads survive any attribute quoting.
 */
import { listedWeeks } from './rotation.mjs';
import { ymd } from './time.mjs';

export const XSS_MARKER = 'GTA-XSS-EXECUTED';
export const XSS_JS = 'window.__gtaXss=(window.__gtaXss||0)+1;console.log(/GTA-XSS-EXECUTED/.source)';

const J = XSS_JS;
const decEntities = (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join('');
const hexEntities = (s) => [...s].map((c) => `&#x${c.codePointAt(0).toString(16)};`).join('');
const b64 = Buffer.from(J).toString('base64');
/** Every character as %XX: fits inside a regex literal (no `/`), decoded with decodeURIComponent. */
const pct = (s) => [...Buffer.from(s)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');

/** At least 60 distinct payloads: tags, handlers, URLs, entity-encoded, escaped, bidi and context breakers. */
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
  // 40-: more contexts (issue 10: at least 60)
  `<style onload=${J}></style>`,
  `<link rel=stylesheet href=x onerror=${J}>`,
  `<body onpageshow=${J}>`,
  `<select autofocus onfocus=${J}><option>x</option></select>`,
  `<textarea autofocus onfocus=${J}>x</textarea>`,
  `<keygen autofocus onfocus=${J}>`,
  `<div onpointerover=${J} style=position:fixed;inset:0>cover</div>`,
  `<svg><animate onbegin=${J} attributeName=x dur=1s>`,
  `<svg><set onbegin=${J} attributename=x to=1>`,
  `<svg><a xlink:href="javascript:${J}"><text x=20 y=20>svg link</text></a></svg>`,
  `<iframe srcdoc="&lt;script&gt;${J}&lt;/script&gt;"></iframe>`,
  `<embed src="javascript:${J}">`,
  `<base href="javascript:${J}//">`,
  `<meta http-equiv=refresh content="0;url=javascript:${J}">`,
  `<img src=x:alert onerror=${J} alt="&quot;&gt;&lt;x">`,
  `<noscript><p title="</noscript><img src=x onerror=${J}>">`,
  `<template><img src=x onerror=${J}></template>`,
  `<xmp><img src=x onerror=${J}></xmp>`,
  `<table><tr><td background="javascript:${J}">cell</td></tr></table>`,
  `<img src=x onerror=\\u0065val(atob(/${b64}/.source))>`,
  `<img src=x onerror=${J}//\u202e>`,
  `\\u003Cscript\\u003E${J}\\u003C/script\\u003E`,
  `<ScRiPt>${J}</sCrIpT>`,
  `<script/x>${J}</script>`,
  `<img/src=x/onerror=${J}>`,
  `<a href=" javascript:${J}">leading space</a>`,
  `<a href="JaVaScRiPt:${J}">mixed case</a>`,
  `<form id=f action=javascript:${J}><input type=submit id=s></form>`,
  `<isindex type=image src=1 onerror=${J}>`,
  `<input type=image src=x onerror=${J}>`,
  `<object type=text/html data="data:text/html;base64,${Buffer.from(`<script>${J}</script>`).toString('base64')}"></object>`,
  `<a href="data:text/html,<script>${encodeURIComponent(J)}</script>">data url</a>`,
  `\\x3cimg src=x onerror=${J}\\x3e`,
  `<!--><img src=x onerror=${J}>-->`,
  `<![CDATA[<img src=x onerror=${J}>]]>`,
  `<div style="background:url(javascript:${J})">css url</div>`,
  `<div style="width:expression(${J})">css expression</div>`,
  `<svg><foreignObject><img src=x onerror=${J}></foreignObject></svg>`,
  `<dialog open onclose=${J}><form method=dialog><button>x</button></form></dialog>`,
  `<img src="x" onerror="${hexEntities(J)}">`,
  `\u202e<img src=x onerror=${J}> \u05e9\u05dc\u05d5\u05dd`,
  `<img src=x onerror=${J}> Jose\u0301 \u0627\u0644\u0639\u0631\u0628\u064a\u0629`,
];

/** The JSON rotation feed (`/rotation/xss.json`) with a payload as every week's person. */
export function xssRotationJson(nowMs) {
  return JSON.stringify(listedWeeks(nowMs).map((r, i) => ({ week: ymd(r.week), person: XSS_PAYLOADS[i % XSS_PAYLOADS.length] })), null, 1);
}
