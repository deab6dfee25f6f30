// A shared XSS corpus for helsekit's own tests (not part of the published package). Every payload, if its
// markup ever executes anywhere on the page, sets the global canary `__hkXss` (`window.__hkXss = 1`). The
// kinds follow the OWASP XSS filter evasion cheat sheet, plus the template and piping syntaxes our renderers
// meet: Lit/`${}` template literals, `{{ }}` sandboxes, SurveyJS `{answer}` piping and markdown links.

/** The global the payloads set. */
export const XSS_CANARY = '__hkXss';

export type XssKind =
  | 'script'
  | 'event-handler'
  | 'url-scheme'
  | 'broken-markup'
  | 'attribute-breakout'
  | 'namespace'
  | 'inert-container'
  | 'srcdoc'
  | 'css'
  | 'template-injection'
  | 'piping'
  | 'markdown';

export interface XssPayload {
  readonly id: string;
  readonly kind: XssKind;
  readonly payload: string;
}

const c = 'window.__hkXss=1';

/** At least 50 payloads; `id`s are stable so a failure names its payload. */
export const XSS_CORPUS: readonly XssPayload[] = [
  // <script> in its many spellings
  { id: 'script-plain', kind: 'script', payload: `<script>${c}</script>` },
  { id: 'script-mixed-case', kind: 'script', payload: `<ScRiPt>${c}</sCrIpT>` },
  { id: 'script-src-data', kind: 'script', payload: `<script src="data:text/javascript,${c}"></script>` },
  { id: 'script-slash-attr', kind: 'script', payload: `<script/xss src="data:,${c}"></script>` },
  { id: 'script-unclosed', kind: 'script', payload: `<script>${c}//` },
  { id: 'script-split', kind: 'script', payload: `<scr<script>ipt>${c}</scr</script>ipt>` },
  { id: 'script-close-first', kind: 'script', payload: `</script><script>${c}</script>` },
  // event handlers
  { id: 'img-onerror', kind: 'event-handler', payload: `<img src=x onerror="${c}">` },
  { id: 'img-onerror-noquotes', kind: 'event-handler', payload: `<img src=x onerror=${c}>` },
  { id: 'img-onerror-entities', kind: 'event-handler', payload: '<img src=x onerror="&#119;&#105;&#110;&#100;&#111;&#119;.__hkXss=1">' },
  { id: 'img-onerror-hex-entities', kind: 'event-handler', payload: '<img src=x onerror="&#x77;indow&#x2E;__hkXss&#x3D;1">' },
  { id: 'img-grave-accent', kind: 'event-handler', payload: `<img src=\`x\` onerror=\`${c}\`>` },
  { id: 'img-newline-handler', kind: 'event-handler', payload: `<img src=x\nonerror\n=\n"${c}">` },
  { id: 'svg-onload', kind: 'event-handler', payload: `<svg onload="${c}"></svg>` },
  { id: 'svg-slash-onload', kind: 'event-handler', payload: `<svg/onload=${c}>` },
  { id: 'body-onload', kind: 'event-handler', payload: `<body onload="${c}">` },
  { id: 'iframe-onload', kind: 'event-handler', payload: `<iframe onload="${c}"></iframe>` },
  { id: 'details-ontoggle', kind: 'event-handler', payload: `<details open ontoggle="${c}"><summary>x</summary></details>` },
  { id: 'video-onerror', kind: 'event-handler', payload: `<video><source onerror="${c}"></video>` },
  { id: 'audio-onerror', kind: 'event-handler', payload: `<audio src=x onerror="${c}">` },
  { id: 'input-autofocus', kind: 'event-handler', payload: `<input autofocus onfocus="${c}">` },
  { id: 'marquee-onstart', kind: 'event-handler', payload: `<marquee onstart="${c}">x</marquee>` },
  { id: 'object-onerror', kind: 'event-handler', payload: `<object data=x onerror="${c}"></object>` },
  { id: 'div-onpointer', kind: 'event-handler', payload: `<div onpointerover="${c}" onmouseover="${c}">hold over</div>` },
  // javascript:, data:, vbscript: with case, entity and whitespace tricks
  { id: 'a-javascript', kind: 'url-scheme', payload: `<a href="javascript:${c}">lenke</a>` },
  { id: 'a-javascript-case', kind: 'url-scheme', payload: `<a href="JaVaScRiPt:${c}">lenke</a>` },
  { id: 'a-javascript-tab', kind: 'url-scheme', payload: `<a href="jav\tascript:${c}">lenke</a>` },
  { id: 'a-javascript-entity-tab', kind: 'url-scheme', payload: `<a href="jav&#x09;ascript:${c}">lenke</a>` },
  { id: 'a-javascript-decimal', kind: 'url-scheme', payload: '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.__hkXss=1">lenke</a>' },
  { id: 'a-javascript-leading-space', kind: 'url-scheme', payload: `<a href=" &#14; javascript:${c}">lenke</a>` },
  { id: 'bare-javascript-url', kind: 'url-scheme', payload: `javascript:${c}` },
  { id: 'iframe-javascript', kind: 'url-scheme', payload: `<iframe src="javascript:${c}"></iframe>` },
  { id: 'data-html-base64', kind: 'url-scheme', payload: '<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX19oa1hzcz0xPC9zY3JpcHQ+">data</a>' },
  { id: 'object-data-url', kind: 'url-scheme', payload: `<object data="data:text/html,<script>parent.__hkXss=1</script>"></object>` },
  { id: 'vbscript', kind: 'url-scheme', payload: '<a href="vbscript:msgbox(1)" onclick="window.__hkXss=1">vb</a>' },
  { id: 'form-action', kind: 'url-scheme', payload: `<form action="javascript:${c}"><button>send</button></form>` },
  { id: 'button-formaction', kind: 'url-scheme', payload: `<button formaction="javascript:${c}">send</button>` },
  { id: 'embed-javascript', kind: 'url-scheme', payload: `<embed src="javascript:${c}">` },
  { id: 'meta-refresh', kind: 'url-scheme', payload: `<meta http-equiv="refresh" content="0;url=javascript:${c}">` },
  { id: 'base-href', kind: 'url-scheme', payload: `<base href="javascript:${c}//">` },
  // broken and nested tags
  { id: 'nested-angle', kind: 'broken-markup', payload: `<<script>${c};//<</script>` },
  { id: 'unclosed-img', kind: 'broken-markup', payload: `<img src=x onerror="${c}"` },
  { id: 'comment-break', kind: 'broken-markup', payload: `<!--<img src="--><img src=x onerror=${c}//">` },
  { id: 'cdata', kind: 'broken-markup', payload: `<![CDATA[<img src=x onerror=${c}>]]>` },
  { id: 'textarea-escape', kind: 'broken-markup', payload: `</textarea><img src=x onerror=${c}>` },
  { id: 'title-escape', kind: 'broken-markup', payload: `</title><svg onload=${c}>` },
  // attribute breakouts with quotes and backticks
  { id: 'breakout-double', kind: 'attribute-breakout', payload: `"><img src=x onerror="${c}">` },
  { id: 'breakout-single', kind: 'attribute-breakout', payload: `'><svg/onload=${c}>` },
  { id: 'breakout-handler', kind: 'attribute-breakout', payload: `" onmouseover="${c}" autofocus onfocus="${c}" x="` },
  { id: 'breakout-single-handler', kind: 'attribute-breakout', payload: `' onfocus='${c}' autofocus '` },
  { id: 'breakout-backtick', kind: 'attribute-breakout', payload: `\` onerror=\`${c}\`` },
  { id: 'breakout-unquoted', kind: 'attribute-breakout', payload: `x onerror=${c} ` },
  // SVG and MathML namespace tricks
  { id: 'svg-script', kind: 'namespace', payload: `<svg><script>${c}</script></svg>` },
  { id: 'svg-animate', kind: 'namespace', payload: `<svg><animate onbegin="${c}" attributeName=x dur=1s></svg>` },
  { id: 'svg-a-xlink', kind: 'namespace', payload: `<svg><a xlink:href="javascript:${c}"><text x=20 y=20>klikk</text></a></svg>` },
  { id: 'svg-foreignobject', kind: 'namespace', payload: `<svg><foreignObject><img src=x onerror="${c}"></foreignObject></svg>` },
  { id: 'math-mglyph', kind: 'namespace', payload: `<math><mtext><table><mglyph><style><img src=x onerror="${c}">` },
  { id: 'math-href', kind: 'namespace', payload: `<math href="javascript:${c}">klikk</math>` },
  { id: 'svg-style-mxss', kind: 'namespace', payload: `<svg></p><style><a id="</style><img src=1 onerror=${c}>">` },
  // <template>, <noscript>, <style>, <xmp> containers
  { id: 'template-img', kind: 'inert-container', payload: `<template><img src=x onerror="${c}"></template>` },
  { id: 'noscript-mxss', kind: 'inert-container', payload: `<noscript><p title="</noscript><img src=x onerror=${c}>">` },
  { id: 'style-breakout', kind: 'inert-container', payload: `<style></style><img src=x onerror=${c}>` },
  { id: 'xmp-breakout', kind: 'inert-container', payload: `<xmp></xmp><img src=x onerror=${c}></xmp>` },
  { id: 'plaintext', kind: 'inert-container', payload: `<plaintext><img src=x onerror=${c}>` },
  // srcdoc
  { id: 'iframe-srcdoc', kind: 'srcdoc', payload: `<iframe srcdoc="<script>parent.__hkXss=1</script>"></iframe>` },
  { id: 'iframe-srcdoc-entities', kind: 'srcdoc', payload: '<iframe srcdoc="&lt;img src=x onerror=parent.__hkXss=1&gt;"></iframe>' },
  // CSS
  { id: 'css-expression', kind: 'css', payload: `<div style="width: expression(${c})">x</div>` },
  { id: 'css-url-javascript', kind: 'css', payload: `<div style="background:url(javascript:${c})">x</div>` },
  { id: 'css-import', kind: 'css', payload: `<style>@import "javascript:${c}";</style>` },
  { id: 'css-link', kind: 'css', payload: `<link rel=stylesheet href="javascript:${c}">` },
  // template literals and sandboxes
  { id: 'template-literal', kind: 'template-injection', payload: `\${${c}}` },
  { id: 'template-literal-backtick', kind: 'template-injection', payload: `\`;${c};\`` },
  { id: 'mustache-constructor', kind: 'template-injection', payload: `{{constructor.constructor("${c}")()}}` },
  { id: 'mustache-triple', kind: 'template-injection', payload: `{{{<img src=x onerror=${c}>}}}` },
  { id: 'angular-sandbox', kind: 'template-injection', payload: `{{$on.constructor('${c}')()}}` },
  { id: 'lit-marker', kind: 'template-injection', payload: `<?lit$1234$><img src=x onerror=${c}>` },
  // SurveyJS piping and expressions
  { id: 'piping-answer', kind: 'piping', payload: `{q}<img src=x onerror=${c}>` },
  { id: 'piping-nested', kind: 'piping', payload: `{{q}}{q.text}{locale}<svg onload=${c}>` },
  { id: 'piping-expression', kind: 'piping', payload: `{q} + 1 = {=${c}}` },
  // markdown links and images
  { id: 'markdown-link', kind: 'markdown', payload: `[klikk](javascript:${c})` },
  { id: 'markdown-image', kind: 'markdown', payload: `![x](x "onerror=${c}")` },
  { id: 'markdown-autolink', kind: 'markdown', payload: `<javascript:${c}>` },
  { id: 'markdown-html', kind: 'markdown', payload: `**fet** <img src=x onerror=${c}> _kursiv_` },
];

