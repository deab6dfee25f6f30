// Imported first by each triage bench page, so this mark is taken when the page's module code starts to run,
// before lit, xstate or the element are evaluated.
performance.mark('bench:start');
