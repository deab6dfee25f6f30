/** The helsekit version, compared by `defineElement` when a tag is already registered. */
export const HELSEKIT_VERSION = '0.1.0';