/** The payload strings alone. */
export const XSS_PAYLOADS: readonly string[] = XSS_CORPUS.map((p) => p.payload);

/** Tag names that no helsekit element renders in a text field; finding one means markup was parsed. */
export const XSS_TAGS = [
  'script',
  'img',
  'svg',
  'iframe',
  'frame',
  'object',
  'embed',
  'video',
  'audio',
  'source',
  'details',
  'marquee',
  'math',
  'template',
  'noscript',
  'style',
  'link',
  'meta',
  'base',
  'xmp',
  'plaintext',
  'animate',
  'foreignobject',
] as const;

interface CanaryGlobal {
  __hkXss?: unknown;
}

export function resetXssCanary(): void {
  delete (globalThis as CanaryGlobal).__hkXss;
}

export function xssCanaryFired(): boolean {
  return (globalThis as CanaryGlobal).__hkXss !== undefined;
}

/** Every element under `root`, crossing open shadow roots (the input primitives keep labels in their own). */
export function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  const stack: ParentNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) stack.push(el.shadowRoot);
    }
  }
  return out;
}

/** The text of `root` and of every shadow root under it, whitespace collapsed, plus attribute-held labels. */
export function deepText(root: ParentNode): string {
  const parts: string[] = [];
  const stack: ParentNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    parts.push(node.textContent ?? '');
    for (const el of node.querySelectorAll('*')) if (el.shadowRoot) stack.push(el.shadowRoot);
  }
  return collapse(parts.join(' '));
}

