// Imported first by each triage bench page, so this mark is taken when the page's module code starts to run,
// before lit, xstate or the element are evaluated. The pages avoid top-level await: in a module graph with one,
// the bundler turns its chunk optimizations off (rolldown `chunkOptimization`), and the pages would no longer be
// built as a host's page is.
performance.mark('bench:start');
