import { provide } from '@lit/context';
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { commonCatalogsOnDemand, type Locale } from '@helsekit/core';
import {
  localeContext,
  servicesContext,
  subjectContext,
  themeContext,
  type HkServices,
  type SubjectDisplay,
  type ThemeName,
} from './contexts.js';
import { HkElement } from './hk-element.js';
import { MessagesController } from './messages.controller.js';

/**
 * Shares a theme, services and the subject with every helsekit element inside it, so a host configures one
 * embedding once. Its locale is the nearest `lang`, like every element's.
 *
 * @tagname hk-provider
 * @summary Configuration shared by the helsekit elements inside it.
 * @slot - The elements that share this configuration.
 */
export class HkProvider extends HkElement {
  readonly #localize = new MessagesController(this, commonCatalogsOnDemand);

  /** The theme name elements may read (styling itself comes from the theme's CSS tokens). */
  @provide({ context: themeContext })
  @property({ reflect: true })
  theme: ThemeName = 'default';

  /** Shared services: clock, stores. Set as a property. */
  @provide({ context: servicesContext })
  @property({ attribute: false })
  services: HkServices = {};

  /** Who the data is about, and who fills in on their behalf. Set as a property. */
  @provide({ context: subjectContext })
  @property({ attribute: false })
  subject: SubjectDisplay | undefined;

  /** The locale in force here, for code that reads it from context. Read-only: set `lang` to change it. */
  @provide({ context: localeContext })
  locale: Locale | undefined;

  override willUpdate(): void {
    this.locale = this.#localize.locale;
  }

  override render() {
    return html`<slot></slot>`;
  }
}