export const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'xlink:href', 'poster', 'background'];

/**
 * What is wrong under `root` from the corpus' point of view: a tag from `XSS_TAGS` that `allowedTags` does not
 * list (an element's own chart may be an `<svg>`), any `on*` attribute, a `javascript:`/`data:`/`vbscript:` URL
 * attribute, or an inline `style` attribute. Empty when the DOM is clean.
 */
export function xssFindings(root: ParentNode, allowedTags: readonly string[] = []): string[] {
  const findings: string[] = [];
  for (const el of deepElements(root)) {
    const tag = el.localName.toLowerCase();
    if ((XSS_TAGS as readonly string[]).includes(tag) && !allowedTags.includes(tag)) findings.push(`<${tag}>`);
    for (const attr of el.getAttributeNames()) {
      const name = attr.toLowerCase();
      // Browsers ignore whitespace and control characters in a URL scheme ("jav\tascript:"); so does this check.
      const value = [...(el.getAttribute(attr) ?? '')].filter((ch) => ch.charCodeAt(0) > 0x20).join('').toLowerCase();
      if (/^on[a-z]+$/.test(name) && name in el) findings.push(`<${tag} ${name}>`);
      if (URL_ATTRIBUTES.includes(name) && /^(javascript|data|vbscript):/.test(value)) findings.push(`<${tag} ${name}="${value.slice(0, 40)}">`);
      if (name === 'style') findings.push(`<${tag} style>`);
    }
  }
  return findings;
}
