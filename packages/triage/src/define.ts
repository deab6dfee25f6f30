// The only module in @helsekit/triage with a side effect when imported: it registers <hk-triage>. The input
// primitives its question screens render (`question-inputs.ts`) are registered by the element itself, on demand.
import { HkTriage } from './triage.element.js';

HkTriage.define('hk-triage');

declare global {
  interface HTMLElementTagNameMap {
    'hk-triage': HkTriage;
  }
}
