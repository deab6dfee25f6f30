import { createContext } from '@lit/context';
import type { Locale } from '@helsekit/core';

/** The themes shipped in `@helsekit/themes`. A host may name its own. */
export type ThemeName = 'default' | 'helsenorge' | 'high-contrast' | (string & {});

/** Who the data is about and who is filling in, as the host knows them (display only; no identifiers). */
export interface SubjectDisplay {
  /** The person the form or triage is about. */
  name: string;
  /** Set when someone fills in on another's behalf (pårørende, parent). */
  filledInBy?: { name: string; relationship?: string };
}

/**
 * Services shared by the elements inside one embedding. Everything a component may call outside itself
 * comes from here or from an explicit property, never from a global.
 */
export interface HkServices {
  /** The clock; tests and demos pin it. */
  now?: () => Date;
  /** Stores, FHIR base and token callback live here once the host configures them (see core/store). */
  [service: string]: unknown;
}

export const localeContext = createContext<Locale | undefined>(Symbol('hk-locale'));
export const themeContext = createContext<ThemeName>(Symbol('hk-theme'));
export const servicesContext = createContext<HkServices>(Symbol('hk-services'));
export const subjectContext = createContext<SubjectDisplay | undefined>(Symbol('hk-subject'));
