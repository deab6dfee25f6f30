// Shared by every package's `cem analyze` (run from scripts/build.mjs).
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/**/*.typetest.ts', 'src/testing/**', 'src/**/*.cli.ts'],
  litelement: true,
  plugins: [
    {
      // Our events are typed classes; the analyzer guesses a name from each `new XEvent(arg)` call. Keep
      // the events the element documents with @event, which carry the real names and details.
      name: 'helsekit-documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((e) => e.name && e.description);
            if (declaration.events?.length === 0) delete declaration.events;
          }
        }
      },
    },
  ],
};
