/**
 * WCAG 1.4.12 Text spacing: with line height 1.5, paragraph spacing 2em, letter spacing 0.12em and word spacing
 * 0.16em, no content or function may be lost. Applies those metrics to `element` and to every shadow root in it,
 * as the W3C's text-spacing bookmarklet does to a page, waits for the restyle, and fails with a list of the places
 * where text is now clipped (a box that hides its overflow and has more content than room) or where the element
 * has become wider than its container. Undoes the metrics afterwards.
 */
const SPACING = `
  :host, * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }
`;

function shadowRoots(root: Element | ShadowRoot): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: Element | ShadowRoot) => {
    for (const child of node.querySelectorAll('*')) {
      if (child.shadowRoot) {
        found.push(child.shadowRoot);
        visit(child.shadowRoot);
      }
    }
  };
  if (root instanceof Element && root.shadowRoot) found.push(root.shadowRoot);
  visit(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  return found;
}

function describe(el: Element): string {
  const part = el.getAttribute('part');
  return `<${el.localName}${el.id ? `#${el.id}` : ''}${part ? ` part="${part}"` : ''}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;
}

export async function expectTextSpacingSafe(element: HTMLElement): Promise<void> {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(SPACING);
  const roots = shadowRoots(element);
  const inline = element.getAttribute('style');
  for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  element.style.setProperty('line-height', '1.5', 'important');
  element.style.setProperty('letter-spacing', '0.12em', 'important');
  element.style.setProperty('word-spacing', '0.16em', 'important');
  try {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const problems: string[] = [];
    const container = element.parentElement ?? element;
    if (element.scrollWidth > container.clientWidth + 1) {
      const right = container.getBoundingClientRect().right;
      const widest = roots
        .flatMap((root) => [...root.querySelectorAll<HTMLElement>('*')])
        .filter((el) => el.getBoundingClientRect().right > right + 1)
        .slice(-3)
        .map(describe);
      problems.push(`the element is ${element.scrollWidth}px wide in a ${container.clientWidth}px container (past the edge: ${widest.join(', ')})`);
    }
    for (const root of roots) {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        // Text for screen readers only (the visually-hidden pattern) is clipped on purpose.
        if (el.clientWidth <= 1 || el.clientHeight <= 1 || style.clip !== 'auto' || style.clipPath !== 'none') continue;
        const clipsX = style.overflowX !== 'visible';
        const clipsY = style.overflowY !== 'visible';
        // A scrolling box loses nothing: its content can be scrolled to.
        const scrolls = /auto|scroll/.test(style.overflowX + style.overflowY);
        if (scrolls) continue;
        if (clipsY && el.scrollHeight > el.clientHeight + 1) problems.push(`${describe(el)} clips its text vertically (${el.scrollHeight} > ${el.clientHeight})`);
        if (clipsX && el.scrollWidth > el.clientWidth + 1) problems.push(`${describe(el)} clips its text horizontally (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    if (problems.length > 0) throw new Error(`Text spacing (WCAG 1.4.12) loses content:\n${problems.join('\n')}`);
  } finally {
    for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
    if (inline === null) element.removeAttribute('style');
    else element.setAttribute('style', inline);
  }
}
