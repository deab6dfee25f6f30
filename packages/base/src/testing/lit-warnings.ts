// Lit's dev-mode warnings fail the test that caused them. The dev-mode notice itself is silenced in the
// test page (web-test-runner.config.mjs); anything else Lit warns about is a defect in our code.
const warnings: string[] = [];
const original = console.warn.bind(console);

console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (/lit\.dev\/msg|Lit is in dev mode|\blit\b/i.test(text)) warnings.push(text);
  original(...args);
};

afterEach(function failOnLitWarnings() {
  if (warnings.length === 0) return;
  const found = warnings.splice(0);
  throw new Error(`Lit warned during this test:\n${found.join('\n')}`);
});
