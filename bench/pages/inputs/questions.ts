// The same generated questions for every page of the inputs benchmark.
export const COUNT = 300;
export const questions = Array.from({ length: COUNT }, (_, i) => ({
  id: `q${i}`,
  label: `Spørsmål ${i + 1}: hvor ofte har du vært plaget de siste to ukene?`,
  options: ['Ikke i det hele tatt', 'Flere dager', 'Mer enn halvparten av dagene', 'Nesten hver dag'].map((label, v) => ({ value: String(v), label })),
}));
