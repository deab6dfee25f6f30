// The red-flag screen. Unlike the other screens it is built with DOM calls, not a lit template: it is the first
// paint of every triage, which DESIGN.md budgets (≤ 100 ms from module start at 4× CPU), and on a cold page lit's
// template engine was 15–20 ms of that at 4× (preparing the screen's templates, cloning one item per red flag,
// committing about 90 parts, and compiling that code; bench/README.md). lit still renders the element and takes
// this screen's root as a child value. It is built once per content and language and then kept: while it is
// shown only the ticks and the error change (`sync`), so a re-render never moves focus or drops a tick. Every
// text goes in as a text node, never as HTML.
import type { CommonMessages, TriageMessages } from '@helsekit/core/i18n';
import type { LocalizedView, TriageView } from '@helsekit/core/triage';

type Messages = CommonMessages & TriageMessages;

/** What the screen's controls do; the element's own handlers. */
export interface RedFlagActions {
  /** A box was ticked or unticked (one `change` listener on the list, not one per box). */
  change(event: Event): void;
  /** "Nei, ingenting av dette". */
  none(): void;
  /** "Ja, noe av dette gjelder". */
  confirm(): void;
  back(): void;
  restart(): void;
}

export interface RedFlagScreen {
  /** The content and language the screen was built for. */
  readonly key: string;
  readonly root: HTMLElement;
  /** Shows the ticks and the error message ('' for none). */
  sync(checked: ReadonlySet<string>, error: string): void;
}

/** The screen for `view`: `previous` when it shows the same content in the same language, else a new one. */
export function redFlagScreen(previous: RedFlagScreen | undefined, doc: Document, view: TriageView, t: Messages, actions: RedFlagActions): RedFlagScreen {
  const key = contentKey(view, t);
  return previous?.key === key ? previous : build(key, doc, view, t, actions);
}

/** Everything the screen shows apart from the ticks and the error. */
function contentKey(view: TriageView, t: Messages): string {
  return JSON.stringify([
    view.protocol?.title,
    view.heading,
    view.progress?.label,
    view.notices,
    view.fallbackNotice,
    view.redFlags.map((f) => [f.id, f.text]),
    view.labels.noneOfThese,
    view.can.back && view.labels.back,
    view.can.restart && view.labels.restart,
    view.labels.redFlagsLegend,
    t.triageRedFlagsCheckHint,
    t.triageRedFlagsConfirm,
    t.errorPrefix,
  ]);
}

function build(key: string, doc: Document, view: TriageView, t: Messages, actions: RedFlagActions): RedFlagScreen {
  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string> = {},
    ...children: Array<Node | string>
  ): HTMLElementTagNameMap[K] => {
    const node = doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  };
  /** `lang` only where a content text differs from the page: on a bokmål fallback. */
  const withLang = <T extends HTMLElement>(node: T, text: LocalizedView | null | undefined): T => {
    if (text?.fallback) node.lang = text.lang;
    return node;
  };
  const button = (attributes: Record<string, string>, label: string, onClick: () => void): HTMLButtonElement => {
    const node = el('button', { type: 'button', ...attributes }, label);
    node.addEventListener('click', onClick);
    return node;
  };

  const boxes = view.redFlags.map((flag) => {
    const input = el('input', { type: 'checkbox', name: 'red-flag' });
    input.value = flag.id;
    return input;
  });
  const list = el(
    'ul',
    { class: 'flags' },
    ...view.redFlags.map((flag, i) => el('li', {}, el('label', { class: 'option' }, boxes[i]!, withLang(el('span', {}, flag.text.text), flag.text)))),
  );
  list.addEventListener('change', (event) => actions.change(event));
  const error = el('p', { id: 'flags-error', class: 'error', part: 'error' });
  const fieldset = el(
    'fieldset',
    { part: 'red-flags' },
    el('legend', {}, view.labels.redFlagsLegend),
    el('p', { id: 'flags-hint', class: 'hint' }, t.triageRedFlagsCheckHint),
    error,
    list,
  );

  const notices = [...view.notices, ...(view.fallbackNotice ? [view.fallbackNotice] : [])];
  const nav = el('div', { class: 'actions' });
  if (view.can.back) nav.append(button({ part: 'back-button' }, view.labels.back, () => actions.back()));
  if (view.can.restart) nav.append(button({ part: 'restart-button' }, view.labels.restart, () => actions.restart()));

  const root = el(
    'section',
    { class: 'screen', 'aria-labelledby': 'heading' },
    ...(view.protocol ? [withLang(el('p', { class: 'eyebrow' }, view.protocol.title.text), view.protocol.title)] : []),
    el('h2', { id: 'heading', part: 'heading', tabindex: '-1' }, view.heading),
    ...(view.progress ? [el('p', { class: 'progress', part: 'progress' }, view.progress.label)] : []),
    ...(notices.length ? [el('div', { class: 'notices', part: 'notices' }, ...notices.map((n) => el('p', {}, n)))] : []),
    fieldset,
    el(
      'div',
      { class: 'actions' },
      button({ class: 'primary', part: 'none-button' }, view.labels.noneOfThese, () => actions.none()),
      button({ part: 'next-button' }, t.triageRedFlagsConfirm, () => actions.confirm()),
    ),
    nav,
  );

  let shownError: string | undefined;
  return {
    key,
    root,
    sync(checked, message) {
      boxes.forEach((box) => {
        box.checked = checked.has(box.value);
        box.setAttribute('aria-invalid', message ? 'true' : 'false');
      });
      if (message === shownError) return;
      shownError = message;
      fieldset.setAttribute('aria-describedby', message ? 'flags-hint flags-error' : 'flags-hint');
      error.hidden = !message;
      error.replaceChildren(...(message ? [el('span', { class: 'visually-hidden' }, `${t.errorPrefix} `), message] : []));
    },
  };
}
